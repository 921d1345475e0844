package io.iotj.ml.incremental;

import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.regression.LinearModel;
import smile.regression.OLS;

/** Smile's batch OLS on a list of rows (features then target): the reference the stream must match. */
final class BatchOls {

    private BatchOls() {
    }

    static LinearModel fit(double[][] rows, int numFeatures, OLS.Method method) {
        double[][] x = new double[rows.length][];
        double[] y = new double[rows.length];
        String[] names = new String[numFeatures];
        for (int j = 0; j < numFeatures; j++) {
            names[j] = "x" + j;
        }
        for (int i = 0; i < rows.length; i++) {
            x[i] = java.util.Arrays.copyOf(rows[i], numFeatures);
            y[i] = rows[i][numFeatures];
        }
        DataFrame df = DataFrame.of(x, names).add(new DoubleVector("y", y));
        return OLS.fit(Formula.lhs("y"), df, new OLS.Options(method, false, false));
    }

    /** Largest difference relative to the size of the reference vector (intercept included). */
    static double relativeError(LinearFit fit, LinearModel ref) {
        double[] b = ref.coefficients();
        double diff = Math.abs(fit.intercept() - ref.intercept());
        double norm = Math.abs(ref.intercept());
        double[] c = fit.coefficients();
        for (int j = 0; j < b.length; j++) {
            diff = Math.max(diff, Math.abs(c[j] - b[j]));
            norm = Math.max(norm, Math.abs(b[j]));
        }
        return diff / norm;
    }
}
