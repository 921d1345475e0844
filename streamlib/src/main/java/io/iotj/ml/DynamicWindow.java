package io.iotj.ml;

import java.util.Objects;

/**
 * IoTpy's dynamic window over a stream of rows.
 *
 * <p>The first window holds the first {@code minSize} rows. Each following window ends {@code step}
 * rows later; its start stays fixed while the window grows, until it reaches {@code maxSize} rows,
 * after which it slides by {@code step}. If the listener calls {@link WindowState#reset()},
 * the window shrinks to {@code minSize} rows keeping its end, is delivered again at that size, and
 * grows from there. With min 1, max 4, step 2 over rows 0, 1, 2, … the windows are [0], [0,1,2],
 * [1,2,3,4], [3,4,5,6], [5,6,7,8].
 *
 * <p>Memory is bounded: at most {@code maxSize + step} rows are held. Not thread-safe; one stream
 * feeds one window.
 */
public final class DynamicWindow {

    private final int minSize;
    private final int maxSize;
    private final int step;
    private final WindowListener listener;

    // Ring of rows: absolute position p lives at ring[p % ring.length]; rows before oldest are gone.
    private final double[][] ring;
    private long oldest;
    private long received;

    private long start;          // start of the next window to deliver
    private long end;            // end of the next window to deliver
    private long enteredUpTo;    // rows before this position have been reported as entered
    private long index;          // windows delivered so far
    private final View view = new View();

    /**
     * @param minSize  rows in the first window (at least 1)
     * @param maxSize  the largest window (at least {@code minSize})
     * @param step     rows between the ends of consecutive windows (at least 1)
     * @param listener receives rows entering and leaving, and each window
     * @throws IllegalArgumentException if the sizes do not fit together
     */
    public DynamicWindow(int minSize, int maxSize, int step, WindowListener listener) {
        checkSizes(minSize, maxSize, step);
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.step = step;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.ring = new double[maxSize + step][];
        this.end = minSize;
    }

    /** Checks window sizes, with a message naming the offending parameter. */
    public static void checkSizes(int minSize, int maxSize, int step) {
        if (minSize < 1) {
            throw new IllegalArgumentException("min_window_size must be at least 1, got " + minSize);
        }
        if (maxSize < minSize) {
            throw new IllegalArgumentException("max_window_size (" + maxSize
                    + ") must be at least min_window_size (" + minSize + ")");
        }
        if (step < 1) {
            throw new IllegalArgumentException("step_size must be at least 1, got " + step);
        }
        if ((long) maxSize + step > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("max_window_size + step_size is too large: " + maxSize + " + " + step);
        }
    }

    /** Adds the next row of the stream; delivers every window it completes (zero, one, or more after a reset). */
    public void push(double[] row) {
        Objects.requireNonNull(row, () -> "row " + received + " is null");
        ring[(int) (received % ring.length)] = row;
        received++;
        while (received >= end) {
            deliver();
        }
    }

    /** Rows pushed so far. */
    public long received() {
        return received;
    }

    /** Windows delivered so far. */
    public long windows() {
        return index;
    }

    /** Rows in the first window and after a reset. */
    public int minSize() {
        return minSize;
    }

    /** The largest window. */
    public int maxSize() {
        return maxSize;
    }

    /** Rows between the ends of consecutive windows. */
    public int step() {
        return step;
    }

    private void deliver() {
        for (long p = oldest; p < start; p++) {
            if (p < enteredUpTo) { // with step > max some rows fall between windows and never entered
                listener.left(at(p));
            }
            ring[(int) (p % ring.length)] = null;
        }
        oldest = Math.max(oldest, start);
        for (long p = Math.max(enteredUpTo, start); p < end; p++) {
            listener.entered(at(p));
        }
        enteredUpTo = end;
        view.reset = false;
        try {
            listener.window(view);
        } finally {
            // The window moves on even if the listener failed, so one bad window is skipped, not retried forever.
            index++;
            int size = (int) (end - start);
            if (view.reset && size > minSize) {
                start = end - minSize; // same end, delivered again at the minimum size
            } else {
                end += step;
                start = Math.max(start, end - maxSize);
            }
        }
    }

    private double[] at(long p) {
        return ring[(int) (p % ring.length)];
    }

    private final class View implements WindowState {
        boolean reset;

        @Override
        public long start() {
            return start;
        }

        @Override
        public int size() {
            return (int) (end - start);
        }

        @Override
        public long index() {
            return index;
        }

        @Override
        public boolean steady() {
            return end - start == maxSize;
        }

        @Override
        public void reset() {
            reset = true;
        }

        @Override
        public boolean resetRequested() {
            return reset;
        }

        @Override
        public double[] row(int i) {
            if (i < 0 || i >= size()) {
                throw new IndexOutOfBoundsException("row " + i + " of a window of " + size() + " rows");
            }
            return at(start + i);
        }

        @Override
        public String toString() {
            return "window " + index + " [" + start + ", " + end + ")";
        }
    }
}
