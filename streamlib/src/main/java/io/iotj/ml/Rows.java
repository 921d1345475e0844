package io.iotj.ml;

import java.util.List;

/**
 * Turns stream values into rows of numbers: {@code double[]}, other primitive arrays, a single
 * number (one column), or a list or array of numbers.
 */
public final class Rows {

    private Rows() {
    }

    /**
     * The value as a row.
     *
     * @throws MlException naming the value's type or the first element that is not a number
     */
    public static double[] of(Object value) {
        if (value instanceof double[] d) {
            return d;
        }
        if (value instanceof Number n) {
            return new double[] {n.doubleValue()};
        }
        if (value instanceof float[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (value instanceof int[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (value instanceof long[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (value instanceof Object[] a) {
            return numbers(List.of(a));
        }
        if (value instanceof List<?> list) {
            return numbers(list);
        }
        throw new MlException("a row must be numbers (double[], a number, or a list of numbers), not "
                + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
    }

    private static double[] numbers(List<?> list) {
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                Object v = list.get(i);
                throw new MlException("a row must be numbers; item " + i + " is "
                        + (v == null ? "null" : v.getClass().getSimpleName() + " " + v));
            }
            out[i] = n.doubleValue();
        }
        return out;
    }
}
