package io.iotj.kernel.jshell;

/** What happened while one cell (or one internal evaluation) ran: the live value or exception of its last snippet. */
final class CellRun {
    final CellToken token;
    volatile Thread thread;
    volatile long stopRequestedAt;
    volatile boolean abandoned;
    /** Set by {@link CellExecutionControl#end}; guarded by this object's lock. */
    boolean ended;

    /** Set per snippet by {@link CellExecutionControl#invoke}. */
    boolean invoked;
    Object value;
    Throwable thrown;
    boolean stopped;

    CellRun(CellToken token) {
        this.token = token;
    }

    void beforeSnippet() {
        invoked = false;
        value = null;
        thrown = null;
    }
}
