package io.iotj.assemble;

import io.iotj.stream.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Functions every template can name: {@code iden}, {@code sum}, {@code mean}, {@code min},
 * {@code max}, {@code len}, {@code abs}, {@code str}, {@code first}, {@code last}, {@code print}.
 * Aggregates take one list (a window) or several arguments; sums keep the type of their inputs
 * (Integer, Long, or Double when any input is fractional).
 */
public final class Builtins {
    private static final Map<String, Fn> FUNCTIONS = new LinkedHashMap<>();

    static {
        put("iden", a -> one(a, "iden"));
        put("sum", a -> sum(items(a)));
        put("mean", a -> {
            List<?> xs = items(a);
            if (xs.isEmpty()) {
                throw new IllegalArgumentException("mean of no values");
            }
            return number(sum(xs), "mean").doubleValue() / xs.size();
        });
        put("min", a -> extreme(items(a), -1));
        put("max", a -> extreme(items(a), 1));
        put("len", a -> items(a).size());
        put("abs", a -> {
            Object v = one(a, "abs");
            if (v instanceof Integer i) {
                return Math.abs(i);
            }
            if (v instanceof Long l) {
                return Math.abs(l);
            }
            return Math.abs(number(v, "abs").doubleValue());
        });
        put("str", a -> String.valueOf(one(a, "str")));
        put("first", a -> items(a).get(0));
        put("last", a -> {
            List<?> xs = items(a);
            return xs.get(xs.size() - 1);
        });
        put("print", a -> {
            Object v = a.length == 1 ? a[0] : Tuple.of(a);
            System.out.println(v);
            return v;
        });
    }

    private Builtins() {
    }

    private static void put(String name, Fn f) {
        FUNCTIONS.put(name, Fn.named(name, f));
    }

    /** The built-ins as a resolver. */
    public static FunctionResolver resolver() {
        return new FunctionResolver() {
            @Override
            public Optional<Fn> resolve(String name) {
                return Optional.ofNullable(FUNCTIONS.get(name));
            }

            @Override
            public List<String> knownNames() {
                return List.copyOf(FUNCTIONS.keySet());
            }
        };
    }

    private static Object one(Object[] a, String name) {
        if (a.length != 1) {
            throw new IllegalArgumentException(name + " takes 1 argument, was given " + a.length);
        }
        return a[0];
    }

    private static List<?> items(Object[] a) {
        if (a.length == 1) {
            List<?> xs = Tuple.itemsOf(a[0]);
            if (xs != null) {
                return xs;
            }
        }
        return Arrays.asList(a);
    }

    private static Number number(Object v, String name) {
        if (v instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException(name + " needs numbers, got " + v + (v == null ? "" : " (" + v.getClass().getSimpleName() + ")"));
    }

    static Object sum(List<?> xs) {
        long l = 0;
        double d = 0;
        boolean fractional = false;
        boolean wide = false;
        for (Object x : xs) {
            Number n = number(x, "sum");
            if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
                l = Math.addExact(l, n.intValue());
            } else if (n instanceof Long) {
                l = Math.addExact(l, n.longValue());
                wide = true;
            } else {
                d += n.doubleValue();
                fractional = true;
            }
        }
        if (fractional) {
            return d + l;
        }
        if (!wide && l == (int) l) {
            return (int) l;
        }
        return l;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object extreme(List<?> xs, int sign) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException((sign > 0 ? "max" : "min") + " of no values");
        }
        Object best = xs.get(0);
        for (Object x : new ArrayList<>(xs)) {
            int c;
            if (x instanceof Number a && best instanceof Number b && a.getClass() != b.getClass()) {
                c = Double.compare(a.doubleValue(), b.doubleValue());
            } else {
                c = ((Comparable) x).compareTo(best);
            }
            if (c * sign > 0) {
                best = x;
            }
        }
        return best;
    }
}
