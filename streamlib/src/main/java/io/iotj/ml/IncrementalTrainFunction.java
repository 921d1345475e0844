package io.iotj.ml;

import io.iotj.stream.WindowState;

/**
 * A training function that reuses work between windows: it is told which rows entered and left the
 * window, then asked for the model of the window. A {@link Trainer} drives it without copying each
 * window into arrays.
 *
 * <p>Each row holds the {@link #numFeatures()} feature columns first and the targets after them, as
 * for {@link TrainFunction}. Rows are shared with the window: read them, do not change them.
 *
 * @param <M> the model type
 */
public interface IncrementalTrainFunction<M> {

    /** How many leading columns of a row are features. */
    int numFeatures();

    /**
     * How many columns every row must have, or {@code -1} for any number from {@link #numFeatures()}
     * up. Rows are checked before they reach the window, so a bad row never half-updates the model.
     */
    default int numColumns() {
        return -1;
    }

    /** A row joined the window. */
    void entered(double[] row);

    /** A row left the window. */
    void left(double[] row);

    /** The model for the current window; {@code window.row(i)} gives its rows if needed. */
    M model(WindowState window);
}
