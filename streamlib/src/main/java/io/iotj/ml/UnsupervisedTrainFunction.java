package io.iotj.ml;

import io.iotj.stream.WindowState;

/**
 * A training function that learns from the features alone (clustering, anomaly detection). Use it
 * through {@link TrainFunction#unsupervised}.
 *
 * @param <M> the model type
 */
@FunctionalInterface
public interface UnsupervisedTrainFunction<M> {

    M train(double[][] x, M model, WindowState window);
}
