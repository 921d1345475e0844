package io.iotj.magics;

import io.iotj.kernel.session.NotebookSession;
import io.iotj.magics.args.ArgValue;
import io.iotj.magics.args.AssembleArgs;
import io.iotj.magics.resolve.NotebookResolver;
import io.iotj.template.Names;
import io.iotj.template.Param;
import io.iotj.template.Template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code k=v} values of {@code %assemble} as the assembler takes them: numbers and strings as
 * they are, a bare name as a function for a {@code function} parameter, else as the JShell
 * variable's object (an existing {@code Stream}, a model), else as a function.
 */
final class AssembleValues {
    private AssembleValues() {
    }

    static Map<String, Object> of(AssembleArgs a, Template t, NotebookSession ev, NotebookFunctions functions)
            throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ArgValue> e : a.values().entrySet()) {
            String key = e.getKey();
            checkDeclared(t, key);
            Param param = t.inputs().stream().filter(p -> p.name().equals(key)).findFirst().orElse(null);
            out.put(key, switch (e.getValue()) {
                case ArgValue.Num n -> n.value() instanceof Long l && l == l.intValue() ? (Object) l.intValue() : n.value();
                case ArgValue.Str s -> s.value();
                case ArgValue.Name n -> name(key, n.value(), param, ev, functions);
            });
        }
        return out;
    }

    /**
     * The values for remote nodes: numbers, strings, and names as function names (what a node can
     * resolve); an object held by a notebook variable cannot travel and is refused.
     */
    static Map<String, Object> forNodes(AssembleArgs a, Template t, NotebookSession ev) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ArgValue> e : a.values().entrySet()) {
            String key = e.getKey();
            checkDeclared(t, key);
            Param param = t.inputs().stream().filter(p -> p.name().equals(key)).findFirst().orElse(null);
            out.put(key, switch (e.getValue()) {
                case ArgValue.Num n -> n.value() instanceof Long l && l == l.intValue() ? (Object) l.intValue() : n.value();
                case ArgValue.Str s -> s.value();
                case ArgValue.Name n -> {
                    if ((param == null || !param.isFunction()) && ev.hasVariable(n.value())) {
                        throw MagicErrors.of("UsageError", key + "=" + n.value() + ": the object of a notebook "
                                + "variable cannot be sent to remote nodes; give numbers, strings or function names");
                    }
                    yield n.value();
                }
            });
        }
        return out;
    }

    private static void checkDeclared(Template t, String key) throws Exception {
        List<String> declared = new ArrayList<>();
        t.inputs().forEach(p -> declared.add(p.name()));
        t.outputs().forEach(p -> declared.add(p.name()));
        if (!declared.contains(key)) {
            List<String> near = Names.nearMatches(key, declared, 3);
            boolean helps = !near.isEmpty() && near.size() < declared.size();
            throw MagicErrors.of("UsageError", "template " + t.name() + " has no parameter " + key
                    + (helps ? "; did you mean " + String.join(", ", near) + "?" : "")
                    + " (its parameters: " + String.join(", ", declared) + ")");
        }
    }

    private static Object name(String key, String name, Param param, NotebookSession ev,
                               NotebookFunctions functions) throws Exception {
        boolean function = param != null && param.isFunction();
        if (!function && ev.hasVariable(name)) {
            return ev.variable(name).orElse(null);
        }
        try {
            return functions.fn(name);
        } catch (NotebookResolver.UnresolvedException ex) {
            if (function) {
                throw MagicErrors.of("UnknownFunction", key + "=" + name + ": " + ex.getMessage());
            }
            List<String> known = new ArrayList<>();
            ev.variables().forEach(v -> known.add(v.name()));
            List<String> near = Names.nearMatches(name, known, 3);
            throw MagicErrors.of("UsageError", key + "=" + name + ": there is no variable or function called "
                    + name + (near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?")
                    + " (write a string in quotes: " + key + "=\"" + name + "\")");
        }
    }
}
