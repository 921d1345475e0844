package io.iotj.magics.resolve;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks, per call, the overload of a static method whose parameters accept the arguments
 * (boxed values unbox, numbers widen), so {@code int f(int)} and {@code double f(double)} can
 * both be named {@code f} in a template.
 */
final class Overloads {
    private Overloads() {
    }

    /**
     * The method of {@code methods} that takes {@code args}, or null: among those that accept
     * them, the one needing the fewest conversions ({@code Integer} fits {@code int} better than
     * {@code double}).
     */
    static Method pick(List<Method> methods, Object[] args) {
        Method best = null;
        int bestCost = Integer.MAX_VALUE;
        for (Method m : methods) {
            int cost;
            if (m.isVarArgs() && args.length >= m.getParameterCount() - 1
                    && m.getParameterCount() != args.length) {
                cost = 1000;
            } else if (m.getParameterCount() != args.length) {
                continue;
            } else {
                cost = 0;
                Class<?>[] ps = m.getParameterTypes();
                for (int i = 0; i < ps.length && cost < Integer.MAX_VALUE; i++) {
                    int c = cost(ps[i], args[i]);
                    cost = c < 0 ? Integer.MAX_VALUE : cost + c;
                }
            }
            if (cost < bestCost) {
                best = m;
                bestCost = cost;
            }
        }
        return best;
    }

    /** 0 for an exact fit, more for conversions, -1 when {@code p} cannot take {@code a}. */
    static int cost(Class<?> p, Object a) {
        if (!accepts(p, a)) {
            return -1;
        }
        if (a == null) {
            return 1;
        }
        if (!p.isPrimitive()) {
            return p == a.getClass() ? 0 : p == Object.class ? 3 : 1;
        }
        return wrapper(p) == a.getClass() ? 0 : 2;
    }

    private static Class<?> wrapper(Class<?> p) {
        return java.lang.invoke.MethodType.methodType(p).wrap().returnType();
    }

    /** Arguments converted to what {@code m} declares: numbers narrowed or widened as Java would cast. */
    static Object[] adapt(Method m, Object[] args) {
        Class<?>[] ps = m.getParameterTypes();
        if (m.isVarArgs()) {
            int fixed = ps.length - 1;
            Object[] out = new Object[ps.length];
            for (int i = 0; i < fixed; i++) {
                out[i] = convert(ps[i], args[i]);
            }
            Class<?> component = ps[fixed].getComponentType();
            Object rest = java.lang.reflect.Array.newInstance(component, args.length - fixed);
            for (int i = fixed; i < args.length; i++) {
                java.lang.reflect.Array.set(rest, i - fixed, convert(component, args[i]));
            }
            out[fixed] = rest;
            return out;
        }
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = convert(ps[i], args[i]);
        }
        return out;
    }

    /** Calls static {@code m}, rethrowing what the user's code threw. */
    static Object invoke(Method m, Object target, Object[] args) throws Exception {
        try {
            return m.invoke(target, adapt(m, args));
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception ex) {
                throw ex;
            }
            throw (Error) c;
        }
    }

    static boolean accepts(Class<?> p, Object a) {
        if (a == null) {
            return !p.isPrimitive();
        }
        if (!p.isPrimitive()) {
            return p.isInstance(a);
        }
        if (p == boolean.class) {
            return a instanceof Boolean;
        }
        if (p == char.class) {
            return a instanceof Character;
        }
        return a instanceof Number;
    }

    private static Object convert(Class<?> p, Object a) {
        if (!(a instanceof Number n) || !p.isPrimitive()) {
            return a;
        }
        if (p == int.class) {
            return n.intValue();
        }
        if (p == long.class) {
            return n.longValue();
        }
        if (p == double.class) {
            return n.doubleValue();
        }
        if (p == float.class) {
            return n.floatValue();
        }
        if (p == short.class) {
            return n.shortValue();
        }
        if (p == byte.class) {
            return n.byteValue();
        }
        return a;
    }

    static String signatures(List<Method> methods) {
        List<String> out = new ArrayList<>();
        for (Method m : methods) {
            StringBuilder sb = new StringBuilder("(");
            Class<?>[] ps = m.getParameterTypes();
            for (int i = 0; i < ps.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(ps[i].getSimpleName());
            }
            out.add(sb.append(")").append(m.getReturnType().getSimpleName()).toString());
        }
        return String.join(", ", out);
    }
}
