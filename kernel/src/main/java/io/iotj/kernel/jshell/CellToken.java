package io.iotj.kernel.jshell;

/**
 * Identity of one running cell. The thread that runs a cell's snippets and every thread it starts carry
 * the same token (through an inheritable thread-local), so a stop request reaches exactly those threads.
 */
final class CellToken {
    private volatile boolean stopRequested;
    /** When the stopped cell's own thread ended (nanoTime), or 0 while it runs. */
    private volatile long finishedAt;
    private final long cellNumber;

    CellToken(long cellNumber) {
        this.cellNumber = cellNumber;
    }

    long cellNumber() {
        return cellNumber;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    void requestStop() {
        stopRequested = true;
    }

    void finished() {
        finishedAt = System.nanoTime();
    }

    /**
     * Whether threads carrying this token must stop now. A stopped token retires {@code lingerNanos} after its cell
     * ended, so pool threads that inherited it (a pool created during the cell) serve later work normally.
     */
    boolean mustStop(long lingerNanos) {
        if (!stopRequested) {
            return false;
        }
        long at = finishedAt;
        return at == 0 || System.nanoTime() - at < lingerNanos;
    }
}
