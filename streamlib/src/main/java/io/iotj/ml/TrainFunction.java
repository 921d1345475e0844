package io.iotj.ml;

import io.iotj.stream.WindowState;

/**
 * A training function: fits a model to one window of the stream.
 *
 * <p>{@code x} holds the window's rows cut to their first {@code num_features} columns, {@code y} the
 * remaining columns (an empty row each when there are none, as for clustering). {@code model} is what
 * this function returned for the previous window, {@code null} for the first, so a function may update
 * a model rather than build a new one. The returned model is emitted on the model stream.
 *
 * @param <M> the model type
 */
@FunctionalInterface
public interface TrainFunction<M> {

    M train(double[][] x, double[][] y, M model, WindowState window);

    /**
     * Adapts a function for a single target: its {@code y} is the one column after the features.
     * Rows must then have exactly {@code num_features + 1} columns.
     */
    static <M> TrainFunction<M> singleTarget(SingleTargetTrainFunction<M> f) {
        return new SingleTargetAdapter<>(f);
    }

    /** Adapts a function that uses only the features (unsupervised learning); extra columns are ignored. */
    static <M> TrainFunction<M> unsupervised(UnsupervisedTrainFunction<M> f) {
        return (x, y, model, window) -> f.train(x, model, window);
    }
}
