package io.iotj.stream;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The operators as static functions, with IoTpy's meanings; {@link IotStream}'s fluent methods call
 * these. Every operator attaches to existing streams and returns its new output stream(s), named
 * after the operator and its input.
 */
public final class Operators {
    private Operators() {
    }

    private static <R> IotStream<R> derived(String op, IotStream<?> in) {
        return new IotStream<>(op + "(" + in.name() + ")", in.retain(), in.capacity());
    }

    /** {@code out[i] = f(in[i])}; {@code null} results are skipped. */
    public static <T, R> IotStream<R> map(IotStream<T> in, Function<? super T, ? extends R> f) {
        IotStream<R> out = derived("map", in);
        new MapOp<>(in, out, f);
        return out;
    }

    /** Map with state: {@code f(value, state)} returns the output and the next state. */
    public static <T, R, S> IotStream<R> map(IotStream<T> in, S initialState, BiFunction<? super T, S, Next<R, S>> f) {
        IotStream<R> out = derived("map", in);
        new StatefulMapOp<>(in, out, initialState, f);
        return out;
    }

    /** Keeps the values for which {@code p} holds. */
    public static <T> IotStream<T> filter(IotStream<T> in, Predicate<? super T> p) {
        IotStream<T> out = derived("filter", in);
        MapOp.filter(in, out, p);
        return out;
    }

    /** Each value becomes the values of {@code f(value)}. */
    public static <T, R> IotStream<R> flatMap(IotStream<T> in, Function<? super T, ? extends Iterable<? extends R>> f) {
        IotStream<R> out = derived("flat_map", in);
        new FlatMapOp<>(in, out, f);
        return out;
    }

    /** Zip by position: the i-th values of all inputs as one tuple. */
    public static IotStream<Tuple> zip(List<? extends IotStream<?>> ins) {
        IotStream<Tuple> out = new IotStream<>("zip" + names(ins));
        new ZipOp(ins, out);
        return out;
    }

    /** Zip by position. */
    public static IotStream<Tuple> zip(IotStream<?>... ins) {
        return zip(List.of(ins));
    }

    /** IoTpy's mix: values of all inputs as they arrive, each as {@code (input index, value)}. */
    public static IotStream<Tuple> mix(List<? extends IotStream<?>> ins) {
        IotStream<Tuple> out = new IotStream<>("mix" + names(ins));
        new MixOp(ins, out, true);
        return out;
    }

    /** Mix. */
    public static IotStream<Tuple> mix(IotStream<?>... ins) {
        return mix(List.of(ins));
    }

    /** Values of all inputs as they arrive (mix without the index). */
    public static <T> IotStream<T> merge(List<? extends IotStream<? extends T>> ins) {
        IotStream<T> out = new IotStream<>("merge" + names(ins));
        new MixOp(ins, out, false);
        return out;
    }

    /** Merge. */
    @SafeVarargs
    @SuppressWarnings("varargs")
    public static <T> IotStream<T> merge(IotStream<? extends T>... ins) {
        return merge(List.of(ins));
    }

    /** Unzip tuples (or lists) into {@code n} streams: item k goes to stream k. */
    public static List<IotStream<Object>> unzip(IotStream<?> in, int n) {
        List<IotStream<Object>> outs = outputs("unzip", in, n);
        new UnzipOp(in, outs);
        return outs;
    }

    /** Separate {@code (index, value)} pairs into {@code n} streams by index. */
    public static List<IotStream<Object>> separate(IotStream<?> in, int n) {
        List<IotStream<Object>> outs = outputs("separate", in, n);
        new SeparateOp(in, outs);
        return outs;
    }

    /** Count windows of {@code size} values moving by {@code step}, each given to {@code f}. */
    public static <T, R> IotStream<R> window(IotStream<T> in, int size, int step, Function<? super List<T>, ? extends R> f) {
        IotStream<R> out = derived("window", in);
        new CountWindowOp<>(in, out, size, step, f);
        return out;
    }

    /** Dynamic windows (see {@link IotStream#dynamicWindow}); {@code f}'s own state starts as {@code null}. */
    public static <T, R> IotStream<R> dynamicWindow(IotStream<T> in, int min, int max, int step, WindowFunction<T, R> f) {
        return dynamicWindow(in, min, max, step, null, f);
    }

    /** Dynamic windows whose function's own state starts as {@code initialState}. */
    public static <T, R> IotStream<R> dynamicWindow(IotStream<T> in, int min, int max, int step, Object initialState,
                                                 WindowFunction<T, R> f) {
        IotStream<R> out = derived("dynamic_window", in);
        new DynamicWindowOp<>(in, out, min, max, step, initialState, f);
        return out;
    }

    /** Timed windows over {@code (timestamp, value)} pairs: {@code (end, f(values))}. */
    public static IotStream<Tuple> timedWindow(IotStream<?> in, double duration, double step, Function<? super List<Object>, ?> f) {
        IotStream<Tuple> out = derived("timed_window", in);
        new TimedWindowOp(in, out, duration, step, f);
        return out;
    }

    /** Calls {@code f} for every value. */
    public static <T> void sink(IotStream<T> in, Consumer<? super T> f) {
        new SinkOp<>(in, f);
    }

    /** Collects every value into a synchronized list. */
    public static <T> List<T> toList(IotStream<T> in) {
        List<T> list = Collections.synchronizedList(new ArrayList<>());
        new SinkOp<T>("list_sink", in, list::add);
        return list;
    }

    /** Writes every value on its own line of {@code file} (created or truncated at the first value). */
    public static void toFile(IotStream<?> in, Path file) {
        new FileSinkOp(in, file);
    }

    private static List<IotStream<Object>> outputs(String op, IotStream<?> in, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(op + " needs at least one output stream, got " + n);
        }
        List<IotStream<Object>> outs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            outs.add(new IotStream<>(op + "(" + in.name() + ")[" + i + "]", in.retain(), in.capacity()));
        }
        return List.copyOf(outs);
    }

    private static String names(List<? extends IotStream<?>> ins) {
        return ins.stream().map(IotStream::name).toList().toString().replace('[', '(').replace(']', ')');
    }
}
