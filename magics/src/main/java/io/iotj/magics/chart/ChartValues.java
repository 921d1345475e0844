package io.iotj.magics.chart;

import io.iotj.ml.incremental.Centroids;
import io.iotj.stream.Tuple;

import java.util.ArrayList;
import java.util.List;

/** Reads stream values as chart input: tuples of numbers, arrays, centroids. */
final class ChartValues {
    private ChartValues() {
    }

    /** The items of a tuple-like value (Tuple, List, Object[], double[], int[], long[]), or null. */
    static List<?> items(Object v) {
        if (v instanceof double[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (double d : a) {
                out.add(d);
            }
            return out;
        }
        if (v instanceof int[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (int d : a) {
                out.add(d);
            }
            return out;
        }
        if (v instanceof long[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (long d : a) {
                out.add(d);
            }
            return out;
        }
        return Tuple.itemsOf(v);
    }

    /** Centroids held by {@code v} (a k-means model or a {@code double[][]}), or null. */
    static double[][] centroids(Object v) {
        if (v instanceof Centroids c) {
            return c.centroids();
        }
        if (v instanceof double[][] a) {
            return a;
        }
        return null;
    }

    /** A short description of a value for error messages. */
    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        List<?> items = v instanceof Object[] || v instanceof double[] || v instanceof int[] || v instanceof long[]
                ? items(v) : null;
        String s = items != null ? items.toString() : String.valueOf(v);
        if (s.length() > 60) {
            s = s.substring(0, 60) + "…";
        }
        return s + " (" + v.getClass().getSimpleName() + ")";
    }
}
