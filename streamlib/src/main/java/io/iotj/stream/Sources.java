package io.iotj.stream;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sources: streams whose values come from a function, an iterable or a file. A source produces
 * when a runtime runs its graph (see {@code io.iotj.runtime.Runtimes}).
 */
public final class Sources {
    private Sources() {
    }

    /**
     * IoTpy's {@code source(function, time_interval, num_steps)} without state: {@code f()} every
     * {@code intervalSeconds} (0: as fast as readers take values), {@code numSteps} times
     * (negative: forever).
     */
    public static <T> IotStream<T> function(String name, Supplier<? extends T> f, double intervalSeconds, long numSteps) {
        IotStream<T> out = new IotStream<>(name);
        new FunctionSource<T, Object>(out, null, s -> Next.of(f.get(), null), intervalSeconds, numSteps);
        return out;
    }

    /**
     * IoTpy's {@code source(function, time_interval, initial_state, num_steps)}: {@code f(state)}
     * returns the value and the next state.
     */
    public static <T, S> IotStream<T> function(String name, S initialState, Function<S, Next<T, S>> f,
                                            double intervalSeconds, long numSteps) {
        IotStream<T> out = new IotStream<>(name);
        new FunctionSource<>(out, initialState, f, intervalSeconds, numSteps);
        return out;
    }

    /** The values of an iterable, every {@code intervalSeconds} (0: as fast as readers take them). */
    public static <T> IotStream<T> iterable(String name, Iterable<? extends T> values, double intervalSeconds) {
        IotStream<T> out = new IotStream<>(name);
        new IterableSource<>(out, values, intervalSeconds);
        return out;
    }

    /**
     * A CSV file's rows as tuples, replayed at {@code rowsPerSecond} (0: as fast as readers take
     * them), skipping the first row when {@code header}.
     */
    public static IotStream<Tuple> csv(String name, Path file, double rowsPerSecond, boolean header) {
        IotStream<Tuple> out = new IotStream<>(name);
        new CsvSource(out, file, rowsPerSecond, header);
        return out;
    }

    /**
     * One CSV line as a tuple, as {@link #csv} reads rows: integers become {@code Long}, other
     * numbers {@code Double}, the rest strings; quoted cells may hold commas and doubled quotes.
     *
     * @throws IllegalArgumentException for an unterminated quote
     */
    public static Tuple csvRow(String line) {
        return CsvSource.parse(line);
    }
}
