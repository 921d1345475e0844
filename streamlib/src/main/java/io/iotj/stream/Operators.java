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
 * The operators as static functions, with IoTpy's meanings; {@link Stream}'s fluent methods call
 * these. Every operator attaches to existing streams and returns its new output stream(s), named
 * after the operator and its input.
 */
public final class Operators {
    private Operators() {
    }

    private static <R> Stream<R> derived(String op, Stream<?> in) {
        return new Stream<>(op + "(" + in.name() + ")", in.retain(), in.capacity());
    }

    /** {@code out[i] = f(in[i])}; {@code null} results are skipped. */
    public static <T, R> Stream<R> map(Stream<T> in, Function<? super T, ? extends R> f) {
        Stream<R> out = derived("map", in);
        new MapOp<>(in, out, f);
        return out;
    }

    /** Map with state: {@code f(value, state)} returns the output and the next state. */
    public static <T, R, S> Stream<R> map(Stream<T> in, S initialState, BiFunction<? super T, S, Next<R, S>> f) {
        Stream<R> out = derived("map", in);
        new StatefulMapOp<>(in, out, initialState, f);
        return out;
    }

    /** Keeps the values for which {@code p} holds. */
    public static <T> Stream<T> filter(Stream<T> in, Predicate<? super T> p) {
        Stream<T> out = derived("filter", in);
        MapOp.filter(in, out, p);
        return out;
    }

    /** Each value becomes the values of {@code f(value)}. */
    public static <T, R> Stream<R> flatMap(Stream<T> in, Function<? super T, ? extends Iterable<? extends R>> f) {
        Stream<R> out = derived("flat_map", in);
        new FlatMapOp<>(in, out, f);
        return out;
    }

    /** Zip by position: the i-th values of all inputs as one tuple. */
    public static Stream<Tuple> zip(List<? extends Stream<?>> ins) {
        Stream<Tuple> out = new Stream<>("zip" + names(ins));
        new ZipOp(ins, out);
        return out;
    }

    /** Zip by position. */
    public static Stream<Tuple> zip(Stream<?>... ins) {
        return zip(List.of(ins));
    }

    /** IoTpy's mix: values of all inputs as they arrive, each as {@code (input index, value)}. */
    public static Stream<Tuple> mix(List<? extends Stream<?>> ins) {
        Stream<Tuple> out = new Stream<>("mix" + names(ins));
        new MixOp(ins, out, true);
        return out;
    }

    /** Mix. */
    public static Stream<Tuple> mix(Stream<?>... ins) {
        return mix(List.of(ins));
    }

    /** Values of all inputs as they arrive (mix without the index). */
    public static <T> Stream<T> merge(List<? extends Stream<? extends T>> ins) {
        Stream<T> out = new Stream<>("merge" + names(ins));
        new MixOp(ins, out, false);
        return out;
    }

    /** Merge. */
    @SafeVarargs
    @SuppressWarnings("varargs")
    public static <T> Stream<T> merge(Stream<? extends T>... ins) {
        return merge(List.of(ins));
    }

    /** Unzip tuples (or lists) into {@code n} streams: item k goes to stream k. */
    public static List<Stream<Object>> unzip(Stream<?> in, int n) {
        List<Stream<Object>> outs = outputs("unzip", in, n);
        new UnzipOp(in, outs);
        return outs;
    }

    /** Separate {@code (index, value)} pairs into {@code n} streams by index. */
    public static List<Stream<Object>> separate(Stream<?> in, int n) {
        List<Stream<Object>> outs = outputs("separate", in, n);
        new SeparateOp(in, outs);
        return outs;
    }

    /** Count windows of {@code size} values moving by {@code step}, each given to {@code f}. */
    public static <T, R> Stream<R> window(Stream<T> in, int size, int step, Function<? super List<T>, ? extends R> f) {
        Stream<R> out = derived("window", in);
        new CountWindowOp<>(in, out, size, step, f);
        return out;
    }

    /** Dynamic windows (see {@link Stream#dynamicWindow}); {@code f}'s own state starts as {@code null}. */
    public static <T, R> Stream<R> dynamicWindow(Stream<T> in, int min, int max, int step, WindowFunction<T, R> f) {
        return dynamicWindow(in, min, max, step, null, f);
    }

    /** Dynamic windows whose function's own state starts as {@code initialState}. */
    public static <T, R> Stream<R> dynamicWindow(Stream<T> in, int min, int max, int step, Object initialState,
                                                 WindowFunction<T, R> f) {
        Stream<R> out = derived("dynamic_window", in);
        new DynamicWindowOp<>(in, out, min, max, step, initialState, f);
        return out;
    }

    /** Timed windows over {@code (timestamp, value)} pairs: {@code (end, f(values))}. */
    public static Stream<Tuple> timedWindow(Stream<?> in, double duration, double step, Function<? super List<Object>, ?> f) {
        Stream<Tuple> out = derived("timed_window", in);
        new TimedWindowOp(in, out, duration, step, f);
        return out;
    }

    /** Calls {@code f} for every value. */
    public static <T> void sink(Stream<T> in, Consumer<? super T> f) {
        new SinkOp<>(in, f);
    }

    /** Collects every value into a synchronized list. */
    public static <T> List<T> toList(Stream<T> in) {
        List<T> list = Collections.synchronizedList(new ArrayList<>());
        new SinkOp<T>("list_sink", in, list::add);
        return list;
    }

    /** Writes every value on its own line of {@code file} (created or truncated at the first value). */
    public static void toFile(Stream<?> in, Path file) {
        new FileSinkOp(in, file);
    }

    private static List<Stream<Object>> outputs(String op, Stream<?> in, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(op + " needs at least one output stream, got " + n);
        }
        List<Stream<Object>> outs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            outs.add(new Stream<>(op + "(" + in.name() + ")[" + i + "]", in.retain(), in.capacity()));
        }
        return List.copyOf(outs);
    }

    private static String names(List<? extends Stream<?>> ins) {
        return ins.stream().map(Stream::name).toList().toString().replace('[', '(').replace(']', ')');
    }
}
