package io.iotj.ml;

import io.iotj.stream.WindowState;

/**
 * A training function for one target column: {@code y[i]} is the value to learn for row {@code x[i]}.
 * Use it through {@link TrainFunction#singleTarget}.
 *
 * @param <M> the model type
 */
@FunctionalInterface
public interface SingleTargetTrainFunction<M> {

    M train(double[][] x, double[] y, M model, WindowState window);
}
