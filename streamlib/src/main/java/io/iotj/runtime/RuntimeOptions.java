package io.iotj.runtime;

import java.util.Objects;

/**
 * Settings of a runtime.
 *
 * @param batch values a part handles per step (more: faster, less fair and later)
 * @param hook  wraps the parts' work
 */
public record RuntimeOptions(int batch, ExecutionHook hook) {
    /** Batches of {@link io.iotj.stream.Operator#DEFAULT_BATCH}, no hook. */
    public static final RuntimeOptions DEFAULT = new RuntimeOptions(io.iotj.stream.Operator.DEFAULT_BATCH, ExecutionHook.NONE);

    public RuntimeOptions {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, was " + batch);
        }
        Objects.requireNonNull(hook, "hook");
    }

    /** The same options with another hook. */
    public RuntimeOptions withHook(ExecutionHook h) {
        return new RuntimeOptions(batch, h);
    }

    /** The same options with another batch size. */
    public RuntimeOptions withBatch(int b) {
        return new RuntimeOptions(b, hook);
    }
}
