package io.iotj.remote.node;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a node finds the function a template names: first among the snippets shipped for the graph,
 * then as a public static method {@code package.Class.method} on the node's class path.
 */
public final class NodeFunctions {
    private final SnippetFunctions snippets;

    /** Resolves against {@code snippets} (may be null when none were shipped) and the class path. */
    public NodeFunctions(SnippetFunctions snippets) {
        this.snippets = snippets;
    }

    /** The function, or an exception whose message says what was looked for and where. */
    public Function<Object[], Object> resolve(String name, int arity) throws SnippetFunctions.SnippetError {
        String n = name.strip();
        if (n.length() > 1 && n.startsWith("\"") && n.endsWith("\"")) n = n.substring(1, n.length() - 1); // IoTpy's quoted constants
        if (snippets != null) {
            Optional<Function<Object[], Object>> f = snippets.resolve(n, arity);
            if (f.isPresent()) return f.get();
        }
        int dot = n.lastIndexOf('.');
        if (dot > 0) {
            Function<Object[], Object> f = classpath(n.substring(0, dot), n.substring(dot + 1), arity);
            if (f != null) return f;
        }
        throw new SnippetFunctions.SnippetError("unknown function '" + n + "' with " + arity
                + " parameter(s): not among the snippets shipped to this node nor a public static method on its class path");
    }

    private static Function<Object[], Object> classpath(String className, String method, int arity) {
        Class<?> c;
        try {
            c = Class.forName(className);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        List<Method> ms = new ArrayList<>();
        for (Method m : c.getMethods()) {
            if (m.getName().equals(method) && Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == arity) ms.add(m);
        }
        if (ms.size() != 1) return null;
        Method m = ms.getFirst();
        Class<?>[] types = m.getParameterTypes();
        return args -> {
            Object[] converted = new Object[args.length];
            for (int i = 0; i < args.length; i++) converted[i] = narrow(types[i], args[i]);
            try {
                return m.invoke(null, converted);
            } catch (InvocationTargetException e) {
                Throwable t = e.getCause();
                if (t instanceof RuntimeException r) throw r;
                throw new IllegalStateException(t);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Numbers travel as Long/Double; give the method the primitive width it declares. */
    private static Object narrow(Class<?> type, Object v) {
        if (!(v instanceof Number n)) return v;
        if (type == int.class || type == Integer.class) return n.intValue();
        if (type == long.class || type == Long.class) return n.longValue();
        if (type == double.class || type == Double.class) return n.doubleValue();
        if (type == float.class || type == Float.class) return n.floatValue();
        if (type == short.class || type == Short.class) return n.shortValue();
        if (type == byte.class || type == Byte.class) return n.byteValue();
        return v;
    }
}
