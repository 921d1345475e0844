package io.iotj.runtime;

/** The in-process runtimes. */
public final class Runtimes {
    private Runtimes() {
    }

    /** All parts of a graph on one virtual thread, in a fixed order: deterministic. */
    public static GraphRuntime singleThread() {
        return singleThread(RuntimeOptions.DEFAULT);
    }

    /** The single-thread runtime with options (batch size, execution hook). */
    public static GraphRuntime singleThread(RuntimeOptions options) {
        return new SingleThreadRuntime(options);
    }

    /** Each part on its own virtual thread, joined by bounded streams moving values in batches. */
    public static GraphRuntime threads() {
        return threads(RuntimeOptions.DEFAULT);
    }

    /** The threads runtime with options (batch size, execution hook). */
    public static GraphRuntime threads(RuntimeOptions options) {
        return new ThreadsRuntime(options);
    }

    /** The runtime named {@code single} or {@code threads}. */
    public static GraphRuntime named(String mode, RuntimeOptions options) {
        return switch (mode) {
            case "single" -> singleThread(options);
            case "threads" -> threads(options);
            default -> throw new IllegalArgumentException("unknown runtime " + mode + "; known: single, threads");
        };
    }
}
