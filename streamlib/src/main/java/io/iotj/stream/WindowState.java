package io.iotj.stream;

/**
 * The state of a dynamic window as its function sees it (IoTpy's {@code state[0..2]} plus the user's
 * own state): the current size, whether it reached the maximum, a reset request, and a slot for
 * state the function keeps between windows.
 */
public final class WindowState {
    int size;
    boolean steady;
    boolean reset;
    private Object state;

    WindowState(Object initial) {
        this.state = initial;
    }

    /** The current window size. */
    public int size() {
        return size;
    }

    /** True once the window reached its maximum size (it now slides). */
    public boolean steady() {
        return steady;
    }

    /**
     * Asks to shrink the window to its minimum size, keeping its end. Takes effect once the window
     * is at its maximum size (immediately if it already is), as in IoTpy.
     */
    public void reset() {
        reset = true;
    }

    /** True while a reset is pending. */
    public boolean resetRequested() {
        return reset;
    }

    /** The function's own state (initially the initial state given to the window). */
    public Object state() {
        return state;
    }

    /** Replaces the function's own state. */
    public void state(Object s) {
        state = s;
    }
}
