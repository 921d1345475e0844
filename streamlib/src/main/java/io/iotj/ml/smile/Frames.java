package io.iotj.ml.smile;

import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;

/** Turns windows into Smile data frames: features x0, x1, … and the target y. */
final class Frames {

    static final Formula FORMULA = Formula.lhs("y");

    private Frames() {
    }

    static String[] names(int d) {
        String[] names = new String[d];
        for (int j = 0; j < d; j++) {
            names[j] = "x" + j;
        }
        return names;
    }

    static DataFrame regression(double[][] x, double[] y) {
        return DataFrame.of(x, names(x[0].length)).add(new DoubleVector("y", y));
    }

    static DataFrame classification(double[][] x, int[] y) {
        return DataFrame.of(x, names(x[0].length)).add(new IntVector("y", y));
    }

    /** The schema of the features alone, for turning one row into a tuple to predict. */
    static StructType featureSchema(int d) {
        return DataFrame.of(new double[1][d], names(d)).schema();
    }

    static Tuple tuple(StructType schema, double[] x) {
        return Tuple.of(schema, x);
    }

    /** Class labels from the target column, which must hold whole numbers. */
    static int[] labels(double[] y, String algorithm) {
        int[] labels = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            double v = y[i];
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(algorithm + " learns class labels, whole numbers in the target column;"
                        + " row " + i + " of the window has " + v);
            }
            labels[i] = (int) v;
        }
        return labels;
    }
}
