package io.iotj.bench;

import io.iotj.graph.Graph;
import io.iotj.runtime.RunningGraph;
import io.iotj.runtime.RuntimeOptions;
import io.iotj.runtime.Runtimes;
import io.iotj.stream.IotStream;
import io.iotj.stream.Sources;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Events per second through map(v*2) → filter(v%3 != 0) → count window 10 summed, in each runtime
 * and as a hand-written boxed push pipeline of the same three lambdas, in one JVM: the ratio
 * iotj / hand-written can be read on any machine.
 *
 * <p>Run: {@code tests/bench/run [--flags kernel] PipelineBenchmark --n 20000000} (default N = 2M; a
 * warm-up then 3 rounds per mode; prints each round and the best, per wall-clock second and per second
 * of the process's CPU time, which other jobs on a shared machine disturb less). It prints the JVM
 * flags it ran with, and first how fast the very first 2 M events after the JVM started went
 * (in slices of 250 k), before anything was warmed up: what a notebook's first graph gets.
 */
public final class PipelineBenchmark {
    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run(args, true).forEach(System.out::println);
    }

    /** Runs one mode as {@code args} say (quietly) and returns its best figures. */
    static String best(String[] args) throws Exception {
        String line = run(args, false).get(0);
        return line.substring(line.indexOf("best:"));
    }

    private static List<String> run(String[] args, boolean header) throws Exception {
        long n = 2_000_000;
        int rounds = 3;
        int batch = RuntimeOptions.DEFAULT.batch();
        long first = 2_000_000;
        List<String> modes = List.of("single", "threads", "hand");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--n" -> n = Long.parseLong(args[++i].replace("_", ""));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--mode" -> modes = List.of(args[++i].split(","));
                case "--first" -> first = Long.parseLong(args[++i].replace("_", ""));
                default -> throw new IllegalArgumentException("unknown flag " + args[i]
                        + " (known: --n N, --rounds R, --batch B, --mode single,threads,hand, --first N (0: none))");
            }
        }
        if (header) {
            System.out.printf("pipeline map(v*2) -> filter(v%%3 != 0) -> window(10,10,sum); N = %,d; batch %d; JDK %s; %d cores; load average %.1f%n",
                    n, batch, System.getProperty("java.version"), java.lang.Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.println("JVM flags: " + flags());
        }
        if (first > 0) {
            firstEvents(modes.get(0), first, batch);
        }
        List<String> summary = new ArrayList<>();
        for (String mode : modes) {
            once(mode, Math.min(n, 2_000_000), batch, null); // warm-up: let the JIT compile the hot path
            double best = 0;
            double bestCpu = 0;
            for (int r = 0; r < rounds; r++) {
                double[] rate = once(mode, n, batch, null);
                best = Math.max(best, rate[0]);
                bestCpu = Math.max(bestCpu, rate[1]);
                System.out.printf("  %-8s round %d: %7.1f M events/s (wall clock), %7.1f M events per CPU second%n",
                        mode, r + 1, rate[0] / 1e6, rate[1] / 1e6);
            }
            summary.add(String.format("%-8s best: %7.1f M events/s; %7.1f M events per CPU second", mode, best / 1e6, bestCpu / 1e6));
        }
        return summary;
    }

    /** The JVM's flags as given on its command line. */
    static String flags() {
        List<String> in = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return in.isEmpty() ? "(none: the JVM's defaults)" : String.join(" ", in);
    }

    /** The first {@code n} events after the JVM started, timed in 8 slices. */
    private static void firstEvents(String mode, long n, int batch) throws Exception {
        long slice = Math.max(1, n / 8);
        List<Long> stamps = new ArrayList<>();
        long[] next = {slice};
        long t0 = System.nanoTime();
        once(mode, n, batch, count -> {
            if (count >= next[0]) {
                stamps.add(System.nanoTime());
                next[0] += slice;
            }
        });
        long total = System.nanoTime() - t0;
        StringBuilder rates = new StringBuilder();
        long prev = t0;
        for (long t : stamps) {
            rates.append(String.format(" %.1f", slice / ((t - prev) / 1e9) / 1e6));
            prev = t;
        }
        System.out.printf("first %,d events after JVM start (%s): %.1f M events/s overall; per %,d events:%s M/s%n",
                n, mode, n / (total / 1e9) / 1e6, slice, rates);
    }

    /**
     * Events per wall-clock second and per second of the process's CPU time (less sensitive to other
     * load). {@code progress}, when given, is called with the count of source values consumed so far at
     * each window (every 10 kept values).
     */
    private static double[] once(String mode, long n, int batch, java.util.function.LongConsumer progress) throws Exception {
        long kept = n - (n + 2) / 3;
        long[] windows = new long[1];
        long[] total = new long[1];
        Consumer<Long> sink = progress == null
                ? s -> {
                    total[0] += s;
                    windows[0]++;
                }
                : s -> {
                    total[0] += s;
                    windows[0]++;
                    progress.accept(windows[0] * 15); // 15 source values per window of 10 kept
                };
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        if (mode.equals("hand")) {
            Consumer<Long> p = pushPipeline(v -> v * 2, v -> v % 3 != 0, PipelineBenchmark::sum, sink);
            for (Iterator<Long> it = numbers(n); it.hasNext(); ) {
                p.accept(it.next());
            }
        } else {
            IotStream<Long> src = Sources.iterable("numbers", () -> numbers(n), 0);
            src.map(v -> v * 2).filter(v -> v % 3 != 0).window(10, 10, PipelineBenchmark::sum).sink(sink);
            RunningGraph g = Runtimes.named(mode, RuntimeOptions.DEFAULT.withBatch(batch)).start(Graph.of("bench-" + mode, src));
            if (!g.awaitIdle(Duration.ofMinutes(10))) {
                throw new IllegalStateException("benchmark graph did not finish: " + g.status());
            }
            g.stop();
        }
        long t1 = System.nanoTime();
        long c1 = cpuNanos();
        if (windows[0] != kept / 10) {
            throw new IllegalStateException(mode + ": expected " + kept / 10 + " windows, got " + windows[0]);
        }
        return new double[] {n / ((t1 - t0) / 1e9), n / ((c1 - c0) / 1e9)};
    }

    private static Iterator<Long> numbers(long n) {
        return new Iterator<>() {
            private long i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Long next() {
                return i++;
            }
        };
    }

    /**
     * The hand-written pipeline: map → filter → window of 10 → sink pushed value by value, boxed as
     * streams carry values, the window function given each window as a list as the library does.
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

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long sum(List<Long> w) {
        long s = 0;
        for (int i = 0, k = w.size(); i < k; i++) {
            s += w.get(i);
        }
        return s;
    }
}
