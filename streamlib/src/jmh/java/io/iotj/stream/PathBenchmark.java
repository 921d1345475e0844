package io.iotj.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The path between operators in one thread: map(v*2) → filter(v%3 != 0) → count window 10 summed →
 * sink, the pipeline of the end-to-end {@code PipelineBenchmark}, fed {@value #BATCH} boxed values per
 * operation. {@code streams} runs it as operators reading and writing a stream between each two (what
 * unchained parts do in one thread); {@code chained} as the same operators chained ({@link Chaining}:
 * each hands its values straight to the next, as runtimes run parts that share a thread);
 * {@code handWritten} is the same three steps as a boxed push pipeline of lambdas, the ceiling the
 * library is measured against.
 *
 * <p>{@code mvn -q -pl streamlib test-compile exec:exec@jmh -Djmh.args="PathBenchmark -f 1"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PathBenchmark {
    static final int BATCH = 4096;

    private List<Long> values;
    private IotStream<Long> input;
    private IotStream<Long> chainedInput;
    private long[] sunk;
    private Consumer<Long> handWritten;

    @Setup
    public void setUp() {
        values = new ArrayList<>(BATCH);
        for (long i = 0; i < BATCH; i++) {
            values.add(i * 7919);
        }
        sunk = new long[1];
        input = new IotStream<>("in");
        input.map(v -> v * 2).filter(v -> v % 3 != 0).window(10, 10, PathBenchmark::sum).sink(s -> sunk[0] += s);
        chainedInput = new IotStream<>("in");
        IotStream<Long> doubled = chainedInput.map(v -> v * 2);
        IotStream<Long> kept = doubled.filter(v -> v % 3 != 0);
        IotStream<Long> sums = kept.window(10, 10, PathBenchmark::sum);
        sums.sink(s -> sunk[0] += s);
        chainAll(chainedInput);
        handWritten = pushPipeline(v -> v * 2, v -> v % 3 != 0, PathBenchmark::sum, s -> sunk[0] += s);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long streams() {
        input.extend(values);
        return sunk[0];
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long chained() {
        chainedInput.extend(values);
        return sunk[0];
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long handWritten() {
        Consumer<Long> p = handWritten;
        List<Long> vs = values;
        for (int i = 0, n = vs.size(); i < n; i++) {
            p.accept(vs.get(i));
        }
        return sunk[0];
    }

    /**
     * map → filter → window of 10 → sink, pushed value by value, boxed as streams carry values, the
     * window function given each window as a list as the library does.
     */
    static Consumer<Long> pushPipeline(Function<Long, Long> map, Predicate<Long> keep,
                                       Function<List<Long>, Long> window, Consumer<Long> sink) {
        Long[] buf = new Long[10];
        int[] count = new int[1];
        return v -> {
            Long m = map.apply(v);
            if (keep.test(m)) {
                buf[count[0]++] = m;
                if (count[0] == buf.length) {
                    count[0] = 0;
                    sink.accept(window.apply(List.of(buf)));
                }
            }
        };
    }

    /** Chains every operator after the first reader of {@code s} behind the one before it. */
    static void chainAll(IotStream<?> s) {
        Operator up = s.consumers().get(0);
        while (!up.outputs().isEmpty() && !up.outputs().get(0).consumers().isEmpty()) {
            Operator down = up.outputs().get(0).consumers().get(0);
            Chaining.chain(up, down);
            up = down;
        }
    }

    static long sum(List<Long> w) {
        long s = 0;
        for (int i = 0, k = w.size(); i < k; i++) {
            s += w.get(i);
        }
        return s;
    }
}
