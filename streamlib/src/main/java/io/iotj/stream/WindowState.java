package io.iotj.stream;

/**
 * A dynamic window as the function of each window sees it (IoTpy's {@code state[0..2]} plus the
 * user's own state): where the window lies in the stream, whether it reached its maximum size, a
 * way to ask for a reset, and a slot for state the function keeps between windows.
 *
 * <p>Positions count values from the first value the window ever saw (0-based); the window covers
 * {@code start() .. end() - 1}. Valid only during the call that received it.
 */
public interface WindowState {

    /** Position of the window's first value. */
    long start();

    /** Number of values in the window. */
    int size();

    /** Position just past the window's last value ({@code start() + size()}). */
    default long end() {
        return start() + size();
    }

    /** How many windows came before this one (0 for the first). */
    long index();

    /** True once the window reached its maximum size (it now slides). */
    boolean steady();

    /**
     * Asks to shrink the window to its minimum size, keeping its end. When it takes effect depends
     * on the window's {@link DynamicWindow.Reset} rule.
     */
    void reset();

    /** True while a reset is asked for and not yet done. */
    boolean resetRequested();

    /** The {@code i}-th value of the window ({@code 0 <= i < size()}). */
    Object value(int i);

    /**
     * The {@code i}-th value as a row of numbers (windows over rows, as ML's {@code train} has).
     * The array is shared with the window: read it, do not change it.
     *
     * @throws IllegalStateException if the value is not a {@code double[]}
     */
    default double[] row(int i) {
        Object v = value(i);
        if (v instanceof double[] r) {
            return r;
        }
        throw new IllegalStateException("value " + i + " of the window is "
                + (v == null ? "null" : "a " + v.getClass().getSimpleName()) + ", not a row of numbers (double[])");
    }

    /** The function's own state (initially the window's initial state). */
    Object state();

    /** Replaces the function's own state. */
    void state(Object s);
}
