package io.iotj.ml;

/**
 * Receives the changes of a {@link DynamicWindow}: rows as they enter and leave the window, then
 * each complete window. Incremental algorithms keep running sums with {@code entered}/{@code left};
 * batch algorithms only need {@code window}.
 */
public interface WindowListener {

    /** A row joined the window (called before the {@link #window} call that first includes it). */
    default void entered(double[] row) {
    }

    /** A row left the window (called before the {@link #window} call that first excludes it). */
    default void left(double[] row) {
    }

    /** A complete window. The state is valid only during this call. */
    void window(WindowState state);
}
