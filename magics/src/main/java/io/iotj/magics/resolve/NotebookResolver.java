package io.iotj.magics.resolve;

import io.iotj.assemble.Fn;
import io.iotj.assemble.Fns;
import io.iotj.template.Names;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Resolves the function names of templates the way a notebook user expects, in this order:
 * <ol>
 *   <li>methods defined in earlier cells ({@code int times_two(int x) { ... }});</li>
 *   <li>JShell variables holding a functional interface ({@code Function<Integer,Integer> f = ...})
 *       or any object with one abstract-method interface;</li>
 *   <li>fully qualified static methods ({@code java.lang.Math.abs});</li>
 *   <li>the library's built-ins.</li>
 * </ol>
 * Every call runs through the session's {@link Session#outsideCell} so that interrupting a cell
 * never stops a graph's thread in the middle of a notebook function.
 */
public final class NotebookResolver {
    /** What the resolver needs from the notebook session. */
    public interface Session {
        /** The static methods called {@code name} defined in cells (overloads). */
        List<Method> methods(String name);

        /** The object held by JShell variable {@code name}, if there is such a variable. */
        Optional<Object> variable(String name);

        /** The names of the session's methods and variables, for near-match hints. */
        Collection<String> names();

        /** The class loader of the session (sees classes added with %classpath). */
        ClassLoader loader();

        /**
         * Why a method called {@code name} defined in a cell cannot be called yet (something it
         * uses is not defined), or null when there is no such method.
         */
        default String unusable(String name) {
            return null;
        }

        /** Runs {@code work} where no cell's interrupt can stop it. */
        <T> T outsideCell(Callable<T> work) throws Exception;
    }

    /** The library's built-in functions: a name to an invoker, or empty. */
    public interface Builtins {
        Optional<Invoker> find(String name);

        /** Their names, for near-match hints. */
        Collection<String> names();
    }

    /** A name that resolves nowhere: the message lists near matches. */
    public static final class UnresolvedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> near;

        UnresolvedException(String message, List<String> near) {
            super(message, null, false, false);
            this.near = List.copyOf(near);
        }

        /** Known names close to the unknown one. */
        public List<String> near() {
            return near;
        }
    }

    private final Session session;
    private final Builtins builtins;

    public NotebookResolver(Session session, Builtins builtins) {
        this.session = session;
        this.builtins = builtins;
    }

    /**
     * The function {@code name} stands for.
     *
     * @throws UnresolvedException naming near matches when it resolves nowhere
     */
    public Invoker resolve(String name) throws UnresolvedException {
        List<Method> methods = session.methods(name);
        if (!methods.isEmpty()) {
            return methodInvoker("notebook method " + name, methods, null);
        }
        Optional<Object> var = session.variable(name);
        if (var.isPresent() && var.get() != null) {
            Object o = var.get();
            if (o instanceof Invoker i) {
                return i;
            }
            Method sam = Fns.functionMethodOf(o);
            if (sam == null) {
                throw new UnresolvedException("the variable " + name + " holds a "
                        + o.getClass().getName() + ", which is not a function (a functional "
                        + "interface such as java.util.function.Function)", List.of());
            }
            sam.setAccessible(true);
            return methodInvoker("variable " + name + " (" + sam.getDeclaringClass().getSimpleName()
                    + "." + sam.getName() + ")", List.of(sam), o);
        }
        if (name.contains(".")) {
            Invoker q = qualified(name);
            if (q != null) {
                return q;
            }
        }
        Optional<Invoker> b = builtins.find(name);
        if (b.isPresent()) {
            return b.get();
        }
        String unusable = session.unusable(name);
        if (unusable != null) {
            throw new UnresolvedException(unusable, List.of());
        }
        Set<String> known = new LinkedHashSet<>(session.names());
        known.addAll(builtins.names());
        List<String> near = Names.nearMatches(name, known, 4);
        throw new UnresolvedException("no function is called " + name
                + (near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?"), near);
    }

    private Invoker qualified(String name) throws UnresolvedException {
        int dot = name.lastIndexOf('.');
        String className = name.substring(0, dot);
        String method = name.substring(dot + 1);
        Class<?> c;
        try {
            c = Class.forName(className, true, session.loader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        List<Method> found = new ArrayList<>();
        for (Method m : c.getMethods()) {
            if (m.getName().equals(method) && Modifier.isStatic(m.getModifiers())) {
                found.add(m);
            }
        }
        if (found.isEmpty()) {
            throw new UnresolvedException("the class " + className + " has no public static method "
                    + method, List.of());
        }
        return methodInvoker("static method " + name, found, null);
    }

    private Invoker methodInvoker(String what, List<Method> methods, Object target) {
        for (Method m : methods) {
            m.setAccessible(true);
        }
        List<Method> ms = List.copyOf(methods);
        Fn converting = Fns.methods(what, ms, target);
        return new Invoker() {
            @Override
            public String describe() {
                return what + Overloads.signatures(ms);
            }

            @Override
            public Object call(Object... args) throws Exception {
                Method m = Overloads.pick(ms, args);
                if (m == null) {
                    // No overload takes the values as they are: let the library convert (lists to
                    // arrays and back, tuples), or say "cannot take arguments" as its functions do,
                    // which is how callers such as the ML leaves try another call shape.
                    return session.outsideCell(() -> converting.call(args));
                }
                return session.outsideCell(() -> Overloads.invoke(m, target, args));
            }

            @Override
            public String toString() {
                return describe();
            }
        };
    }
}
