package io.iotj.stream;

/**
 * Receives the changes of a {@link DynamicWindow}: values as they enter and leave the window, then
 * each complete window. Incremental algorithms keep running sums with {@code entered}/{@code left};
 * others only need {@code window}.
 *
 * @param <T> the values
 */
@FunctionalInterface
public interface WindowListener<T> {

    /** A value joined the window (called before the {@link #window} call that first includes it). */
    default void entered(T value) {
    }

    /** A value left the window (called before the {@link #window} call that first excludes it). */
    default void left(T value) {
    }

    /** A complete window. The state is valid only during this call. */
    void window(WindowState state);
}
