package io.iotj.ml.incremental;

import java.util.Arrays;

/**
 * A least-squares line (plane) fitted to one window: {@code y ≈ intercept + coefficients · x}.
 * Immutable.
 */
public final class LinearFit {

    private final double intercept;
    private final double[] coefficients;
    private final int rows;
    private final int rank;
    private final long windowStart;

    LinearFit(double intercept, double[] coefficients, int rows, int rank, long windowStart) {
        this.intercept = intercept;
        this.coefficients = coefficients;
        this.rows = rows;
        this.rank = rank;
        this.windowStart = windowStart;
    }

    /** The fitted value at {@code x} (only its first {@code numFeatures()} entries are read). */
    public double predict(double[] x) {
        double v = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            v += coefficients[j] * x[j];
        }
        return v;
    }

    /** The fitted value where every feature is 0. */
    public double intercept() {
        return intercept;
    }

    /** One coefficient per feature (a copy). */
    public double[] coefficients() {
        return coefficients.clone();
    }

    public int numFeatures() {
        return coefficients.length;
    }

    /** Rows in the window this was fitted to. */
    public int rows() {
        return rows;
    }

    /**
     * How many independent feature directions the window had. Below {@link #numFeatures()} the
     * features were collinear (or too few rows): the fit is then the minimum-norm solution, whose
     * predictions on the window are still least squares.
     */
    public int rank() {
        return rank;
    }

    /** Stream position of the window's first row. */
    public long windowStart() {
        return windowStart;
    }

    @Override
    public String toString() {
        return "LinearFit[intercept=" + intercept + ", coefficients=" + Arrays.toString(coefficients)
                + ", rows=" + rows + (rank < coefficients.length ? ", rank=" + rank : "") + "]";
    }
}
