package io.iotj.ml;

/**
 * Where the current training window lies in the stream, and the training function's way to ask for
 * a reset.
 *
 * <p>Positions count rows from the first row the window ever saw (0-based). The window covers rows
 * {@code start() .. end() - 1}. A training function that detects drift calls {@link #reset()}:
 * the next window then shrinks to the minimum size, keeping this window's end, and grows again.
 */
public interface WindowState {

    /** Position of the window's first row. */
    long start();

    /** Number of rows in the window. */
    int size();

    /** Position just past the window's last row ({@code start() + size()}). */
    default long end() {
        return start() + size();
    }

    /** How many windows came before this one (0 for the first). */
    long index();

    /** Whether the window has reached its maximum size and now slides. */
    boolean steady();

    /** Asks that the next window shrink to the minimum size, keeping this window's end. */
    void reset();

    /** Whether {@link #reset()} was called for this window. */
    boolean resetRequested();

    /**
     * The {@code i}-th row of the window ({@code 0 <= i < size()}), as it was pushed. The array is
     * shared with the window: read it, do not change it.
     */
    double[] row(int i);
}
