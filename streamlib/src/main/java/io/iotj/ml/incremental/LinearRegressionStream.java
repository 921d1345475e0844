package io.iotj.ml.incremental;

import io.iotj.ml.IncrementalTrainFunction;
import io.iotj.ml.PredictFunction;
import io.iotj.ml.Trainer;
import io.iotj.stream.WindowState;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;

/**
 * Exact ordinary least squares (with intercept, any number of features) over a sliding window,
 * updated as rows enter and leave instead of refitting the window.
 *
 * <p>It keeps the running sums of the window's {@code XᵀX} and {@code Xᵀy}, which cost O(d²) per
 * row to update, and solves the d×d normal equations of the centred data per window (Cholesky,
 * O(d³/6)). A batch refit costs O(n·d²) per window. Two things keep the running sums exact to a few
 * rounding errors: they are taken about a shift near the window's mean, so adding and removing rows
 * does not cancel large numbers; and they are rebuilt from the window's rows after every {@code 2n}
 * updates (amortised O(d²) per row), so rounding errors cannot pile up over a long stream.
 *
 * <p>Rows are {@code numFeatures} feature values followed by one target. Not thread-safe.
 */
public final class LinearRegressionStream implements IncrementalTrainFunction<LinearFit> {

    private static final int MIN_REBUILD_INTERVAL = 64;

    private final int d;
    private final double[] shiftX;
    private double shiftY;
    private boolean shifted;

    private int n;
    private final double[] sx;       // Σ (x - shiftX)
    private double sy;               // Σ (y - shiftY)
    private final double[][] sxx;    // Σ (x - shiftX)(x - shiftX)ᵀ, upper triangle
    private final double[] sxy;      // Σ (x - shiftX)(y - shiftY)
    private long updatesSinceRebuild;

    private Mode mode = Mode.NONE;
    private double[][] prevX;         // the last window given to train(...), and where it started
    private double[] prevY;
    private long prevStart;

    private final double[] centred;
    private final double[][] cov;
    private final double[] covXY;
    private final SymmetricSolver solver;

    /** @param numFeatures the number of feature columns before the target (at least 1) */
    public LinearRegressionStream(int numFeatures) {
        if (numFeatures < 1) {
            throw new IllegalArgumentException("num_features must be at least 1, got " + numFeatures);
        }
        this.d = numFeatures;
        this.shiftX = new double[d];
        this.sx = new double[d];
        this.sxx = new double[d][d];
        this.sxy = new double[d];
        this.centred = new double[d];
        this.cov = new double[d][d];
        this.covXY = new double[d];
        this.solver = new SymmetricSolver(d);
    }

    /** A trainer emitting the fit of each window of IoTpy's dynamic window. */
    public static Trainer<LinearFit> trainer(int numFeatures, int minWindowSize, int maxWindowSize, int stepSize) {
        return Trainer.incremental(new LinearRegressionStream(numFeatures), minWindowSize, maxWindowSize, stepSize);
    }

    /** The prediction function matching this model: the fitted value for a row's features. */
    public static PredictFunction<LinearFit, Double> predictFunction() {
        return (x, fit) -> fit.predict(x);
    }

    @Override
    public int numFeatures() {
        return d;
    }

    @Override
    public int numColumns() {
        return d + 1;
    }

    @Override
    public void entered(double[] row) {
        useMode(Mode.ROWS);
        enter(row, row[d]);
    }

    @Override
    public void left(double[] row) {
        useMode(Mode.ROWS);
        update(row, row[d], -1);
        n--;
    }

    /**
     * The same fit as a plain training function, for templates that build the model with
     * {@code func} and pick its {@code train} with {@code attribute} (IoTpy's style). It still
     * works incrementally: the window's position tells which rows entered and left since the last
     * call. Use one instance per {@code train} part.
     */
    public LinearFit train(double[][] x, double[] y, LinearFit model, WindowState window) {
        useMode(Mode.ARRAYS);
        if (x.length != window.size() || y.length != x.length) {
            throw new IllegalArgumentException("x has " + x.length + " rows and y " + y.length
                    + " for a window of " + window.size());
        }
        long start = window.start();
        long prevEnd = prevStart + (prevX == null ? 0 : prevX.length);
        if (prevX == null || start < prevStart || start > prevEnd || window.end() < prevEnd) {
            clear(); // not the next window of the same stream: start over
            for (int i = 0; i < x.length; i++) {
                enter(x[i], y[i]);
            }
        } else {
            for (long p = prevStart; p < start; p++) {
                int i = (int) (p - prevStart);
                update(prevX[i], prevY[i], -1);
                n--;
            }
            for (long p = prevEnd; p < window.end(); p++) {
                int i = (int) (p - start);
                enter(x[i], y[i]);
            }
        }
        prevX = x;
        prevY = y;
        prevStart = start;
        if (updatesSinceRebuild >= Math.max(MIN_REBUILD_INTERVAL, 2L * n)) {
            rebuild(i -> x[i], i -> y[i]);
        }
        return fit(start);
    }

