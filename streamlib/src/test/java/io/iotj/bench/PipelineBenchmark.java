package io.iotj.bench;

import io.iotj.graph.Graph;
import io.iotj.runtime.RunningGraph;
import io.iotj.runtime.RuntimeOptions;
import io.iotj.runtime.Runtimes;
import io.iotj.stream.Sources;
import io.iotj.stream.IotStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events per second through map(v*2) -> filter(v%3 != 0) -> count window 10 summed, in each
 * runtime: the pipeline DESIGN.md measured for IoTpy (1.3 M/s), Flink local (8.3 M/s) and a
 * hand-written boxed Java push pipeline (~150 M/s).
 *
 * <p>Run: {@code mvn -q -o -pl streamlib test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.iotj.bench.PipelineBenchmark -Dexec.args="--n 20000000"} (default N = 2M,
 * a warm-up then 3 rounds per runtime; prints each round and the best, per wall-clock second and
 * per second of the process's CPU time, which other jobs on a shared machine disturb less).
 */
public final class PipelineBenchmark {
    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long n = 2_000_000;
        int rounds = 3;
        int batch = RuntimeOptions.DEFAULT.batch();
        List<String> modes = List.of("single", "threads");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--n" -> n = Long.parseLong(args[++i].replace("_", ""));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--mode" -> modes = List.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown flag " + args[i]
                        + " (known: --n N, --rounds R, --batch B, --mode single|threads)");
            }
        }
        System.out.printf("pipeline map(v*2) -> filter(v%%3 != 0) -> window(10,10,sum); N = %,d; batch %d; %s; %d cores%n",
                n, batch, System.getProperty("java.version"), java.lang.Runtime.getRuntime().availableProcessors());
        for (String mode : modes) {
            once(mode, Math.min(n, 2_000_000), batch); // warm-up: let the JIT compile the hot path
            double best = 0;
            double bestCpu = 0;
            for (int r = 0; r < rounds; r++) {
                double[] rate = once(mode, n, batch);
                best = Math.max(best, rate[0]);
                bestCpu = Math.max(bestCpu, rate[1]);
                System.out.printf("  %-8s round %d: %7.1f M events/s (wall clock), %7.1f M events per CPU second%n",
                        mode, r + 1, rate[0] / 1e6, rate[1] / 1e6);
            }
            System.out.printf("%-8s best: %.1f M events/s; %.1f M events per CPU second%n", mode, best / 1e6, bestCpu / 1e6);
        }
    }

    /** Events per wall-clock second and per second of the process's CPU time (less sensitive to other load). */
    private static double[] once(String mode, long n, int batch) throws Exception {
        IotStream<Long> src = Sources.iterable("numbers", () -> new Iterator<Long>() {
            private long i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Long next() {
                return i++;
            }
        }, 0);
        AtomicLong total = new AtomicLong();
        AtomicLong windows = new AtomicLong();
        src.map(v -> v * 2).filter(v -> v % 3 != 0).window(10, 10, PipelineBenchmark::sum).sink(s -> {
            total.addAndGet(s);
            windows.incrementAndGet();
        });
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        RunningGraph g = Runtimes.named(mode, RuntimeOptions.DEFAULT.withBatch(batch)).start(Graph.of("bench-" + mode, src));
        if (!g.awaitIdle(Duration.ofMinutes(10))) {
            throw new IllegalStateException("benchmark graph did not finish: " + g.status());
        }
        long t1 = System.nanoTime();
        long c1 = cpuNanos();
        g.stop();
        long kept = n - (n + 2) / 3;
        if (windows.get() != kept / 10) {
            throw new IllegalStateException("expected " + kept / 10 + " windows, got " + windows.get());
        }
        return new double[] {n / ((t1 - t0) / 1e9), n / ((c1 - c0) / 1e9)};
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long sum(List<Long> w) {
        long s = 0;
        for (int i = 0, k = w.size(); i < k; i++) {
            s += w.get(i);
        }
        return s;
    }
}
