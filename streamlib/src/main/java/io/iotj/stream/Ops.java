package io.iotj.stream;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Operators wired to streams that already exist (the assembler's way: a template's wiring creates
 * the streams first). Each call attaches one operator and returns it; {@link Operators} and the
 * fluent methods of {@link IotStream} create the output streams for you instead.
 */
public final class Ops {
    private Ops() {
    }

    /** {@code out[i] = f(in[i])}; {@code null} results are skipped. */
    public static <T, R> Operator map(IotStream<T> in, IotStream<R> out, Function<? super T, ? extends R> f) {
        return new MapOp<>(in, out, f);
    }

    /** Map with state. */
    public static <T, R, S> Operator map(IotStream<T> in, IotStream<R> out, S initial, BiFunction<? super T, S, Next<R, S>> f) {
        return new StatefulMapOp<>(in, out, initial, f);
    }

    /** Filter. */
    public static <T> Operator filter(IotStream<T> in, IotStream<T> out, Predicate<? super T> p) {
        return MapOp.filter(in, out, p);
    }

    /** Flat map. */
    public static <T, R> Operator flatMap(IotStream<T> in, IotStream<R> out, Function<? super T, ? extends Iterable<? extends R>> f) {
        return new FlatMapOp<>(in, out, f);
    }

    /** Zip by position into tuples. */
    public static Operator zip(List<? extends IotStream<?>> ins, IotStream<Tuple> out) {
        return new ZipOp(ins, out);
    }

    /** Mix: {@code (index, value)} as values arrive. */
    public static Operator mix(List<? extends IotStream<?>> ins, IotStream<Tuple> out) {
        return new MixOp(ins, out, true);
    }

    /** Merge: values as they arrive. */
    public static Operator merge(List<? extends IotStream<?>> ins, IotStream<?> out) {
        return new MixOp(ins, out, false);
    }

    /** Unzip tuples to the outputs. */
    public static Operator unzip(IotStream<?> in, List<? extends IotStream<?>> outs) {
        return new UnzipOp(in, outs);
    }

    /** Separate {@code (index, value)} to the outputs. */
    public static Operator separate(IotStream<?> in, List<? extends IotStream<?>> outs) {
        return new SeparateOp(in, outs);
    }

    /** Count windows. */
    public static <T, R> Operator window(IotStream<T> in, IotStream<R> out, int size, int step, Function<? super List<T>, ? extends R> f) {
        return new CountWindowOp<>(in, out, size, step, f);
    }

    /** Dynamic windows. */
    public static <T, R> Operator dynamicWindow(IotStream<T> in, IotStream<R> out, int min, int max, int step,
                                                Object initialState, WindowFunction<T, R> f) {
        return new DynamicWindowOp<>(in, out, min, max, step, initialState, f);
    }

    /** Timed windows: {@code (end, f(values))}. */
    public static Operator timedWindow(IotStream<?> in, IotStream<Tuple> out, double duration, double step, Function<? super List<Object>, ?> f) {
        return new TimedWindowOp(in, out, duration, step, f);
    }

    /** A sink calling {@code f} for each value. */
    public static <T> Operator sink(IotStream<T> in, Consumer<? super T> f) {
        return new SinkOp<>(in, f);
    }

    /** A sink of another kind (the notebook's table sink, …) calling {@code f} for each value. */
    public static <T> Operator sink(String kind, IotStream<T> in, Consumer<? super T> f) {
        return new SinkOp<>(kind, in, f);
    }

    /** A file sink. */
    public static Operator toFile(IotStream<?> in, Path file) {
        return new FileSinkOp(in, file);
    }

    /** IoTpy's function source: {@code f(state)} gives the value and the next state. */
    public static <T, S> Operator source(IotStream<T> out, S initial, Function<S, Next<T, S>> f, double intervalSeconds, long numSteps) {
        return new FunctionSource<>(out, initial, f, intervalSeconds, numSteps);
    }

    /** An iterable replayed. */
    public static <T> Operator source(IotStream<T> out, Iterable<? extends T> values, double intervalSeconds) {
        return new IterableSource<>(out, values, intervalSeconds);
    }

    /** A CSV file replayed. */
    public static Operator csv(IotStream<Tuple> out, Path file, double rowsPerSecond, boolean header) {
        return new CsvSource(out, file, rowsPerSecond, header);
    }
}
