package io.iotj.stream;

import java.util.Objects;

/**
 * IoTpy's dynamic window over a stream of values: the engine of the {@code dynamic_window} operator
 * and of ML's {@code train}.
 *
 * <p>The first window holds the first {@code minSize} values. Each following window ends {@code step}
 * values later; its start stays fixed while the window grows, until it reaches {@code maxSize}
 * values, after which it slides by {@code step}. A function that calls {@link WindowState#reset()}
 * shrinks the window to {@code minSize} values keeping its end (delivered again at that size), and
 * it grows from there; {@link Reset} says when. With min 1, max 4, step 2 over 0, 1, 2, … the
 * windows are [0], [0,1,2], [1,2,3,4], [3,4,5,6], [5,6,7,8].
 *
 * <p>The listener also hears each value entering and leaving the window, so incremental algorithms
 * need not rescan it. Memory is bounded: at most {@code maxSize + step} values are held. Not
 * thread-safe; one stream feeds one window.
 *
 * @param <T> the values
 */
public final class DynamicWindow<T> {

    /** When a requested reset takes effect. */
    public enum Reset {
        /**
         * IoTpy's rule ({@code dynamic_window_agent}): a reset asked for while the window still grows
         * waits, still requested, until a window at the maximum size was delivered; a reset of a window
         * at its maximum shrinks the next one to the minimum, even when the two sizes are equal (that
         * window is then delivered again). {@link WindowState#steady()} is IoTpy's steady flag.
         */
        WHEN_STEADY,
        /**
         * The next window shrinks to the minimum at once, whatever its size; a window already at the
         * minimum does not change. {@link WindowState#steady()} is "the window has the maximum size".
         */
        AT_ONCE
    }

    private final int minSize;
    private final int maxSize;
    private final int step;
    private final Reset rule;
    private final WindowListener<? super T> listener;

    // Ring of values: absolute position p lives at ring[p % ring.length]; values before oldest are gone.
    private final Object[] ring;
    private long oldest;
    private long received;

    private long start;          // start of the next window to deliver
    private long end;            // end of the next window to deliver
    private long enteredUpTo;    // values before this position have been reported as entered
    private long index;          // windows delivered so far
    private boolean steady;      // IoTpy's steady_state (WHEN_STEADY)
    private boolean pendingReset; // a reset waiting for the window to be steady (WHEN_STEADY)
    private Object state;
    private final View view = new View();

    /**
     * @param minSize  values in the first window (at least 1)
     * @param maxSize  the largest window (at least {@code minSize})
     * @param step     values between the ends of consecutive windows (at least 1)
     * @param rule     when a reset takes effect
     * @param listener receives values entering and leaving, and each window
     * @throws IllegalArgumentException if the sizes do not fit together
     */
    public DynamicWindow(int minSize, int maxSize, int step, Reset rule, WindowListener<? super T> listener) {
        checkSizes(minSize, maxSize, step);
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.step = step;
        this.rule = Objects.requireNonNull(rule, "rule");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.ring = new Object[maxSize + step];
        this.end = minSize;
    }

    /** Sets the function's own state before the first window ({@link WindowState#state()}). */
    public DynamicWindow<T> initialState(Object initial) {
        this.state = initial;
        return this;
    }

    /** Checks window sizes, with a message naming the offending parameter (IoTpy's names). */
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

    /** Adds the next value of the stream; delivers every window it completes (zero, one, or more after a reset). */
    public void push(T value) {
        ring[(int) (received % ring.length)] = value;
        received++;
        while (received >= end) {
            deliver();
        }
    }

    /** Values pushed so far. */
    public long received() {
        return received;
    }

    /** Windows delivered so far. */
    public long windows() {
        return index;
    }

    /** Values in the first window and after a reset. */
    public int minSize() {
        return minSize;
    }

    /** The largest window. */
    public int maxSize() {
        return maxSize;
    }

    /** Values between the ends of consecutive windows. */
    public int step() {
        return step;
    }

    private void deliver() {
        for (long p = oldest; p < start; p++) {
            if (p < enteredUpTo) { // with step > max some values fall between windows and never entered
                listener.left(at(p));
            }
            ring[(int) (p % ring.length)] = null;
        }
        oldest = Math.max(oldest, start);
        for (long p = Math.max(enteredUpTo, start); p < end; p++) {
            listener.entered(at(p));
        }
        enteredUpTo = end;
        view.reset = pendingReset;
        view.steady = rule == Reset.WHEN_STEADY ? steady : end - start == maxSize;
        try {
            listener.window(view);
        } finally {
            // The window moves on even if the listener failed, so one bad window is skipped, not retried forever.
            index++;
            advance(view.reset);
        }
    }

    private void advance(boolean reset) {
        int size = (int) (end - start);
        if (rule == Reset.AT_ONCE) {
            if (reset && size > minSize) {
                start = end - minSize; // same end, delivered again at the minimum size
            } else {
                end += step;
                start = Math.max(start, end - maxSize);
            }
            return;
        }
        // IoTpy's major loop: grow with the start fixed; on reaching the maximum become steady (a
        // pending reset waits one more window); when steady, reset or slide.
        pendingReset = reset;
        if (!steady) {
            end += step;
            if (size + step >= maxSize) {
                steady = true;
                start = end - maxSize;
            }
        } else if (reset) {
            steady = false;
            pendingReset = false;
            start = end - minSize;
        } else {
            start += step;
            end += step;
        }
    }

    @SuppressWarnings("unchecked")
    private T at(long p) {
        return (T) ring[(int) (p % ring.length)];
    }

    private final class View implements WindowState {
        boolean reset;
        boolean steady;

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
            return steady;
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
        public Object value(int i) {
            if (i < 0 || i >= size()) {
                throw new IndexOutOfBoundsException("value " + i + " of a window of " + size() + " values");
            }
            return at(start + i);
        }

        @Override
        public Object state() {
            return state;
        }

        @Override
        public void state(Object s) {
            state = s;
        }

        @Override
        public String toString() {
            return "window " + index + " [" + start + ", " + end + ")";
        }
    }
}
