package io.iotj.ml.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.ml.Trainer;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KMeansStreamTest {

    private static final double[][] PLANTED = {{0, 0, 0, 0}, {10, 0, 5, 0}, {0, 10, 0, -5}};

    private static double[] point(Random r, double[] centre, double spread) {
        double[] p = new double[centre.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = centre[j] + spread * r.nextGaussian();
        }
        return p;
    }

    /** Index of the planted centre nearest to c, and checks it lies within tol. */
    private static int match(double[] c, double[][] planted, double tol) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < planted.length; i++) {
            double dist = Math.sqrt(KMeansStream.squaredDistance(c, planted[i]));
            if (dist < bestD) {
                bestD = dist;
                best = i;
            }
        }
        assertTrue(bestD < tol, "centroid " + java.util.Arrays.toString(c) + " is " + bestD + " from the nearest planted centre");
        return best;
    }

    @Test
    void findsPlantedClustersAndPredictsThem() {
        Random r = new Random(7);
        Trainer<Centroids> t = KMeansStream.trainer(4, 3, 30, 300, 10);
        Centroids last = null;
        for (int i = 0; i < 2000; i++) {
            int c = r.nextInt(3);
            // a trailing label column is ignored by the model
            double[] p = point(r, PLANTED[c], 1);
            double[] row = java.util.Arrays.copyOf(p, 5);
            row[4] = c;
            for (Centroids m : t.push(row)) {
                last = m;
            }
        }
        assertEquals(300, last.rows());
        Set<Integer> found = new HashSet<>();
        int[] toPlanted = new int[3];
        for (int c = 0; c < 3; c++) {
            toPlanted[c] = match(last.centroid(c), PLANTED, 0.4);
            found.add(toPlanted[c]);
        }
        assertEquals(Set.of(0, 1, 2), found, "each planted cluster has its own centroid");
        int right = 0;
        for (int i = 0; i < 300; i++) {
            int c = r.nextInt(3);
            if (toPlanted[last.predict(point(r, PLANTED[c], 1))] == c) {
                right++;
            }
        }
        assertTrue(right >= 297, right + " of 300 new points were put in their planted cluster");
    }

    @Test
    void followsDriftingClustersWithFewIterations() {
        Random r = new Random(8);
        Trainer<Centroids> t = Trainer.incremental(new KMeansStream(2, 2), 100, 100, 5);
        double[][] centres = {{0, 0}, {20, 0}};
        int windows = 0;
        long iterations = 0;
        Centroids last = null;
        for (int i = 0; i < 5000; i++) {
            centres[0][1] = i * 0.004; // both clusters move up by 20 over the stream
            centres[1][1] = i * 0.004;
            for (Centroids m : t.push(point(r, centres[r.nextInt(2)], 1))) {
                last = m;
                if (m.windowStart() > 0) {
                    windows++;
                    iterations += m.iterations();
                }
            }
        }
        double[][] now = {{0, 19.6}, {20, 19.6}};
        for (int c = 0; c < 2; c++) {
            match(last.centroid(c), now, 0.6);
        }
        double mean = (double) iterations / windows;
        assertTrue(mean < 2.5, "warm-started windows needed " + mean + " iterations on average");
    }

    @Test
    void warmStartNeedsFewerIterationsThanFreshSeeding() {
        double[] mean = new double[3];
        for (KMeansStream.Seeding s : KMeansStream.Seeding.values()) {
            Random r = new Random(9);
            Trainer<Centroids> t = Trainer.incremental(new KMeansStream(2, 5, 100, s, 1), 200, 200, 10);
            double[][] planted = {{0, 0}, {6, 0}, {0, 6}, {6, 6}, {3, 3}};
            long it = 0;
            long n = 0;
            for (int i = 0; i < 3000; i++) {
                for (Centroids m : t.push(point(r, planted[r.nextInt(5)], 1.2))) {
                    it += m.iterations();
                    n++;
                }
            }
            mean[s.ordinal()] = (double) it / n;
        }
        assertTrue(mean[0] < mean[1] && mean[0] < mean[2], "iterations warm/k-means++/random: "
                + java.util.Arrays.toString(mean));
    }

    @Test
    void eachClusterKeepsAtLeastOneRow() {
        // Five identical rows and one far row, k = 3: no cluster may end empty.
        var km = new KMeansStream(1, 3, 100, KMeansStream.Seeding.RANDOM, 3);
        Trainer<Centroids> t = Trainer.incremental(km, 6, 6, 6);
        List<Centroids> out = List.of();
        for (double v : new double[] {1, 1, 1, 1, 1, 50}) {
            out = t.push(new double[] {v});
        }
        for (int size : out.get(0).sizes()) {
            assertTrue(size >= 1, java.util.Arrays.toString(out.get(0).sizes()));
        }
        assertTrue(out.get(0).iterations() < 5, "converged in " + out.get(0).iterations() + " iterations");
    }

    @Test
    void windowsSmallerThanKAreRefusedWithAReason() {
        var e = assertThrows(IllegalArgumentException.class, () -> KMeansStream.trainer(2, 5, 3, 10, 1));
        assertEquals("k-means with k = 5 needs windows of at least 5 rows; min_window_size is 3", e.getMessage());
    }

    @Test
    void asAPlainTrainingFunctionItFindsTheClustersToo() {
        Random r = new Random(10);
        var km = new KMeansStream(4, 3);
        Trainer<Centroids> t = Trainer.of(io.iotj.ml.TrainFunction.unsupervised(km::train), 4, 30, 300, 10);
        Centroids last = null;
        for (int i = 0; i < 1000; i++) {
            for (Centroids m : t.push(point(r, PLANTED[r.nextInt(3)], 1))) {
                last = m;
            }
        }
        Set<Integer> found = new HashSet<>();
        for (int c = 0; c < 3; c++) {
            found.add(match(last.centroid(c), PLANTED, 0.4));
        }
        assertEquals(Set.of(0, 1, 2), found);
        assertEquals(last.predict(PLANTED[1]), km.predict(PLANTED[1], last));
    }

    @Test
    void readsShortInALiveTableAndKeepsEveryDigitInItsAccessors() {
        Centroids c = new Centroids(new double[][] {{40.73465794392521, -73.91930804112149}, {47.7183350877193, -121.97908245614039}},
                new int[] {10, 12}, 1, 1434.7407123, 0, 22);
        assertEquals("Centroids[k=2, iterations=1, distortion=1435, centroids=(40.73, -73.92) (47.72, -122.0)]", c.toString());
        assertEquals(40.73465794392521, c.centroid(0)[0]);
    }
}
