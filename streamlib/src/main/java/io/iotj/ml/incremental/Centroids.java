package io.iotj.ml.incremental;

import java.util.Locale;

/** The k-means clustering of one window: k centroids and what it took to find them. Immutable. */
public final class Centroids {

    private final double[][] centroids;
    private final int[] sizes;
    private final int iterations;
    private final double distortion;
    private final long windowStart;
    private final int rows;

    Centroids(double[][] centroids, int[] sizes, int iterations, double distortion, long windowStart, int rows) {
        this.centroids = centroids;
        this.sizes = sizes;
        this.iterations = iterations;
        this.distortion = distortion;
        this.windowStart = windowStart;
        this.rows = rows;
    }

    /** The index of the centroid nearest to {@code x} (its first {@link #dimension()} entries). */
    public int predict(double[] x) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double dist = KMeansStream.squaredDistance(x, centroids[c]);
            if (dist < bestD) {
                bestD = dist;
                best = c;
            }
        }
        return best;
    }

    /** Euclidean distance from {@code x} to its nearest centroid: a simple outlier score. */
    public double distance(double[] x) {
        return Math.sqrt(KMeansStream.squaredDistance(x, centroids[predict(x)]));
    }

    /** The number of clusters. */
    public int k() {
        return centroids.length;
    }

    /** Coordinates per centroid. */
    public int dimension() {
        return centroids[0].length;
    }

    /** Centroid {@code c} (a copy). */
    public double[] centroid(int c) {
        return centroids[c].clone();
    }

    /** All centroids (a copy), one row each. */
    public double[][] centroids() {
        double[][] out = new double[centroids.length][];
        for (int c = 0; c < centroids.length; c++) {
            out[c] = centroids[c].clone();
        }
        return out;
    }

    /** Rows of the window assigned to each centroid (a copy). */
    public int[] sizes() {
        return sizes.clone();
    }

    /** Lloyd iterations (centroid updates) this window needed to converge. */
    public int iterations() {
        return iterations;
    }

    /** Sum of squared distances from each row of the window to its centroid. */
    public double distortion() {
        return distortion;
    }

    /** Stream position of the window's first row. */
    public long windowStart() {
        return windowStart;
    }

    /** Rows in the window. */
    public int rows() {
        return rows;
    }

    @Override
    public String toString() {
        // Read in live tables: centroids to 4 significant digits, as (x, y) points; centroid(i)
        // and centroids() keep every digit.
        StringBuilder sb = new StringBuilder("Centroids[k=").append(centroids.length).append(", iterations=")
                .append(iterations).append(", distortion=").append(String.format(Locale.ROOT, "%.4g", distortion))
                .append(", centroids=");
        for (int i = 0; i < centroids.length; i++) {
            sb.append(i == 0 ? "" : " ").append('(');
            for (int j = 0; j < centroids[i].length; j++) {
                sb.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4g", centroids[i][j]));
            }
            sb.append(')');
        }
        return sb.append(']').toString();
    }
}
