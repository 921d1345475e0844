package io.iotj.kernel.jshell;

import java.util.Arrays;

/**
 * What woven code calls instead of {@code System.exit}, {@code Runtime.exit} and
 * {@code Runtime.halt} (see {@link ExitCalls}): each throws {@link ExitRefusedError} where the call
 * was made. Public only because woven classes (in the snippet class loader) call it.
 */
public final class ExitGuard {
    static final String OWNER = "io/iotj/kernel/jshell/ExitGuard";

    private ExitGuard() {
    }

    /** Stands for {@code System.exit(status)}. */
    public static void systemExit(int status) {
        throw refused("System.exit(" + status + ")");
    }

    /** Stands for {@code runtime.exit(status)}. */
    public static void runtimeExit(Runtime runtime, int status) {
        throw refused("Runtime.exit(" + status + ")");
    }

    /** Stands for {@code runtime.halt(status)}. */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw refused("Runtime.halt(" + status + ")");
    }

    /** The error, its trace starting at the caller: this class is no part of what the user wrote. */
    private static ExitRefusedError refused(String call) {
        ExitRefusedError e = new ExitRefusedError(call);
        StackTraceElement[] trace = e.getStackTrace();
        int skip = 0;
        while (skip < trace.length && trace[skip].getClassName().equals(ExitGuard.class.getName())) {
            skip++;
        }
        e.setStackTrace(Arrays.copyOfRange(trace, skip, trace.length));
        return e;
    }
}
