package io.iotj.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.ml.incremental.LinearFit;
import io.iotj.ml.incremental.LinearRegressionStream;
import io.iotj.ml.smile.SmileModels;
import io.iotj.stream.IotStream;
import io.iotj.stream.ValueFailure;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MlStreamsTest {

    @Test
    void theThesisLinearRegressionTemplateShape() {
        // model = train(in=x, function=train, num_features=2, min_window_size=5, max_window_size=30, step_size=2);
        // z = predict(in=y, function=predict, model=model, num_features=2);
        var ols = SmileModels.of("ols");
        IotStream<double[]> x = new IotStream<>("x");
        IotStream<double[]> y = new IotStream<>("y");
        IotStream<Object> model = MlStreams.train(x, ols, 2, 5, 30, 2);
        IotStream<Object> z = MlStreams.predict(y, ols, model, 2);
        List<Object> models = model.toList();
        List<Object> predictions = z.toList();

        Random r = new Random(5);
        for (int i = 0; i < 45; i++) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            x.append(new double[] {a, b, 3 + a - 2 * b});
        }
        assertEquals(1 + (45 - 5) / 2, models.size());
        y.extend(new double[] {1, 1}, new double[] {0, 2});
        assertEquals(List.of(2.0, -1.0), predictions.stream().map(p -> Math.rint((Double) p * 1e6) / 1e6).toList());
    }

    @Test
    void rowsBeforeTheFirstModelGiveNoPredictionThenTheLatestModelIsUsed() {
        IotStream<List<Double>> history = new IotStream<>("history");
        IotStream<double[]> live = new IotStream<>("live");
        IotStream<LinearFit> model = MlStreams.train(history, LinearRegressionStream.trainer(1, 3, 3, 3));
        IotStream<Double> z = MlStreams.predict(live, model, new Predictor<>(LinearRegressionStream.predictFunction(), 1));
        List<Double> out = z.toList();
        live.append(new double[] {1});
        assertEquals(List.of(), out, "no model yet");
        for (int i = 0; i < 3; i++) {
            history.append(List.of((double) i, 10.0 * i)); // y = 10x
        }
        live.append(new double[] {2});
        for (int i = 0; i < 3; i++) {
            history.append(List.of((double) i, -1.0 * i)); // y = -x
        }
        live.append(new double[] {2});
        assertEquals(2, out.size());
        assertEquals(20, out.get(0), 1e-9);
        assertEquals(-2, out.get(1), 1e-9);
    }

    @Test
    void aBadRowFailsThePartWithTheValueAndTheReason() {
        IotStream<Object> in = new IotStream<>("in");
        MlStreams.train(in, SmileModels.of("ols"), 2, 3, 3, 1);
        in.append(List.of(1, 2, 3));
        ValueFailure f = assertThrows(ValueFailure.class, () -> in.append("hello"));
        assertEquals("hello", f.value());
        assertTrue(f.getMessage().contains("a row must be numbers (double[], a number, or a list of numbers), not String hello"),
                f.getMessage());
    }
}
