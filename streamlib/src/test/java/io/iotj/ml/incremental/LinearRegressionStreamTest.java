package io.iotj.ml.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.ml.IncrementalTrainFunction;
import io.iotj.ml.MlException;
import io.iotj.ml.Predictor;
import io.iotj.ml.TrainFunction;
import io.iotj.ml.Trainer;
import io.iotj.stream.WindowState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import smile.regression.OLS;

class LinearRegressionStreamTest {

    /** Random rows y = b0 + b·x + noise, features around {@code offset} with spread {@code spread}. */
    private static double[] row(Random r, int d, double offset, double spread) {
        double[] row = new double[d + 1];
        double y = 3;
        for (int j = 0; j < d; j++) {
            row[j] = offset + spread * r.nextGaussian();
            y += (j + 1) * 0.5 * (j % 2 == 0 ? 1 : -1) * row[j];
        }
        row[d] = y + r.nextGaussian();
        return row;
    }

    /** Runs the stream and checks every window's fit against a Smile refit of the same rows. */
    private static int checkAgainstSmile(int d, int min, int max, int step, int rows, double offset, double spread,
                                         long seed) {
        Random r = new Random(seed);
        Trainer<LinearFit> t = LinearRegressionStream.trainer(d, min, max, step);
        Deque<double[]> recent = new ArrayDeque<>();
        int checked = 0;
        for (int i = 0; i < rows; i++) {
            double[] row = row(r, d, offset, spread);
            recent.addLast(row);
            if (recent.size() > max) {
                recent.removeFirst();
            }
            for (LinearFit fit : t.push(row)) {
                double[][] window = recent.stream().skip(recent.size() - fit.rows()).toArray(double[][]::new);
                assertEquals(i + 1 - fit.rows(), fit.windowStart());
                if (fit.rows() > d + 1) {
                    double err = BatchOls.relativeError(fit, BatchOls.fit(window, d, OLS.Method.QR));
                    assertTrue(err < 1e-9, "window at " + fit.windowStart() + " differs from Smile OLS by " + err);
                    assertEquals(d, fit.rank());
                    checked++;
                }
            }
        }
        return checked;
    }

    @Test
    void everyWindowEqualsSmileOlsOnRandomData() {
        assertTrue(checkAgainstSmile(5, 10, 120, 3, 1500, 0, 1, 1) > 400);
    }

    @Test
    void largeOffsetsDoNotCancel() {
        // Features near 10⁴ with unit spread: raw running sums of x² would lose 8 digits.
        assertTrue(checkAgainstSmile(3, 20, 200, 1, 1500, 1e4, 1, 2) > 1000);
    }

    @Test
    void aLongStreamDoesNotDrift() {
        Random r = new Random(3);
        Trainer<LinearFit> t = LinearRegressionStream.trainer(2, 50, 50, 1);
        double[][] last = new double[50][];
        LinearFit fit = null;
        for (int i = 0; i < 300_000; i++) {
            double[] row = row(r, 2, 100 * Math.sin(i / 5000.0), 1 + (i % 1000) / 100.0);
            last[i % 50] = row;
            List<LinearFit> out = t.push(row);
            if (!out.isEmpty()) {
                fit = out.get(out.size() - 1);
            }
        }
        double err = BatchOls.relativeError(fit, BatchOls.fit(last, 2, OLS.Method.QR));
        assertTrue(err < 1e-9, "after 300k rows the fit differs from Smile OLS by " + err);
    }

