package io.iotj.remote.node;

import io.iotj.maven.ClasspathInventory;
import io.iotj.maven.Coordinates;
import io.iotj.maven.DependencyCheck;
import io.iotj.maven.DependencyConflictException;
import io.iotj.maven.MavenInputException;
import io.iotj.maven.ResolutionException;
import io.iotj.maven.ResolvedArtifact;
import io.iotj.maven.Resolvers;
import io.iotj.maven.ShippedDependencies;

import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Functions defined in notebook cells, compiled again on the node: the kernel ships the sources of
 * the snippets a part needs (imports, methods, classes), and this JShell (local execution, in the
 * node's JVM) compiles them so templates can name their methods.
 *
 * <p>A method is handed to the node through {@link SnippetBridge} by a small generated snippet that
 * converts the arguments (numbers arrive as {@code Long}/{@code Double} and are narrowed to the
 * parameter types the method declares).
 */
public final class SnippetFunctions implements AutoCloseable {
    private static final AtomicLong KEYS = new AtomicLong();
    private final JShell shell;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    /** What the shipped Maven dependencies added to this JShell, by group:artifact. */
    private final Map<String, Coordinates> loaded = new HashMap<>();

    /** A fresh JShell that sees the node's class path. */
    public SnippetFunctions() {
        PrintStream out = new PrintStream(output, true);
        shell = JShell.builder().executionEngine("local").out(out).err(out).build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        try {
            shell.addToClasspath(Path.of(SnippetBridge.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        } catch (URISyntaxException | NullPointerException e) {
            // already on java.class.path
        }
    }

    /** A snippet that did not compile or failed when run; the message says where. */
    public static final class SnippetError extends Exception {
        public SnippetError(String message) {
            super(message);
        }
    }

    /**
     * Compiles and runs {@code source} (one cell's text, possibly many snippets).
     *
     * @throws SnippetError with line and column within {@code source} for the first rejected snippet
     */
    public synchronized void define(String source) throws SnippetError {
        Optional<ShippedDependencies> dependencies;
        try {
            dependencies = ShippedDependencies.fromSource(source);
        } catch (MavenInputException e) {
            throw new SnippetError("the notebook's Maven dependencies line is malformed: " + e.getMessage());
        }
        if (dependencies.isPresent()) {
            addDependencies(dependencies.get());
            return;
        }
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        String rest = source;
        int offset = 0;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo ci = sca.analyzeCompletion(rest);
            String snippet = ci.source();
            if (snippet == null || ci.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE) {
                throw new SnippetError("incomplete code at " + position(source, offset + leadingBlank(rest)) + ": " + firstLine(rest));
            }
            // the snippet's text starts at the first non-blank character of what is left
            int start = offset + leadingBlank(rest) - leadingBlank(snippet);
            for (SnippetEvent e : shell.eval(snippet)) {
                if (e.status() == Snippet.Status.REJECTED) {
                    List<Diag> diags = shell.diagnostics(e.snippet()).toList();
                    String why = diags.isEmpty() ? "rejected" : diags.getFirst().getMessage(Locale.ROOT);
                    int at = diags.isEmpty() ? 0 : (int) Math.max(0, diags.getFirst().getStartPosition());
                    throw new SnippetError("error at " + position(source, start + at) + ": " + why);
                }
                if (e.exception() != null) {
                    throw new SnippetError("snippet at " + position(source, start) + " failed: " + e.exception().getMessage());
                }
            }
            offset += rest.length() - ci.remaining().length();
            rest = ci.remaining();
        }
    }

    /**
     * Resolves the notebook's {@code %maven} coordinates here, with this node's Maven settings, and adds
     * the jars to this JShell, checked as the kernel checks them against the node's own classpath.
     */
    private void addDependencies(ShippedDependencies deps) throws SnippetError {
        try {
            ClasspathInventory own = ClasspathInventory.ofThisJvm();
            List<ResolvedArtifact> resolved = Resolvers.load().resolve(deps.coordinates(),
                    DependencyCheck.managed(own, loaded.values()), deps.repositories(), line -> { });
            DependencyCheck.Outcome outcome = DependencyCheck.check(resolved, own, loaded);
            for (Path jar : outcome.jars()) {
                shell.addToClasspath(jar.toString());
            }
            outcome.added().forEach(a -> loaded.put(a.coordinates().key(), a.coordinates()));
        } catch (ResolutionException | DependencyConflictException | IllegalStateException e) {
            throw new SnippetError("the notebook's Maven dependencies " + deps.coordinates()
                    + " could not be added on this node: " + e.getMessage());
        }
    }

    /**
     * The method {@code name} defined by the snippets, taking {@code arity} arguments, as a function
     * of an argument array; empty when no such method was shipped.
     *
     * @throws SnippetError when the method exists but several overloads take {@code arity} arguments
     */
    public synchronized Optional<Function<Object[], Object>> resolve(String name, int arity) throws SnippetError {
        List<MethodSnippet> found = shell.methods()
                .filter(m -> m.name().equals(name) && shell.status(m).isActive())
                .filter(m -> splitTypes(m.parameterTypes()).size() == arity)
                .toList();
        if (found.isEmpty()) return Optional.empty();
        if (found.size() > 1)
            throw new SnippetError("'" + name + "' has " + found.size() + " overloads with " + arity + " parameters; rename one");
        MethodSnippet m = found.getFirst();
        List<String> types = splitTypes(m.parameterTypes());
        String returns = m.signature().substring(m.signature().lastIndexOf(')') + 1);
        StringBuilder call = new StringBuilder(name).append('(');
        for (int i = 0; i < types.size(); i++) {
            if (i > 0) call.append(", ");
            call.append(convert(types.get(i), "a[" + i + "]"));
        }
        call.append(')');
        String key = "f" + KEYS.incrementAndGet();
        String body = returns.equals("void") ? "{ " + call + "; return null; }" : "(Object) " + call;
        String adapter = "io.iotj.remote.node.SnippetBridge.register(\"" + key
                + "\", (java.util.function.Function<Object[], Object>) a -> " + body + ");";
        for (SnippetEvent e : shell.eval(adapter)) {
            if (e.status() == Snippet.Status.REJECTED || e.exception() != null) {
                String why = e.exception() != null ? e.exception().toString()
                        : shell.diagnostics(e.snippet()).map(d -> d.getMessage(Locale.ROOT)).findFirst().orElse("rejected");
                throw new SnippetError("cannot call '" + name + "' from a part: " + why);
            }
        }
        return Optional.ofNullable(SnippetBridge.take(key));
    }

    /** Names of the methods the snippets define. */
    public synchronized List<String> methodNames() {
        return shell.methods().filter(m -> shell.status(m).isActive()).map(MethodSnippet::name).distinct().toList();
    }

    private static String convert(String type, String arg) {
        return switch (type) {
            case "int" -> "((Number) " + arg + ").intValue()";
            case "long" -> "((Number) " + arg + ").longValue()";
            case "double" -> "((Number) " + arg + ").doubleValue()";
            case "float" -> "((Number) " + arg + ").floatValue()";
            case "short" -> "((Number) " + arg + ").shortValue()";
            case "byte" -> "((Number) " + arg + ").byteValue()";
            case "boolean" -> "(Boolean) " + arg;
            case "char" -> "(Character) " + arg;
            case "Integer", "java.lang.Integer" -> "(" + arg + " == null ? null : ((Number) " + arg + ").intValue())";
            case "Double", "java.lang.Double" -> "(" + arg + " == null ? null : ((Number) " + arg + ").doubleValue())";
            default -> "(" + type + ") " + arg;
        };
    }

    /** Splits {@code "int,java.util.Map<String,Integer>"} at top-level commas. */
    static List<String> splitTypes(String types) {
        List<String> out = new ArrayList<>();
        if (types.isBlank()) return out;
        int depth = 0, start = 0;
        for (int i = 0; i < types.length(); i++) {
            char c = types.charAt(i);
            if (c == '<') depth++;
            else if (c == '>') depth--;
            else if (c == ',' && depth == 0) {
                out.add(types.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(types.substring(start).strip());
        return out;
    }

    private static int leadingBlank(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    /** "line L, column C" (1-based) of {@code offset} in {@code text}. */
    static String position(String text, int offset) {
        int line = 1, col = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return "line " + line + ", column " + col;
    }

    @Override
    public synchronized void close() {
        shell.close();
    }
}
