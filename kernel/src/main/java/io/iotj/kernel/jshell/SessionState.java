package io.iotj.kernel.jshell;

import io.iotj.kernel.session.MethodInfo;
import io.iotj.kernel.session.NotebookFunction;
import io.iotj.kernel.session.VariableInfo;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

/**
 * The session's variables, methods and declaration sources as they were after the last evaluation.
 * {@link #refresh} runs under the evaluator's lock; every read takes the latest snapshot and never
 * waits, so graph threads and completion can ask while a cell runs.
 */
final class SessionState {
    private final CellExecutionControl control;
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    SessionState(CellExecutionControl control) {
        this.control = control;
    }

    /** Takes a new snapshot of {@code shell}; {@code classOf} names the class a snippet compiled to. */
    void refresh(JShell shell, Function<Snippet, String> classOf) {
        Map<String, VarEntry> vars = new LinkedHashMap<>();
        List<MethodEntry> methodEntries = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Snippet s : shell.snippets().toList()) {
            Snippet.Status status = shell.status(s);
            if (!status.isActive()) {
                continue;
            }
            switch (s) {
                case VarSnippet v -> {
                    if (status.isDefined()) {
                        vars.remove(v.name());
                        vars.put(v.name(), new VarEntry(v.name(), v.typeName(), classOf.apply(v)));
                    }
                    if (v.subKind() != Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                        sources.add(s.source().strip());
                    }
                }
                case MethodSnippet m -> {
                    boolean callable = status == Snippet.Status.VALID;
                    methodEntries.add(new MethodEntry(new MethodInfo(m.name(), m.signature(), m.source().strip(),
                            callable), callable ? classOf.apply(m) : ""));
                    sources.add(s.source().strip());
                }
                default -> {
                    if (s.kind() == Snippet.Kind.IMPORT || s.kind() == Snippet.Kind.TYPE_DECL) {
                        sources.add(s.source().strip());
                    }
                }
            }
        }
        snapshot = new Snapshot(Collections.unmodifiableMap(vars), List.copyOf(methodEntries),
                methodEntries.stream().map(MethodEntry::info).toList(), List.copyOf(sources));
    }

    /** The live object held by variable {@code name}, if the session has such a variable. */
    Optional<Object> variable(String name) {
        VarEntry entry = snapshot.vars.get(name);
        if (entry == null) {
            return Optional.empty();
        }
        try {
            Field f = control.classNamed(entry.className).getDeclaredField(name);
            f.setAccessible(true);
            return Optional.ofNullable(f.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    boolean hasVariable(String name) {
        return snapshot.vars.containsKey(name);
    }

    /** The declared type of variable {@code name}, or null when there is none. */
    String typeOf(String name) {
        VarEntry entry = snapshot.vars.get(name);
        return entry == null ? null : entry.type;
    }

    List<VariableInfo> variables() {
        return snapshot.vars.values().stream().map(v -> new VariableInfo(v.name, v.type)).toList();
    }

    List<MethodInfo> methods() {
        return snapshot.methods;
    }

    List<String> sources() {
        return snapshot.sources;
    }

    /** Every callable overload of the cell method {@code name}. */
    List<NotebookFunction> functionsNamed(String name) {
        List<NotebookFunction> out = new ArrayList<>();
        for (MethodEntry m : snapshot.methodEntries) {
            if (!m.info.name().equals(name) || !m.info.callable()) {
                continue;
            }
            try {
                for (Method method : control.classNamed(m.className).getDeclaredMethods()) {
                    if (method.getName().equals(name) && !method.isSynthetic()
                            && Modifier.isStatic(method.getModifiers())) {
                        out.add(new NotebookFunction(name, m.info.signature(), method));
                        break;
                    }
                }
            } catch (ClassNotFoundException e) {
                // not loaded: the method has never compiled cleanly
            }
        }
        return out;
    }

    private record VarEntry(String name, String type, String className) {
    }

    private record MethodEntry(MethodInfo info, String className) {
    }

    private record Snapshot(Map<String, VarEntry> vars, List<MethodEntry> methodEntries, List<MethodInfo> methods,
                            List<String> sources) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), List.of(), List.of(), List.of());
    }
}
