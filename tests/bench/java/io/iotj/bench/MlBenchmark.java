package io.iotj.bench;

import io.iotj.ml.Trainer;
import io.iotj.ml.incremental.Centroids;
import io.iotj.ml.incremental.KMeansStream;
import io.iotj.ml.incremental.LinearFit;
import io.iotj.ml.incremental.LinearRegressionStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.regression.LinearModel;
import smile.regression.OLS;

/**
 * Figures for the incremental ML algorithms (not a test; prints, asserts nothing).
 *
 * <ol>
 * <li>Per-window cost of {@link LinearRegressionStream} against a Smile OLS refit of the same
 * window: window 1000 rows, 10 features, step 1 (each window drops one row and adds one).</li>
 * <li>k-means iterations per window over drifting clusters: warm start from the previous centroids
 * against fresh k-means++ and random seeding.</li>
 * </ol>
 *
 * <p>Run from the repository root (small sizes by default, {@code --full} for the full run):
 * <pre>
 * tests/bench/run MlBenchmark [--full]
 * </pre>
 */
public final class MlBenchmark {

    private static final int WINDOW = 1000;
    private static final int FEATURES = 10;

    private MlBenchmark() {
    }

    public static void main(String[] args) {
        boolean full = Arrays.asList(args).contains("--full");
        int incrementalWindows = full ? 200_000 : 20_000;
        int smileWindows = full ? 2_000 : 200;
        int kmeansRows = full ? 200_000 : 30_000;
        System.out.printf(Locale.ROOT, "iotj ML benchmark (%s run), JDK %s, %d cores%n", full ? "full" : "small",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        regression(incrementalWindows, smileWindows);
        kmeans(kmeansRows);
    }

    private static double[] row(Random r) {
        double[] row = new double[FEATURES + 1];
        double y = 1;
        for (int j = 0; j < FEATURES; j++) {
            row[j] = 50 + 10 * r.nextGaussian();
            y += (j % 3 - 1) * 0.7 * row[j];
        }
        row[FEATURES] = y + r.nextGaussian();
        return row;
    }

    private static LinearModel smileRefit(double[][] ring, long end) {
        double[][] x = new double[WINDOW][];
        double[] y = new double[WINDOW];
        for (int i = 0; i < WINDOW; i++) {
            double[] row = ring[(int) ((end - WINDOW + i) % WINDOW)];
            x[i] = Arrays.copyOf(row, FEATURES);
            y[i] = row[FEATURES];
        }
        String[] names = new String[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            names[j] = "x" + j;
        }
        DataFrame df = DataFrame.of(x, names).add(new DoubleVector("y", y));
        return OLS.fit(Formula.lhs("y"), df, new OLS.Options(OLS.Method.QR, false, false));
    }

    private static void regression(int incrementalWindows, int smileWindows) {
        System.out.printf(Locale.ROOT, "%n1. Sliding-window linear regression: window %d, %d features, step 1%n",
                WINDOW, FEATURES);
        Random r = new Random(1);
        double[][] ring = new double[WINDOW][];
        Trainer<LinearFit> trainer = LinearRegressionStream.trainer(FEATURES, WINDOW, WINDOW, 1);
        long received = 0;
        // Fill the first window, then warm both paths up so the JIT has compiled them.
        for (; received < WINDOW; received++) {
            double[] row = row(r);
            ring[(int) (received % WINDOW)] = row;
            trainer.push(row);
        }
        double[][] stream = new double[incrementalWindows][];
        for (int i = 0; i < stream.length; i++) {
            stream[i] = row(r);
        }
        for (int i = 0; i < 3000; i++) {
            double[] row = row(r);
            ring[(int) (received++ % WINDOW)] = row;
            trainer.push(row);
        }
        for (int i = 0; i < 30; i++) {
            smileRefit(ring, received);
        }

        LinearFit last = null;
        long t0 = System.nanoTime();
        for (double[] row : stream) {
            ring[(int) (received++ % WINDOW)] = row;
            last = trainer.push(row).get(0);
        }
        double incrementalMicros = (System.nanoTime() - t0) / 1e3 / stream.length;

        LinearModel ref = smileRefit(ring, received);
        double err = Math.abs(last.intercept() - ref.intercept());
        double norm = Math.abs(ref.intercept());
        for (int j = 0; j < FEATURES; j++) {
            err = Math.max(err, Math.abs(last.coefficients()[j] - ref.coefficients()[j]));
            norm = Math.max(norm, Math.abs(ref.coefficients()[j]));
        }

        long t1 = System.nanoTime();
        for (int i = 0; i < smileWindows; i++) {
            double[] row = row(r);
            ring[(int) (received++ % WINDOW)] = row;
            smileRefit(ring, received);
        }
        double smileMicros = (System.nanoTime() - t1) / 1e3 / smileWindows;

        // A lean batch refit for scale: the same normal equations summed from scratch over the window.
        int leanWindows = Math.max(50, smileWindows);
        long t2 = System.nanoTime();
        for (int i = 0; i < leanWindows; i++) {
            double[] row = row(r);
            ring[(int) (received++ % WINDOW)] = row;
            Trainer<LinearFit> batch = LinearRegressionStream.trainer(FEATURES, WINDOW, WINDOW, WINDOW);
            for (int j = 0; j < WINDOW; j++) {
                batch.push(ring[(int) ((received - WINDOW + j) % WINDOW)]);
            }
        }
        double leanMicros = (System.nanoTime() - t2) / 1e3 / leanWindows;

        System.out.printf(Locale.ROOT, "   incremental (LinearRegressionStream): %10.2f µs/window over %d windows%n",
                incrementalMicros, incrementalWindows);
        System.out.printf(Locale.ROOT, "   plain-Java normal-equations refit:    %10.2f µs/window over %d windows%n",
                leanMicros, leanWindows);
        System.out.printf(Locale.ROOT, "   Smile OLS refit (QR, DataFrame):      %10.2f µs/window over %d windows%n",
                smileMicros, smileWindows);
        System.out.printf(Locale.ROOT, "   speed-up vs Smile: %.0fx, vs plain refit: %.0fx   (last window vs Smile refit: relative difference %.1e)%n",
                smileMicros / incrementalMicros, leanMicros / incrementalMicros, err / norm);
    }

    private static void kmeans(int rows) {
        int k = 5;
        int window = 500;
        int step = 50;
        System.out.printf(Locale.ROOT, "%n2. Streaming k-means: k %d, 2-D, window %d, step %d, %d rows of drifting clusters%n",
                k, window, step, rows);
        System.out.printf(Locale.ROOT, "   %-10s %12s %12s %12s %14s%n", "seeding", "iter/window", "max iter",
                "µs/window", "distortion/row");
        for (KMeansStream.Seeding seeding : KMeansStream.Seeding.values()) {
            kmeansRun(seeding, k, window, step, Math.min(rows, 20_000), false); // JIT warm-up, not reported
        }
        for (KMeansStream.Seeding seeding : KMeansStream.Seeding.values()) {
            kmeansRun(seeding, k, window, step, rows, true);
        }
    }

    private static void kmeansRun(KMeansStream.Seeding seeding, int k, int window, int step, int rows, boolean report) {
        Random r = new Random(2);
        Trainer<Centroids> t = Trainer.incremental(new KMeansStream(2, k, 300, seeding, 3), window, window, step);
        long iterations = 0;
        long windows = 0;
        int maxIter = 0;
        double distortion = 0;
        long nanos = 0;
        for (int i = 0; i < rows; i++) {
            int c = r.nextInt(k);
            double angle = 2 * Math.PI * c / k + i * 2e-5; // the clusters turn slowly about the origin
            double[] row = {10 * Math.cos(angle) + r.nextGaussian(), 10 * Math.sin(angle) + r.nextGaussian()};
            long s = System.nanoTime();
            var out = t.push(row);
            nanos += System.nanoTime() - s;
            for (Centroids m : out) {
                iterations += m.iterations();
                maxIter = Math.max(maxIter, m.iterations());
                distortion += m.distortion() / m.rows();
                windows++;
            }
        }
        if (report) {
            System.out.printf(Locale.ROOT, "   %-10s %12.2f %12d %12.1f %14.3f%n",
                    seeding.name().toLowerCase(Locale.ROOT), (double) iterations / windows, maxIter,
                    nanos / 1e3 / windows, distortion / windows);
        }
    }
}
