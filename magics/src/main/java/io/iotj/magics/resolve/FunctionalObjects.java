package io.iotj.magics.resolve;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/** Finds the one abstract method of an object's functional interface, to call it by reflection. */
final class FunctionalObjects {
    private FunctionalObjects() {
    }

    /**
     * The single abstract method of the first functional interface {@code o} implements
     * ({@code Function.apply}, {@code IntUnaryOperator.applyAsInt}, a user's own interface...),
     * or null when it implements none.
     */
    static Method samOf(Object o) {
        Deque<Class<?>> todo = new ArrayDeque<>();
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            todo.addAll(java.util.List.of(c.getInterfaces()));
        }
        Set<Class<?>> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Class<?> i = todo.poll();
            if (!seen.add(i)) {
                continue;
            }
            Method sam = functional(i) ? sam(i) : null;
            if (sam != null) {
                return sam;
            }
            todo.addAll(java.util.List.of(i.getInterfaces()));
        }
        return null;
    }

    /**
     * Interfaces meant as functions: marked {@code @FunctionalInterface}, or the user's own (a
     * JDK interface such as {@code Iterable} has one abstract method without being a function).
     */
    private static boolean functional(Class<?> iface) {
        String n = iface.getName();
        return iface.isAnnotationPresent(FunctionalInterface.class)
                || !(n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("jdk."));
    }

    private static Method sam(Class<?> iface) {
        Method found = null;
        for (Method m : iface.getMethods()) {
            if (!Modifier.isAbstract(m.getModifiers()) || isObjectMethod(m)) {
                continue;
            }
            if (found != null && !sameSignature(found, m)) {
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

    private static boolean sameSignature(Method a, Method b) {
        return a.getName().equals(b.getName())
                && java.util.Arrays.equals(a.getParameterTypes(), b.getParameterTypes());
    }
}
