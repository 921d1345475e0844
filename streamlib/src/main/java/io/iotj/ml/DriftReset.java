package io.iotj.ml;

import io.iotj.stream.WindowState;
import java.util.Objects;

/**
 * A training function that watches for drift and resets the window when it sees it: the use IoTpy's
 * {@code window_state} was made for.
 *
 * <p>Before each window is trained, the previous model predicts the rows that arrived since; if
 * their mean absolute error exceeds {@code factor} times the error the previous model had on its own
 * window (plus {@code floor}, so a near-perfect fit does not reset on noise), the window is asked to
 * reset: the next window holds only the most recent rows, so the model forgets the old regime.
 * Single-target regression; costs one prediction per row of each window.
 *
 * <p>The window after a reset holds the last {@code min_window_size} rows and keeps that start while
 * it grows, so choose {@code min_window_size <= step_size}: then it holds only rows that arrived
 * after the last window, none of the old regime.
 *
 * @param <M> the model type
 */
public final class DriftReset<M> implements TrainFunction<M> {

    private final TrainFunction<M> train;
    private final PredictFunction<M, Double> predict;
    private final double factor;
    private final double floor;
    private long prevEnd = -1;
    private double baseline;
    private long resets;

    /**
     * @param train   the training function to wrap
     * @param predict its prediction function
     * @param factor  how many times the usual error counts as drift (e.g. 3)
     * @param floor   an absolute error always tolerated (e.g. the sensor's noise level)
     */
    public DriftReset(TrainFunction<M> train, PredictFunction<M, Double> predict, double factor, double floor) {
        this.train = Objects.requireNonNull(train, "train");
        this.predict = Objects.requireNonNull(predict, "predict");
        if (!(factor > 0) || !(floor >= 0)) {
            throw new IllegalArgumentException("factor must be > 0 and floor >= 0, got " + factor + " and " + floor);
        }
        this.factor = factor;
        this.floor = floor;
    }

    @Override
    public M train(double[][] x, double[][] y, M model, WindowState window) {
        if (model != null && prevEnd >= 0) {
            int from = (int) Math.max(0, prevEnd - window.start());
            if (from < x.length && error(model, x, y, from) > factor * baseline + floor) {
                window.reset();
                resets++;
            }
        }
        M next = train.train(x, y, model, window);
        baseline = error(next, x, y, 0);
        prevEnd = window.end();
        return next;
    }

    /** Resets asked for so far. */
    public long resets() {
        return resets;
    }

    private double error(M model, double[][] x, double[][] y, int from) {
        double sum = 0;
        for (int i = from; i < x.length; i++) {
            sum += Math.abs(predict.predict(x[i], model) - y[i][0]);
        }
        return sum / (x.length - from);
    }
}
