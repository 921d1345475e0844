package io.iotj.ml.smile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.ml.MlException;
import io.iotj.ml.Predictor;
import io.iotj.ml.Trainer;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import smile.regression.LinearModel;

class SmileModelsTest {

    private static final Random R = new Random(11);

    /** y = 1 + 2·x0 - x1 + small noise; x2 is irrelevant. */
    private static double[][] linearRows(Random r, int n) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            double c = r.nextGaussian();
            rows[i] = new double[] {a, b, c, 1 + 2 * a - b + 0.05 * r.nextGaussian()};
        }
        return rows;
    }

    private static double[][] features(double[][] rows, int d) {
        double[][] x = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            x[i] = java.util.Arrays.copyOf(rows[i], d);
        }
        return x;
    }

    private static double[] target(double[][] rows, int d) {
        double[] y = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = rows[i][d];
        }
        return y;
    }

    private static double rmse(SmileFit fit, double[][] rows, int d) {
        double s = 0;
        for (double[] row : rows) {
            double e = fit.predict(java.util.Arrays.copyOf(row, d)) - row[d];
            s += e * e;
        }
        return Math.sqrt(s / rows.length);
    }

    /** Two labelled blobs, label 3 around (-2,-2) and label 7 around (2,2). */
    private static double[][] labelledRows(Random r, int n) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            boolean seven = r.nextBoolean();
            double c = seven ? 2 : -2;
            rows[i] = new double[] {c + r.nextGaussian(), c + r.nextGaussian(), seven ? 7 : 3};
        }
        return rows;
    }

    private static double accuracy(SmileFit fit, double[][] rows) {
        int right = 0;
        for (double[] row : rows) {
            if (fit.predict(new double[] {row[0], row[1]}) == row[2]) {
                right++;
            }
        }
        return (double) right / rows.length;
    }

    @Test
    void linearModelsRecoverTheLine() {
        double[][] train = linearRows(R, 300);
        double[][] test = linearRows(R, 200);
        for (var m : Map.of("ols", Map.<String, Object>of(), "ridge", Map.<String, Object>of("lambda", 0.1),
                "lasso", Map.<String, Object>of("lambda", 0.1), "elastic_net",
                Map.<String, Object>of("lambda1", 0.05, "lambda2", 0.05)).entrySet()) {
            SmileFit fit = SmileModels.of(m.getKey(), m.getValue()).fit(features(train, 3), target(train, 3));
            assertEquals(Kind.REGRESSION, fit.kind());
            assertTrue(rmse(fit, test, 3) < 0.15, m.getKey() + " rmse " + rmse(fit, test, 3));
            double[] b = fit.model(LinearModel.class).coefficients();
            assertEquals(2, b[0], 0.1, m.getKey());
            assertEquals(-1, b[1], 0.1, m.getKey());
        }
    }

    @Test
    void strongerLassoDropsTheIrrelevantFeature() {
        double[][] train = linearRows(R, 300);
        LinearModel weak = SmileModels.of("lasso", Map.of("lambda", 0.01)).fit(features(train, 3), target(train, 3))
                .model(LinearModel.class);
        LinearModel strong = SmileModels.of("lasso", Map.of("lambda", 30)).fit(features(train, 3), target(train, 3))
                .model(LinearModel.class);
        assertEquals(0, strong.coefficients()[2], 1e-4); // interior-point solver: zero up to its tolerance
        assertTrue(Math.abs(strong.coefficients()[0]) < Math.abs(weak.coefficients()[0]), "lambda shrinks");
    }

    @Test
    void randomForestRegressionFitsANonlinearTarget() {
        double[][] train = new double[400][];
        double[][] test = new double[200][];
        for (double[][] set : new double[][][] {train, test}) {
            for (int i = 0; i < set.length; i++) {
                double a = R.nextDouble() * 6;
                set[i] = new double[] {a, Math.sin(a)};
            }
        }
        for (String name : new String[] {"random_forest_regression", "gradient_boost_regression", "regression_tree"}) {
            SmileFit fit = SmileModels.of(name, name.equals("regression_tree") ? Map.of() : Map.of("trees", 50))
                    .fit(features(train, 1), target(train, 1));
            assertTrue(rmse(fit, test, 1) < 0.15, name + " rmse " + rmse(fit, test, 1));
        }
    }

    @Test
    void classifiersSeparateTwoBlobsWithTheirOwnLabels() {
        double[][] train = labelledRows(R, 300);
        double[][] test = labelledRows(R, 300);
        for (String name : new String[] {"logistic", "random_forest", "gradient_boost", "decision_tree", "knn"}) {
            SmileModel model = name.contains("random_forest") || name.contains("boost")
                    ? SmileModels.of(name, Map.of("trees", 30)) : SmileModels.of(name);
            SmileFit fit = model.fit(features(train, 2), target(train, 2));
            assertEquals(Kind.CLASSIFICATION, fit.kind());
            assertTrue(accuracy(fit, test) > 0.95, name + " accuracy " + accuracy(fit, test));
        }
    }

    @Test
    void kmeansPutsEachBlobInItsOwnCluster() {
        double[][] centres = {{0, 0}, {8, 0}, {0, 8}};
        double[][] x = new double[300][];
        for (int i = 0; i < x.length; i++) {
            double[] c = centres[i % 3];
            x[i] = new double[] {c[0] + 0.5 * R.nextGaussian(), c[1] + 0.5 * R.nextGaussian()};
        }
        for (SmileFit fit : new SmileFit[] {SmileModels.of("kmeans", Map.of("k", 3)).fit(x, null),
                SmileModels.of("xmeans", Map.of("k", 6)).fit(x, null)}) {
            threeBlobs(fit, centres, x);
        }
    }

    private static void threeBlobs(SmileFit fit, double[][] centres, double[][] x) {
        double[] labels = {fit.predict(centres[0]), fit.predict(centres[1]), fit.predict(centres[2])};
        assertNotEquals(labels[0], labels[1]);
        assertNotEquals(labels[0], labels[2]);
        assertNotEquals(labels[1], labels[2]);
        for (int i = 0; i < x.length; i++) {
            assertEquals(labels[i % 3], fit.predict(x[i]));
        }
    }

    @Test
    void isolationForestScoresAnOutlierAboveTheCrowd() {
        double[][] x = new double[500][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {R.nextGaussian(), R.nextGaussian()};
        }
        SmileFit fit = SmileModels.of("isolation_forest", Map.of("trees", 100)).fit(x, null);
        assertEquals(Kind.ANOMALY, fit.kind());
        double[] scores = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            scores[i] = fit.predict(x[i]);
        }
        java.util.Arrays.sort(scores);
        double outlier = fit.predict(new double[] {8, -8});
        assertTrue(outlier > scores[(int) (0.99 * scores.length)], "outlier " + outlier + " vs 99th percentile "
                + scores[(int) (0.99 * scores.length)]);
    }

    @Test
    void streamsThroughTrainerAndPredictor() {
        SmileModel ridge = SmileModels.of("ridge", Map.of("lambda", 0.01));
        Trainer<SmileFit> t = ridge.trainer(3, 20, 100, 10);
        Predictor<SmileFit, Double> p = ridge.predictor(3);
        double[][] rows = linearRows(R, 400);
        int models = 0;
        double worst = 0;
        for (double[] row : rows) {
            var prediction = p.predict(row); // the row carries the actual value after its features
            if (prediction.isPresent()) {
                worst = Math.max(worst, Math.abs(prediction.get() - row[3]));
            }
            for (SmileFit m : t.push(row)) {
                p.model(m);
                models++;
            }
        }
        assertEquals(1 + (400 - 20) / 10, models);
        assertTrue(worst < 0.5, "worst prediction error " + worst);
    }

    @Test
    void anyOtherSmileModelWrapsWithOneLambda() {
        SmileModel svr = SmileModel.regression("svr",
                (x, y) -> smile.regression.SVM.fit(x, y, new smile.regression.SVM.Options(0.1, 10.0)));
        double[][] train = linearRows(R, 200);
        SmileFit fit = svr.fit(features(train, 3), target(train, 3));
        assertTrue(rmse(fit, linearRows(R, 100), 3) < 0.3, "svr rmse " + rmse(fit, linearRows(R, 100), 3));
    }

    @Test
    void mistakesAreExplained() {
        var e = assertThrows(MlException.class, () -> SmileModels.of("rigde"));
        assertTrue(e.getMessage().startsWith("unknown Smile model 'rigde'; known: ols, ridge, lasso"), e.getMessage());
        e = assertThrows(MlException.class, () -> SmileModels.of("ridge", Map.of("lamda", 1)));
        assertEquals("unknown hyper-parameter 'lamda' for ridge; known: beta0, lambda", e.getMessage());
        e = assertThrows(MlException.class, () -> SmileModels.of("random_forest", Map.of("trees", "many")));
        assertTrue(e.getMessage().startsWith("bad hyper-parameters for random_forest {trees=many}: NumberFormatException"),
                e.getMessage());
        Trainer<SmileFit> t = SmileModels.of("logistic").trainer(1, 2, 2, 2);
        t.push(new double[] {0, 1});
        e = assertThrows(MlException.class, () -> t.push(new double[] {1, 0.5}));
        assertTrue(e.getMessage().contains("logistic learns class labels, whole numbers in the target column;"
                + " row 1 of the window has 0.5"), e.getMessage());
    }

    @Test
    void hyperParametersAsTextForTemplates() {
        SmileModel m = SmileModels.of("random_forest", "trees=7, max_depth = 3");
        double[][] train = labelledRows(R, 100);
        var forest = m.fit(features(train, 2), target(train, 2)).model(smile.classification.RandomForest.class);
        assertEquals(7, forest.size());
        var e = assertThrows(MlException.class, () -> SmileModels.of("ridge", "lambda"));
        assertEquals("hyper-parameters for ridge must be name=value pairs separated by commas, e.g. "
                + "\"lambda=0.1, trees=50\"; got \"lambda\"", e.getMessage());
    }

    @Test
    void namesAreForgivingAndDefaultsAreListed() {
        assertEquals("logistic", SmileModels.of("Logistic-Regression").name());
        assertEquals("ols", SmileModels.of("linear regression").name());
        assertEquals("20", SmileModels.defaults("random_forest").get("max_depth"));
        assertEquals(Kind.CLASSIFICATION, SmileModels.of("random_forest", Map.of("maxDepth", 4)).kind());
    }
}
