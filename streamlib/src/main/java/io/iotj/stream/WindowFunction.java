package io.iotj.stream;

import java.util.List;

/**
 * A function of a dynamic window: gets the window's values and its state (which can ask for a
 * reset), returns the value to emit ({@code null}: nothing).
 */
@FunctionalInterface
public interface WindowFunction<T, R> {
    /** The output for {@code window}. */
    R apply(List<T> window, WindowState state);
}