    @Test
    void collinearFeaturesGiveFiniteLeastSquaresPredictions() {
        Random r = new Random(4);
        var t = LinearRegressionStream.trainer(3, 40, 40, 40);
        double[][] rows = new double[40][];
        LinearFit fit = null;
        for (int i = 0; i < 40; i++) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            rows[i] = new double[] {a, 2 * a, b, 1 + a - b + 0.1 * r.nextGaussian()}; // x1 = 2·x0
            for (LinearFit f : t.push(rows[i])) {
                fit = f;
            }
        }
        assertEquals(2, fit.rank());
        for (double c : fit.coefficients()) {
            assertTrue(Double.isFinite(c) && Math.abs(c) < 10, fit.toString());
        }
        var ref = BatchOls.fit(rows, 3, OLS.Method.SVD); // least squares by SVD: same fitted values
        for (double[] row : rows) {
            assertEquals(ref.predict(java.util.Arrays.copyOf(row, 3)), fit.predict(row), 1e-9);
        }
    }

    @Test
    void aConstantFeatureGetsZeroWeightAndTheRestIsExact() {
        var t = LinearRegressionStream.trainer(2, 5, 5, 5);
        LinearFit fit = null;
        for (int i = 0; i < 5; i++) {
            for (LinearFit f : t.push(new double[] {i, 7, 1 + 2 * i})) {
                fit = f;
            }
        }
        assertEquals(1, fit.rank());
        assertEquals(2, fit.coefficients()[0], 1e-12);
        assertEquals(0, fit.coefficients()[1]);
        assertEquals(1, fit.intercept(), 1e-12);
    }

    @Test
    void fewerRowsThanFeaturesStillFitEveryRowExactly() {
        Random r = new Random(13);
        var t = LinearRegressionStream.trainer(5, 3, 3, 3);
        double[][] rows = new double[3][];
        LinearFit fit = null;
        for (int i = 0; i < 3; i++) {
            rows[i] = row(r, 5, 0, 1);
            for (LinearFit f : t.push(rows[i])) {
                fit = f;
            }
        }
        assertEquals(2, fit.rank(), "3 centred rows span 2 directions");
        for (double[] row : rows) {
            assertEquals(row[5], fit.predict(row), 1e-9);
        }
    }

    @Test
    void aOneRowWindowPredictsThatRow() {
        var t = LinearRegressionStream.trainer(1, 1, 3, 1);
        LinearFit fit = t.push(new double[] {2, 5}).get(0);
        assertEquals(5, fit.predict(new double[] {100}), 1e-12);
    }

    @Test
    void predictsWithThePredictor() {
        var t = LinearRegressionStream.trainer(1, 5, 10, 1);
        var p = new Predictor<>(LinearRegressionStream.predictFunction(), 1);
        for (int i = 0; i < 10; i++) {
            t.push(new double[] {i, 4 - 3 * i}).forEach(p::model);
        }
        assertEquals(4 - 3 * 20, p.predict(new double[] {20, 0}).orElseThrow(), 1e-9);
    }

    @Test
    void rowsOfTheWrongShapeAreRejectedBeforeTheyCount() {
        var t = LinearRegressionStream.trainer(2, 2, 4, 1);
        t.push(new double[] {1, 2, 3});
        var e = assertThrows(MlException.class, () -> t.push(new double[] {1, 2, 3, 4}));
        assertTrue(e.getMessage().startsWith("row 1 has 4 columns; this model takes 3"), e.getMessage());
        e = assertThrows(MlException.class, () -> t.push(new double[] {1, Double.NaN, 3}));
        assertEquals("row 1 column 1 is NaN; this model needs finite numbers", e.getMessage());
        LinearFit fit = t.push(new double[] {2, 1, 6}).get(0);
        assertEquals(2, fit.rows());
    }

    @Test
    void asAPlainTrainingFunctionItMatchesTheIncrementalPathIncludingResets() {
        Random r = new Random(6);
        var viaRows = LinearRegressionStream.trainer(2, 4, 40, 3);
        var lrs = new LinearRegressionStream(2);
        Trainer<LinearFit> viaArrays = Trainer.of(TrainFunction.singleTarget((x, y, m, w) -> {
            LinearFit f = lrs.train(x, y, m, w);
            if (w.index() % 17 == 16) {
                w.reset();
            }
            return f;
        }), 2, 4, 40, 3);
        var reference = new LinearRegressionStream(2);
        Trainer<LinearFit> viaRowsWithResets = Trainer.incremental(new IncrementalTrainFunction<>() {
            @Override
            public int numFeatures() {
                return 2;
            }

            @Override
            public int numColumns() {
                return 3;
            }

            @Override
            public void entered(double[] row) {
                reference.entered(row);
            }

            @Override
            public void left(double[] row) {
                reference.left(row);
            }

            @Override
            public LinearFit model(WindowState w) {
                LinearFit f = reference.model(w);
                if (w.index() % 17 == 16) {
                    w.reset();
                }
                return f;
            }
        }, 4, 40, 3);
        int compared = 0;
        for (int i = 0; i < 3000; i++) {
            double[] row = row(r, 2, 5, 2);
            viaRows.push(row);
            List<LinearFit> a = viaArrays.push(row);
            List<LinearFit> b = viaRowsWithResets.push(row);
            assertEquals(b.size(), a.size());
            for (int k = 0; k < a.size(); k++) {
                assertEquals(b.get(k).windowStart(), a.get(k).windowStart());
                assertEquals(b.get(k).rows(), a.get(k).rows());
                for (int j = 0; j < 2; j++) {
                    assertEquals(b.get(k).coefficients()[j], a.get(k).coefficients()[j],
                            1e-9 * (1 + Math.abs(b.get(k).coefficients()[j])));
                }
                compared++;
            }
        }
        assertTrue(compared > 900, compared + " windows compared");
    }

    @Test
    void oneInstanceCannotBeFedTwoWays() {
        var lrs = new LinearRegressionStream(1);
        Trainer.incremental(lrs, 1, 1, 1).push(new double[] {1, 2});
        var t = Trainer.of(TrainFunction.singleTarget(lrs::train), 1, 1, 1, 1);
        var e = assertThrows(MlException.class, () -> t.push(new double[] {1, 2}));
        assertTrue(e.getMessage().contains("use one instance per train part"), e.getMessage());
    }
}
