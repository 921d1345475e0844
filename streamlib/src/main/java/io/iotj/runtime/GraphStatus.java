package io.iotj.runtime;

/**
 * What a running graph is doing. For {@link State#FAILED}: the part, the value it was processing
 * (when known) and the exception.
 *
 * @param state the state
 * @param part  the failed part's name, or {@code null}
 * @param value the value the part failed on, or {@code null}
 * @param error the exception, or {@code null}
 */
public record GraphStatus(State state, String part, Object value, Throwable error) {
    /** The states of a running graph. */
    public enum State {
        /** Values are in flight or a source is producing. */
        RUNNING,
        /** Nothing to do until values arrive (or a timed source is due). */
        IDLE,
        /** Stopped by the caller; its threads have ended. */
        STOPPED,
        /** A part failed; the graph stopped. */
        FAILED;

        /** True once the graph will not change any more (stopped or failed). */
        public boolean finished() {
            return this == STOPPED || this == FAILED;
        }

        /** The word people read: {@code running}, {@code idle}, {@code stopped}, {@code failed}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** True when the graph will do nothing more (stopped or failed). */
    public boolean finished() {
        return state.finished();
    }

    static GraphStatus of(State s) {
        return new GraphStatus(s, null, null, null);
    }

    @Override
    public String toString() {
        if (state != State.FAILED) {
            return state.toString();
        }
        return "FAILED in part " + part + (value == null ? "" : " on value " + value) + ": " + error;
    }
}
