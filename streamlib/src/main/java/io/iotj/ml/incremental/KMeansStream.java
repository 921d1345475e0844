package io.iotj.ml.incremental;

import io.iotj.ml.IncrementalTrainFunction;
import io.iotj.ml.PredictFunction;
import io.iotj.ml.Trainer;
import io.iotj.stream.WindowState;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * k-means (Lloyd's algorithm) over each window of a stream, any dimension and k.
 *
 * <p>With {@link Seeding#WARM} (the default) each window starts from the previous window's
 * centroids: when the data drifts slowly they are already nearly right, so a window needs one or
 * two iterations instead of the many a fresh start needs. The first window is seeded by k-means++.
 * Each result reports the iterations it took. A cluster left empty is moved to the row farthest
 * from its centroid, so there are always k clusters.
 *
 * <p>Rows hold the {@code numFeatures} coordinates first; later columns are ignored. Not thread-safe.
 */
public final class KMeansStream implements IncrementalTrainFunction<Centroids> {

    /** How each window's iteration starts. */
    public enum Seeding {
        /** From the previous window's centroids (k-means++ for the first window). */
        WARM,
        /** k-means++ anew for every window, as a batch refit would. */
        PLUS_PLUS,
        /** k distinct random rows of the window (Forgy), anew for every window. */
        RANDOM
    }

    private final int d;
    private final int k;
    private final int maxIterations;
    private final Seeding seeding;
    private final SplittableRandom random;
    private double[][] previous;

    /**
     * @param numFeatures   coordinates per row (at least 1)
     * @param k             clusters (at least 1; every window needs at least k rows)
     * @param maxIterations cap on Lloyd iterations per window
     * @param seeding       how each window starts
     * @param seed          seed of the random choices, for repeatable runs
     */
    public KMeansStream(int numFeatures, int k, int maxIterations, Seeding seeding, long seed) {
        if (numFeatures < 1) {
            throw new IllegalArgumentException("num_features must be at least 1, got " + numFeatures);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("max iterations must be at least 1, got " + maxIterations);
        }
        this.d = numFeatures;
        this.k = k;
        this.maxIterations = maxIterations;
        this.seeding = java.util.Objects.requireNonNull(seeding, "seeding");
        this.random = new SplittableRandom(seed);
    }

    /** Warm-started k-means with at most 100 iterations per window. */
    public KMeansStream(int numFeatures, int k) {
        this(numFeatures, k, 100, Seeding.WARM, 42);
    }

    /** A trainer emitting the warm-started clustering of each window. */
    public static Trainer<Centroids> trainer(int numFeatures, int k, int minWindowSize, int maxWindowSize,
                                             int stepSize) {
        if (minWindowSize < k) {
            throw new IllegalArgumentException("k-means with k = " + k + " needs windows of at least " + k
                    + " rows; min_window_size is " + minWindowSize);
        }
        return Trainer.incremental(new KMeansStream(numFeatures, k), minWindowSize, maxWindowSize, stepSize);
    }

    /** The prediction function matching this model: the index of the nearest centroid. */
    public static PredictFunction<Centroids, Double> predictFunction() {
        return (x, model) -> (double) model.predict(x);
    }

    @Override
    public int numFeatures() {
        return d;
    }

    @Override
    public void entered(double[] row) {
        // Lloyd's algorithm revisits every row of the window anyway; the centroids carry the state.
    }

    @Override
    public void left(double[] row) {
    }

    @Override
    public Centroids model(WindowState window) {
        return cluster(window::row, window.size(), window.start());
    }

    /**
     * The same clustering as a plain training function, for templates that build the model with
     * {@code func} and pick its {@code train} with {@code attribute} (IoTpy's meetup style).
     */
    public Centroids train(double[][] x, Centroids model, WindowState window) {
        return cluster(i -> x[i], x.length, window.start());
    }

    /** The index of the nearest centroid: the prediction function of IoTpy's style. */
    public int predict(double[] x, Centroids model) {
        return model.predict(x);
    }

    private Centroids cluster(IntFunction<double[]> window, int n, long start) {
        if (n < k) {
            throw new IllegalArgumentException("k-means with k = " + k + " needs at least " + k
                    + " rows; this window has " + n);
        }
        double[][] centres = switch (seeding) {
            case WARM -> previous == null ? plusPlus(window, n) : copy(previous);
            case PLUS_PLUS -> plusPlus(window, n);
            case RANDOM -> forgy(window, n);
        };
        int[] group = new int[n];
        Arrays.fill(group, -1);
        assign(window, centres, group);
        int iterations = 0;
        int[] sizes = new int[k];
        while (true) {
            update(window, centres, group, sizes);
            iterations++;
            boolean changed = assign(window, centres, group);
            if (!changed || iterations >= maxIterations) {
                break;
            }
        }
        double distortion = 0;
        Arrays.fill(sizes, 0);
        for (int i = 0; i < n; i++) {
            distortion += squaredDistance(window.apply(i), centres[group[i]]);
            sizes[group[i]]++;
        }
        previous = centres;
        return new Centroids(copy(centres), sizes, iterations, distortion, start, n);
    }

    /** Assigns each row to its nearest centre; true if any assignment changed. */
    private boolean assign(IntFunction<double[]> window, double[][] centres, int[] group) {
        boolean changed = false;
        for (int i = 0; i < group.length; i++) {
            double[] row = window.apply(i);
            // On a tie the row stays where it is, so duplicate rows cannot make the assignment flip forever.
            int best = group[i] < 0 ? 0 : group[i];
            double bestD = squaredDistance(row, centres[best]);
            for (int c = 0; c < k; c++) {
                double dist = squaredDistance(row, centres[c]);
                if (dist < bestD) {
                    bestD = dist;
                    best = c;
                }
            }
            if (group[i] != best) {
                group[i] = best;
                changed = true;
            }
        }
        return changed;
    }

    /** Moves each centre to the mean of its rows; an empty cluster takes the row farthest from its centre. */
    private void update(IntFunction<double[]> window, double[][] centres, int[] group, int[] sizes) {
        Arrays.fill(sizes, 0);
        for (double[] c : centres) {
            Arrays.fill(c, 0);
        }
        for (int i = 0; i < group.length; i++) {
            double[] row = window.apply(i);
            double[] c = centres[group[i]];
            for (int j = 0; j < d; j++) {
                c[j] += row[j];
            }
            sizes[group[i]]++;
        }
        for (int c = 0; c < k; c++) {
            if (sizes[c] > 0) {
                for (int j = 0; j < d; j++) {
                    centres[c][j] /= sizes[c];
                }
            }
        }
        for (int c = 0; c < k; c++) {
            if (sizes[c] == 0) {
                int far = farthest(window, centres, group, sizes);
                sizes[group[far]]--;
                group[far] = c;
                sizes[c] = 1;
                centres[c] = Arrays.copyOf(window.apply(far), d);
            }
        }
    }

    private int farthest(IntFunction<double[]> window, double[][] centres, int[] group, int[] sizes) {
        int far = 0;
        double farD = -1;
        for (int i = 0; i < group.length; i++) {
            if (sizes[group[i]] < 2) {
                continue; // taking the only row of a cluster would empty it
            }
            double dist = squaredDistance(window.apply(i), centres[group[i]]);
            if (dist > farD) {
                farD = dist;
                far = i;
            }
        }
        return far;
    }

    private double[][] plusPlus(IntFunction<double[]> window, int n) {
        double[][] centres = new double[k][];
        centres[0] = Arrays.copyOf(window.apply(random.nextInt(n)), d);
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(window.apply(i), centres[c - 1]));
                total += nearest[i];
            }
            int pick;
            if (total > 0) {
                double target = random.nextDouble() * total;
                pick = n - 1;
                for (int i = 0; i < n; i++) {
                    target -= nearest[i];
                    if (target < 0) {
                        pick = i;
                        break;
                    }
                }
            } else {
                pick = random.nextInt(n); // all rows coincide with chosen centres
            }
            centres[c] = Arrays.copyOf(window.apply(pick), d);
        }
        return centres;
    }

    private double[][] forgy(IntFunction<double[]> window, int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        double[][] centres = new double[k][];
        for (int c = 0; c < k; c++) {
            int j = c + random.nextInt(n - c);
            int t = idx[c];
            idx[c] = idx[j];
            idx[j] = t;
            centres[c] = Arrays.copyOf(window.apply(idx[c]), d);
        }
        return centres;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    static double squaredDistance(double[] x, double[] c) {
        double s = 0;
        for (int j = 0; j < c.length; j++) {
            double t = x[j] - c[j];
            s += t * t;
        }
        return s;
    }
}
