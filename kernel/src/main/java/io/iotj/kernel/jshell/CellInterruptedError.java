package io.iotj.kernel.jshell;

/**
 * Thrown by the woven stop check in a thread that belongs to a cell being interrupted.
 * An {@link Error} so that ordinary {@code catch (Exception e)} blocks in user code do not swallow it.
 */
public final class CellInterruptedError extends Error {
    private static final long serialVersionUID = 1L;

    CellInterruptedError() {
        super("cell interrupted", null, false, false);
    }
}
