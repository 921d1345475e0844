package io.iotj.kernel.jshell;

import java.lang.reflect.Modifier;

/** Chooses the declared type for a bound host object: the most specific public type snippets can name. */
final class TypeNames {
    private TypeNames() {
    }

    static String visibleTypeOf(Object value, ClassLoader snippets) {
        if (value == null) {
            return "Object";
        }
        for (Class<?> c = value.getClass(); c != null; c = c.getSuperclass()) {
            if (nameable(c, snippets)) {
                return c.getCanonicalName();
            }
            if (c.getSuperclass() == Object.class || c.getSuperclass() == null) {
                // e.g. a lambda or a private class: its single public interface says more than Object
                Class<?>[] interfaces = c.getInterfaces();
                if (interfaces.length == 1 && nameable(interfaces[0], snippets)) {
                    return interfaces[0].getCanonicalName();
                }
            }
        }
        return "Object";
    }

    /** Public (with public enclosing classes) and the same class when snippets look it up by name. */
    private static boolean nameable(Class<?> c, ClassLoader snippets) {
        Class<?> e = c;
        while (e.isArray()) {
            e = e.getComponentType();
        }
        if (e.isPrimitive()) {
            return true;
        }
        if (e.isHidden() || e.isAnonymousClass() || e.isLocalClass() || e.getCanonicalName() == null) {
            return false;
        }
        for (Class<?> k = e; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        try {
            return Class.forName(e.getName(), false, snippets) == e;
        } catch (ClassNotFoundException | LinkageError ex) {
            return false;
        }
    }
}
