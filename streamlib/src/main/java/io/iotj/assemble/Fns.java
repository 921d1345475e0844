package io.iotj.assemble;

import io.iotj.stream.Tuple;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Adapting Java objects and reflected methods to {@link Fn}, converting arguments as Java would. */
public final class Fns {
    private static final Object NO = new Object();

    private Fns() {
    }

    /**
     * {@code o} as a function: an {@code Fn}, a {@code java.util.function} interface, or any object
     * of a functional interface (its single abstract method); {@code null} when {@code o} is not
     * callable.
     */
    @SuppressWarnings("unchecked")
    public static Fn adapt(Object o) {
        if (o instanceof Fn f) {
            return f;
        }
        if (o instanceof Function<?, ?> f) {
            Function<Object, Object> g = (Function<Object, Object>) f;
            return new Fn() {
                @Override
                public Object call(Object... a) {
                    arity(a, 1, o);
                    return g.apply(a[0]);
                }

                @Override
                public Object call1(Object a) {
                    return g.apply(a);
                }
            };
        }
        if (o instanceof BiFunction<?, ?, ?> f) {
            BiFunction<Object, Object, Object> g = (BiFunction<Object, Object, Object>) f;
            return a -> {
                arity(a, 2, o);
                return g.apply(a[0], a[1]);
            };
        }
        if (o instanceof Supplier<?> s) {
            return a -> {
                arity(a, 0, o);
                return s.get();
            };
        }
        if (o instanceof Predicate<?> p) {
            Predicate<Object> q = (Predicate<Object>) p;
            return a -> {
                arity(a, 1, o);
                return q.test(a[0]);
            };
        }
        if (o instanceof Consumer<?> c) {
            Consumer<Object> k = (Consumer<Object>) c;
            return a -> {
                arity(a, 1, o);
                k.accept(a[0]);
                return null;
            };
        }
        if (o instanceof BiConsumer<?, ?> c) {
            BiConsumer<Object, Object> k = (BiConsumer<Object, Object>) c;
            return a -> {
                arity(a, 2, o);
                k.accept(a[0], a[1]);
                return null;
            };
        }
        Method sam = functionMethodOf(o);
        if (sam != null) {
            return methods(sam.getName(), List.of(sam), o);
        }
        return null;
    }

    private static void arity(Object[] a, int n, Object f) {
        if (a.length != n) {
            throw new IllegalArgumentException(f + " takes " + n + " argument" + (n == 1 ? "" : "s") + ", was given " + a.length);
        }
    }

