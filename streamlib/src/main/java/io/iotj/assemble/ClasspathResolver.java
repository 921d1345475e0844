package io.iotj.assemble;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves {@code pkg.Class.method} to the public static methods of that name (overloads picked by
 * arguments at each call) and {@code pkg.Class} to its public constructors. Nested classes may be
 * written with dots; {@code Math.sqrt} means {@code java.lang.Math.sqrt}.
 */
public final class ClasspathResolver implements FunctionResolver {
    private final ClassLoader loader;

    /** Loads classes with the thread's context class loader (or this library's). */
    public ClasspathResolver() {
        this(null);
    }

    /** Loads classes with {@code loader}. */
    public ClasspathResolver(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public Optional<Fn> resolve(String name) {
        if (name == null || !name.contains(".") || name.startsWith(".") || name.endsWith(".")) {
            return Optional.empty();
        }
        Class<?> whole = load(name);
        if (whole != null && whole.getConstructors().length > 0) {
            return Optional.of(Fns.constructors(name, whole));
        }
        int dot = name.lastIndexOf('.');
        Class<?> c = load(name.substring(0, dot));
        if (c == null) {
            return Optional.empty();
        }
        String method = name.substring(dot + 1);
        List<Method> ms = new ArrayList<>();
        for (Method m : c.getMethods()) {
            if (m.getName().equals(method) && Modifier.isStatic(m.getModifiers())) {
                ms.add(m);
            }
        }
        // Try int overloads before long before double, so Math.abs(3) stays an int.
        ms.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        return ms.isEmpty() ? Optional.empty() : Optional.of(Fns.methods(name, ms, null));
    }

    private static int rank(Method m) {
        int r = 0;
        for (Class<?> p : m.getParameterTypes()) {
            r += p == int.class ? 0 : p == long.class ? 1 : p == float.class ? 2 : p == double.class ? 3 : 4;
        }
        return r;
    }

    private Class<?> load(String className) {
        ClassLoader l = loader != null ? loader : Thread.currentThread().getContextClassLoader();
        if (l == null) {
            l = ClasspathResolver.class.getClassLoader();
        }
        String n = className;
        for (;;) {
            try {
                return Class.forName(n, true, l);
            } catch (ClassNotFoundException | NoClassDefFoundError e) {
                int dot = n.lastIndexOf('.');
                if (dot < 0) {
                    break;
                }
                n = n.substring(0, dot) + "$" + n.substring(dot + 1);
            } catch (LinkageError | SecurityException e) {
                return null;
            }
        }
        if (!className.contains(".")) {
            try {
                return Class.forName("java.lang." + className, true, l);
            } catch (ClassNotFoundException e) {
                return null;
            }
        }
        return null;
    }
}
