package io.iotj.ml;

/**
 * A prediction function: applies the latest model to one input row's features. It must not change
 * the model; only the training function does.
 *
 * <p>A method returning {@code double} or {@code double[]} fits directly:
 * {@code PredictFunction<LinearFit, Double> p = (x, m) -> m.predict(x);}
 *
 * @param <M> the model type
 * @param <R> the prediction type, usually {@code Double} or {@code double[]}
 */
@FunctionalInterface
public interface PredictFunction<M, R> {

    R predict(double[] x, M model);
}
