package io.iotj.kernel.jshell;

/**
 * Thrown where code run by a cell (the cell itself, a thread it started, a cell method a graph
 * calls, a class of a jar added to the session) calls {@code System.exit}, {@code Runtime.exit} or
 * {@code Runtime.halt}: ending the JVM would end the kernel and every other graph with it. An
 * {@link Error}, so that a {@code catch (Exception e)} around the call does not carry on as if
 * the process had ended.
 */
public final class ExitRefusedError extends Error {
    private static final long serialVersionUID = 1L;

    ExitRefusedError(String call) {
        super(call + " was refused: code run from a notebook cannot end the kernel"
                + " (use Kernel > Restart to start a fresh session; stop a graph with %stop)");
    }
}
