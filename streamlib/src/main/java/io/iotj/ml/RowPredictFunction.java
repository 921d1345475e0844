package io.iotj.ml;

/**
 * A prediction function in IoTpy's shape {@code predict(x, y, model)}: it also gets the columns of
 * the row after the features ({@code y}, empty when there are none), e.g. to compare a prediction
 * with the actual value. Use it with {@link Predictor#withRest}.
 *
 * @param <M> the model type
 * @param <R> the prediction type
 */
@FunctionalInterface
public interface RowPredictFunction<M, R> {

    R predict(double[] x, double[] y, M model);
}
