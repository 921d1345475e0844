package io.iotj.ml;

import io.iotj.stream.Operator;
import io.iotj.stream.IotStream;

/**
 * The {@code train} and {@code predict} templates as stream operators.
 *
 * <pre>{@code
 * IotStream<double[]> sensor = new IotStream<>("sensor");
 * IotStream<Object> model = MlStreams.train(sensor, SmileModels.of("ols"), 2, 5, 30, 2);
 * IotStream<Object> z = MlStreams.predict(sensor, SmileModels.of("ols"), model, 2);
 * }</pre>
 *
 * <p>Input values are rows: {@code double[]}, a number, or a list of numbers (see {@link Rows}).
 * A bad row or a failing function fails the part with a {@link io.iotj.stream.ValueFailure} naming
 * the value and the reason.
 */
public final class MlStreams {

    private MlStreams() {
    }

    /**
     * {@code model = train(in, function, num_features, min_window_size, max_window_size, step_size)}:
     * a model after each window. {@code function} is anything {@link MlFunctions#trainer} accepts.
     */
    public static IotStream<Object> train(IotStream<?> in, Object function, int numFeatures, int minWindowSize,
                                       int maxWindowSize, int stepSize) {
        return train(in, MlFunctions.trainer(function, numFeatures, minWindowSize, maxWindowSize, stepSize));
    }

    /** Recent models a model stream keeps for display: models can be large (a random forest), rows are small. */
    static final int MODELS_RETAINED = 16;

    /** The models {@code trainer} produces from the rows of {@code in}. */
    public static <M> IotStream<M> train(IotStream<?> in, Trainer<M> trainer) {
        IotStream<M> out = new IotStream<>("train(" + in.name() + ")", Math.min(in.retain(), MODELS_RETAINED), in.capacity());
        new TrainOp<>(in, out, trainer);
        return out;
    }

    /**
     * {@code z = predict(in, function, model, num_features)}: the latest model's prediction for each
     * row of {@code in}. {@code function} is anything {@link MlFunctions#predictor} accepts.
     */
    public static IotStream<Object> predict(IotStream<?> in, Object function, IotStream<?> model, int numFeatures) {
        return predict(in, model, MlFunctions.predictor(function, numFeatures));
    }

    /** Predictions of {@code predictor} for the rows of {@code in}, with models from {@code model}. */
    public static <M, R> IotStream<R> predict(IotStream<?> in, IotStream<? extends M> model, Predictor<M, R> predictor) {
        IotStream<R> out = new IotStream<>("predict(" + in.name() + ")", in.retain(), in.capacity());
        new PredictOp<>(in, model, out, predictor);
        return out;
    }

    /** The {@code train} operator writing into an existing stream (for leaves, whose outputs exist already). */
    public static <M> Operator trainOperator(IotStream<?> in, IotStream<M> out, Trainer<M> trainer) {
        return new TrainOp<>(in, out, trainer);
    }

    /** The {@code predict} operator writing into an existing stream. */
    public static <M, R> Operator predictOperator(IotStream<?> in, IotStream<? extends M> model, IotStream<R> out,
                                                  Predictor<M, R> predictor) {
        return new PredictOp<>(in, model, out, predictor);
    }
}
