package io.iotj.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.ml.smile.SmileFit;
import io.iotj.ml.smile.SmileModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftResetTest {

    /** y = 2x until row 400, then y = -x + 30: a sensor recalibrated mid-stream. */
    private static double[] row(Random r, int i) {
        double x = r.nextDouble() * 10;
        double y = i < 400 ? 2 * x : -x + 30;
        return new double[] {x, y + 0.1 * r.nextGaussian()};
    }

    @Test
    void aChangeOfRegimeResetsTheWindowOnceAndTheModelCatchesUp() {
        var ols = SmileModels.of("ols");
        var drift = new DriftReset<>(ols.trainFunction(), (x, m) -> m.predict(x), 3, 0.05);
        Trainer<SmileFit> t = Trainer.of(drift, 1, 10, 200, 10); // min <= step: the reset window is all new rows
        Random r = new Random(14);
        List<Integer> sizes = new ArrayList<>();
        SmileFit early = null; // the last model whose window ended by row 440
        for (int i = 0; i < 600; i++) {
            for (SmileFit m : t.push(row(r, i))) {
                sizes.add(m.rows());
                if (i < 440) {
                    early = m;
                }
            }
        }
        assertEquals(1, drift.resets(), "one regime change, one reset");
        assertTrue(sizes.indexOf(10) != sizes.lastIndexOf(10), "back to the minimum window: " + sizes);
        // Without the reset the window ending at row 440 would still hold 160 rows of the old regime.
        assertEquals(-1, early.predict(new double[] {1}) - early.predict(new double[] {0}), 0.05,
                "40 rows after the change the model has the new slope");
    }

    @Test
    void withoutDriftNothingResets() {
        var ols = SmileModels.of("ols");
        var drift = new DriftReset<>(ols.trainFunction(), (x, m) -> m.predict(x), 3, 0.05);
        Trainer<SmileFit> t = Trainer.of(drift, 1, 20, 200, 10);
        Random r = new Random(15);
        for (int i = 0; i < 390; i++) {
            t.push(row(r, i));
        }
        assertEquals(0, drift.resets());
    }
}
