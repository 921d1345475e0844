package io.iotj.stream;

/**
 * What a stateful function returns: the value to emit and the next state (IoTpy's
 * {@code return value, next_state}). A {@code null} value emits nothing.
 */
public record Next<R, S>(R value, S state) {
    /** The output {@code value} and the {@code state} for the next call. */
    public static <R, S> Next<R, S> of(R value, S state) {
        return new Next<>(value, state);
    }
}
