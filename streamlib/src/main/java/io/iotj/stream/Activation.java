package io.iotj.stream;

/**
 * How an operator is run when values arrive for it. By default operators run inline, in the thread
 * that published the values; a runtime replaces this to run them on its own threads.
 */
public interface Activation {
    /** Values arrived for {@code op} (called by the writer after publishing). Must be cheap. */
    void wake(Operator op);

    /** True when the runtime wants {@code op} to stop; a writer waiting for room then gives up. */
    default boolean stopRequested() {
        return false;
    }

    /** The operator's writer starts ({@code true}) or stops waiting for readers to make room. */
    default void blocked(boolean waiting) {
    }

    /**
     * True when the operator's graph cannot move: every part idle or waiting for room, no progress
     * for a while. A writer waiting on such a graph grows its stream instead of waiting forever.
     */
    default boolean stalled() {
        return false;
    }

    /** Runs the operator at once in the caller's thread, until it has nothing more to do. */
    Activation INLINE = Operator::runInline;

    /** Ignores arrivals: the operator's graph has stopped. */
    Activation STOPPED = new Activation() {
        @Override
        public void wake(Operator op) {
        }

        @Override
        public boolean stopRequested() {
            return true;
        }
    };
}