    /** The fitted value for {@code x}: the prediction function of IoTpy's style. */
    public double predict(double[] x, LinearFit model) {
        return model.predict(x);
    }

    private enum Mode { NONE, ROWS, ARRAYS }

    private void useMode(Mode m) {
        if (mode != m && mode != Mode.NONE) {
            throw new IllegalStateException("this LinearRegressionStream is fed both by a Trainer and through train(...);"
                    + " use one instance per train part");
        }
        mode = m;
    }

    private void enter(double[] x, double y) {
        if (!shifted) {
            // The first row is a fair guess of the window's location; rebuilds move the shift to the mean.
            System.arraycopy(x, 0, shiftX, 0, d);
            shiftY = y;
            shifted = true;
        }
        update(x, y, 1);
        n++;
    }

    private void clear() {
        java.util.Arrays.fill(sx, 0);
        java.util.Arrays.fill(sxy, 0);
        for (double[] r : sxx) {
            java.util.Arrays.fill(r, 0);
        }
        sy = 0;
        n = 0;
        shifted = false;
        updatesSinceRebuild = 0;
    }

    private void update(double[] x, double y, double sign) {
        for (int j = 0; j < d; j++) {
            centred[j] = x[j] - shiftX[j];
        }
        double cy = y - shiftY;
        for (int i = 0; i < d; i++) {
            double ci = sign * centred[i];
            sx[i] += ci;
            sxy[i] += ci * cy;
            double[] r = sxx[i];
            for (int j = i; j < d; j++) {
                r[j] += ci * centred[j];
            }
        }
        sy += sign * cy;
        updatesSinceRebuild++;
    }

    @Override
    public LinearFit model(WindowState window) {
        if (window.size() != n) {
            throw new IllegalStateException("the window has " + window.size() + " rows but " + n
                    + " entered; feed this model from one Trainer only");
        }
        if (updatesSinceRebuild >= Math.max(MIN_REBUILD_INTERVAL, 2L * n)) {
            rebuild(window::row, i -> window.row(i)[d]);
        }
        return fit(window.start());
    }

    private LinearFit fit(long windowStart) {
        double[] meanOffset = new double[d];
        for (int i = 0; i < d; i++) {
            meanOffset[i] = sx[i] / n;
        }
        double meanOffsetY = sy / n;
        // Centre about the window mean: C = S - n·m·mᵀ with m the mean offset from the shift.
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                cov[i][j] = sxx[i][j] - sx[i] * meanOffset[j];
            }
            covXY[i] = sxy[i] - sx[i] * meanOffsetY;
        }
        double[] beta = new double[d];
        int rank = solver.solve(cov, covXY, beta);
        double intercept = shiftY + meanOffsetY;
        for (int j = 0; j < d; j++) {
            intercept -= beta[j] * (shiftX[j] + meanOffset[j]);
        }
        return new LinearFit(intercept, beta, n, rank, windowStart);
    }

    /** Recomputes the sums from the window's rows about its current mean. */
    private void rebuild(IntFunction<double[]> xs, IntToDoubleFunction ys) {
        for (int j = 0; j < d; j++) {
            shiftX[j] += sx[j] / n;
        }
        shiftY += sy / n;
        java.util.Arrays.fill(sx, 0);
        java.util.Arrays.fill(sxy, 0);
        for (double[] r : sxx) {
            java.util.Arrays.fill(r, 0);
        }
        sy = 0;
        for (int i = 0; i < n; i++) {
            update(xs.apply(i), ys.applyAsDouble(i), 1);
        }
        updatesSinceRebuild = 0;
    }
}
