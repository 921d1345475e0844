package io.iotj.kernel.jshell;

/**
 * Identity of one running cell. The thread that runs a cell's snippets and every thread it starts carry
 * the same token (through an inheritable thread-local), so a stop request reaches exactly those threads.
 */
final class CellToken {
    private volatile boolean stopRequested;
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
}
