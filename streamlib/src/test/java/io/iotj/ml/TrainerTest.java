package io.iotj.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {

    @Test
    void splitsRowsIntoFeaturesAndTargets() {
        List<double[][]> xs = new ArrayList<>();
        List<double[][]> ys = new ArrayList<>();
        Trainer<String> t = Trainer.of((x, y, model, w) -> {
            xs.add(x);
            ys.add(y);
            return "m" + w.index();
        }, 2, 2, 2, 2);
        assertEquals(List.of(), t.push(new double[] {1, 2, 3, 4}));
        assertEquals(List.of("m0"), t.push(new double[] {5, 6, 7, 8}));
        assertArrayEquals(new double[][] {{1, 2}, {5, 6}}, xs.get(0));
        assertArrayEquals(new double[][] {{3, 4}, {7, 8}}, ys.get(0));
        assertEquals("m0", t.latest());
    }

    @Test
    void passesThePreviousModelBack() {
        List<Integer> previous = new ArrayList<>();
        Trainer<Integer> t = Trainer.of(TrainFunction.singleTarget((x, y, model, w) -> {
            previous.add(model);
            return model == null ? 1 : model + 1;
        }), 1, 1, 3, 1);
        for (int i = 0; i < 4; i++) {
            t.push(new double[] {i, 2 * i});
        }
        assertEquals(java.util.Arrays.asList(null, 1, 2, 3), previous);
        assertEquals(4, t.latest());
    }

    @Test
    void singleTargetGetsTheTargetColumn() {
        double[][] seen = new double[1][];
        Trainer<double[]> t = Trainer.of(TrainFunction.singleTarget((x, y, m, w) -> seen[0] = y), 1, 3, 3, 3);
        t.push(new double[] {0, 10});
        t.push(new double[] {1, 11});
        t.push(new double[] {2, 12});
        assertArrayEquals(new double[] {10, 11, 12}, seen[0]);
    }

    @Test
    void singleTargetRejectsTwoTargetsWithAClearMessage() {
        Trainer<double[]> t = Trainer.of(TrainFunction.singleTarget((x, y, m, w) -> y), 1, 1, 1, 1);
        var e = assertThrows(MlException.class, () -> t.push(new double[] {0, 1, 2}));
        assertTrue(e.getMessage().contains("one target column"), e.getMessage());
        assertTrue(e.getMessage().contains("row 0 has 2 columns after the features"), e.getMessage());
    }

    @Test
    void aResetFromTheFunctionShrinksTheNextWindow() {
        List<Integer> sizes = new ArrayList<>();
        Trainer<Integer> t = Trainer.of(TrainFunction.unsupervised((x, m, w) -> {
            sizes.add(x.length);
            if (x.length == 4 && sizes.size() == 3) {
                w.reset();
            }
            return x.length;
        }), 1, 2, 4, 1);
        for (int i = 0; i < 6; i++) {
            t.push(new double[] {i});
        }
        assertEquals(List.of(2, 3, 4, 2, 3, 4), sizes);
    }

    @Test
    void badRowsAreNamedAndTheTrainerStaysUsable() {
        Trainer<Integer> t = Trainer.of((x, y, m, w) -> x.length, 2, 1, 3, 1);
        t.push(new double[] {1, 2, 3});
        var e = assertThrows(MlException.class, () -> t.push(new double[] {1}));
        assertEquals("row 1 has 1 columns; num_features = 2 needs 2", e.getMessage());
        e = assertThrows(MlException.class, () -> t.push(new double[] {1, 2}));
        assertEquals("row 1 has 2 columns, earlier rows had 3", e.getMessage());
        assertEquals(List.of(2), t.push(new double[] {4, 5, 6}));
    }

    @Test
    void aFailingFunctionIsReportedWithItsWindowAndSkipped() {
        Trainer<Integer> t = Trainer.of((x, y, m, w) -> {
            if (w.index() == 1) {
                throw new IllegalStateException("boom");
            }
            return (int) w.index();
        }, 1, 1, 1, 1);
        t.push(new double[] {0});
        var e = assertThrows(MlException.class, () -> t.push(new double[] {1}));
        assertEquals("the training function failed on window 1 [1, 2): IllegalStateException: boom", e.getMessage());
        assertEquals(List.of(2), t.push(new double[] {2}));
    }

    @Test
    void aNullModelIsAnError() {
        Trainer<Object> t = Trainer.of((x, y, m, w) -> null, 1, 1, 1, 1);
        var e = assertThrows(MlException.class, () -> t.push(new double[] {0}));
        assertEquals("the training function returned no model for window 0 [0, 1)", e.getMessage());
    }

    @Test
    void predictorAppliesTheLatestModelToTheFeatures() {
        Predictor<double[], Double> p = new Predictor<>((x, w) -> {
            assertEquals(1, x.length, "only the features reach the prediction function");
            return w[0] + w[1] * x[0];
        }, 1);
        assertTrue(p.predict(new double[] {3, 99}).isEmpty(), "no prediction before a model");
        p.model(new double[] {1, 2});
        assertEquals(7.0, p.predict(new double[] {3, 99}).orElseThrow());
        p.model(new double[] {0, 10});
        assertEquals(30.0, p.predict(new double[] {3, 99}).orElseThrow());
    }

    @Test
    void predictorReportsFailuresWithTheRow() {
        Predictor<String, Double> p = new Predictor<>((x, m) -> {
            if (x[0] > 0) {
                throw new ArithmeticException("bad");
            }
            return 0.0;
        }, 1);
        p.model("m");
        assertEquals(0.0, p.predict(new double[] {0}).orElseThrow());
        var e = assertThrows(MlException.class, () -> p.predict(new double[] {1}));
        assertEquals("the prediction function failed on row 1: ArithmeticException: bad", e.getMessage());
    }
}