    /**
     * The method that calls {@code o} as a function: the single abstract method of the first
     * interface {@code o} implements that is meant as a function, searched breadth first through
     * the interfaces of its class, its superclasses and their superinterfaces. Meant as a function
     * means marked {@code @FunctionalInterface} or not the JDK's own: a JDK interface such as
     * {@code Iterable} has one abstract method without being a function. Null when there is none.
     */
    public static Method functionMethodOf(Object o) {
        if (o == null) {
            return null;
        }
        Deque<Class<?>> pending = new ArrayDeque<>();
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            pending.addAll(List.of(c.getInterfaces()));
        }
        Set<Class<?>> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Class<?> i = pending.poll();
            if (!seen.add(i)) {
                continue;
            }
            Method sam = meantAsFunction(i) ? singleAbstractMethod(i) : null;
            if (sam != null) {
                return sam;
            }
            pending.addAll(List.of(i.getInterfaces()));
        }
        return null;
    }

    private static boolean meantAsFunction(Class<?> iface) {
        String n = iface.getName();
        return iface.isAnnotationPresent(FunctionalInterface.class)
                || !(n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("jdk."));
    }

    /**
     * The single abstract method of interface {@code iface} (inherited ones included; methods of
     * {@code Object} and redeclarations with the same signature not counted twice), or null when it
     * has none or several.
     */
    public static Method singleAbstractMethod(Class<?> iface) {
        Method found = null;
        for (Method m : iface.getMethods()) {
            if (!Modifier.isAbstract(m.getModifiers()) || isObjectMethod(m)) {
                continue;
            }
            if (found != null && !(found.getName().equals(m.getName())
                    && Arrays.equals(found.getParameterTypes(), m.getParameterTypes()))) {
                return null;
            }
            found = m;
        }
        return found;
    }

    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The overloads {@code ms} (static when {@code target} is null) as one function picking by arguments. */
    public static Fn methods(String name, List<Method> ms, Object target) {
        List<Method> all = List.copyOf(ms);
        for (Method m : all) {
            trySetAccessible(m);
        }
        return Fn.named(name, args -> {
            for (Method m : all) {
                Object[] conv = convertAll(m, args);
                if (conv != null) {
                    return invoke(m, target, conv);
                }
            }
            throw new IllegalArgumentException(noMatch(name, all, args));
        });
    }

    /** The public constructors of {@code c} as one function. */
    public static Fn constructors(String name, Class<?> c) {
        List<Constructor<?>> cs = List.of(c.getConstructors());
        return Fn.named(name, args -> {
            for (Constructor<?> k : cs) {
                Object[] conv = convertAll(k, args);
                if (conv != null) {
                    try {
                        return k.newInstance(conv);
                    } catch (InvocationTargetException e) {
                        throw rethrow(e.getCause());
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot construct " + c.getName() + ": " + e, e);
                    }
                }
            }
            throw new IllegalArgumentException(noMatch(name, cs, args));
        });
    }

    private static void trySetAccessible(Method m) {
        try {
            m.setAccessible(true);
        } catch (RuntimeException e) {
            // public methods of exported classes are callable anyway
        }
    }

    private static Object invoke(Method m, Object target, Object[] args) {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + m + ": " + e.getMessage(), e);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new RuntimeException(t);
    }

    private static String noMatch(String name, List<? extends Executable> es, Object[] args) {
        List<String> types = new ArrayList<>();
        for (Object a : args) {
            types.add(a == null ? "null" : a.getClass().getSimpleName());
        }
        List<String> sigs = new ArrayList<>();
        for (Executable e : es) {
            sigs.add(name + Arrays.stream(e.getParameterTypes()).map(Class::getSimpleName).toList().toString()
                    .replace('[', '(').replace(']', ')'));
        }
        return name + " cannot take arguments " + types.toString().replace('[', '(').replace(']', ')')
                + "; it takes " + String.join(" or ", sigs);
    }

    private static Object[] convertAll(Executable e, Object[] args) {
        Class<?>[] ps = e.getParameterTypes();
        if (e.isVarArgs() && !(args.length == ps.length && (args[ps.length - 1] == null || ps[ps.length - 1].isInstance(args[ps.length - 1])))) {
            if (args.length < ps.length - 1) {
                return null;
            }
            Object[] out = new Object[ps.length];
            for (int i = 0; i < ps.length - 1; i++) {
                Object c = convert(args[i], ps[i]);
                if (c == NO) {
                    return null;
                }
                out[i] = c;
            }
            Class<?> comp = ps[ps.length - 1].getComponentType();
            Object rest = Array.newInstance(comp, args.length - ps.length + 1);
            for (int i = ps.length - 1; i < args.length; i++) {
                Object c = convert(args[i], comp);
                if (c == NO) {
                    return null;
                }
                Array.set(rest, i - ps.length + 1, c);
            }
            out[ps.length - 1] = rest;
            return out;
        }
        if (ps.length != args.length) {
            return null;
        }
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object c = convert(args[i], ps[i]);
            if (c == NO) {
                return null;
            }
            out[i] = c;
        }
        return out;
    }

    /**
     * {@code a} as a {@code type}: numbers convert when no information is lost (and any number to a
     * floating type), lists and tuples to arrays and back.
     */
    static Object convert(Object a, Class<?> type) {
        if (a == null) {
            return type.isPrimitive() ? NO : null;
        }
        Class<?> box = box(type);
        if (box.isInstance(a)) {
            return a;
        }
        if (a instanceof Number n && Number.class.isAssignableFrom(box)) {
            boolean integral = a instanceof Integer || a instanceof Long || a instanceof Short || a instanceof Byte;
            long l = n.longValue();
            if (box == Double.class) {
                return n.doubleValue();
            }
            if (box == Float.class) {
                return n.floatValue();
            }
            if (!integral && n.doubleValue() != l) {
                return NO;
            }
            if (box == Long.class) {
                return l;
            }
            if (box == Integer.class) {
                return l == (int) l ? (Object) (int) l : NO;
            }
            if (box == Short.class) {
                return l == (short) l ? (Object) (short) l : NO;
            }
            if (box == Byte.class) {
                return l == (byte) l ? (Object) (byte) l : NO;
            }
            if (box == Number.class) {
                return n;
            }
            return NO;
        }
        if (box == Character.class && a instanceof String s && s.length() == 1) {
            return s.charAt(0);
        }
        if (type.isArray()) {
            List<?> items = Tuple.itemsOf(a);
            if (items == null || a.getClass().isArray() && !(a instanceof Object[])) {
                return NO;
            }
            Class<?> comp = type.getComponentType();
            Object arr = Array.newInstance(comp, items.size());
            for (int i = 0; i < items.size(); i++) {
                Object c = convert(items.get(i), comp);
                if (c == NO) {
                    return NO;
                }
                Array.set(arr, i, c);
            }
            return arr;
        }
        if (type == List.class || type == Iterable.class || type == java.util.Collection.class) {
            List<?> items = Tuple.itemsOf(a);
            if (items != null) {
                return items;
            }
            if (a.getClass().isArray()) {
                List<Object> l = new ArrayList<>();
                for (int i = 0; i < Array.getLength(a); i++) {
                    l.add(Array.get(a, i));
                }
                return l;
            }
        }
        if (type.isInterface() && !type.isInstance(a)) {
            Method sam = singleAbstractMethod(type);
            Fn f = sam == null ? null : adapt(a);
            if (f != null) {
                return java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, as) -> {
                    if (m.getDeclaringClass() == Object.class) {
                        return switch (m.getName()) {
                            case "toString" -> "function " + f.describe();
                            case "hashCode" -> System.identityHashCode(p);
                            default -> p == as[0];
                        };
                    }
                    if (m.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(p, m, as);
                    }
                    Object r = f.call(as == null ? new Object[0] : as);
                    Object c = m.getReturnType() == void.class ? null : convert(r, m.getReturnType());
                    return c == NO ? r : c;
                });
            }
        }
        return NO;
    }

    private static Class<?> box(Class<?> t) {
        if (!t.isPrimitive()) {
            return t;
        }
        if (t == int.class) {
            return Integer.class;
        }
        if (t == long.class) {
            return Long.class;
        }
        if (t == double.class) {
            return Double.class;
        }
        if (t == float.class) {
            return Float.class;
        }
        if (t == boolean.class) {
            return Boolean.class;
        }
        if (t == char.class) {
            return Character.class;
        }
        if (t == short.class) {
            return Short.class;
        }
        if (t == byte.class) {
            return Byte.class;
        }
        return Void.class;
    }
}
