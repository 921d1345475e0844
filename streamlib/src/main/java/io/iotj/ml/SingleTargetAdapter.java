package io.iotj.ml;

import io.iotj.stream.WindowState;

/** Gives a {@link SingleTargetTrainFunction} the one target column it expects. */
final class SingleTargetAdapter<M> implements TrainFunction<M> {

    private final SingleTargetTrainFunction<M> f;

    SingleTargetAdapter(SingleTargetTrainFunction<M> f) {
        this.f = java.util.Objects.requireNonNull(f, "function");
    }

    @Override
    public M train(double[][] x, double[][] y, M model, WindowState window) {
        double[] target = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            if (y[i].length != 1) {
                throw new IllegalArgumentException("the training function takes one target column, but row "
                        + (window.start() + i) + " has " + y[i].length + " columns after the features");
            }
            target[i] = y[i][0];
        }
        return f.train(x, target, model, window);
    }
}
