package io.iotj.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.functions.windowing.AllWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.GlobalWindow;
import org.apache.flink.util.Collector;

/**
 * iotj, Apache Flink (local, parallelism 1 and 2) and the hand-written boxed push pipeline on the same
 * pipeline, map(v*2) → filter(v%3 != 0) → count window 10 summed, in one JVM and one run, so the
 * ratios can be read on any machine. Flink is a benchmark-scope dependency of the tests module only.
 *
 * <p>Run: {@code tests/bench/run SideBySideBenchmark --n 20000000} (default N = 20M; best of
 * {@code --rounds} (3) after a warm-up round of each). Flink's figure is given twice: over the whole
 * {@code execute} (a local mini-cluster starts for every job) and over the job's own run time. Flink's
 * count window over the whole stream runs with parallelism 1 (a window of all values has one
 * instance); its source, map and filter run with the parallelism given.
 */
public final class SideBySideBenchmark {
    private static final AtomicLong WINDOWS = new AtomicLong();

    private SideBySideBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Flink logs every step of every job through java.util.logging here; only problems matter.
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(java.util.logging.Level.WARNING);
        for (java.util.logging.Handler h : root.getHandlers()) {
            h.setLevel(java.util.logging.Level.WARNING);
        }
        long n = 20_000_000;
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--n" -> n = Long.parseLong(args[++i].replace("_", ""));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown flag " + args[i] + " (known: --n N, --rounds R)");
            }
        }
        System.out.printf("side by side: map(v*2) -> filter(v%%3 != 0) -> window(10,10,sum); N = %,d; JDK %s; %d cores; load average %.1f%n",
                n, System.getProperty("java.version"), java.lang.Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("JVM flags: " + PipelineBenchmark.flags());
        List<String> rows = new ArrayList<>();
        for (String mode : List.of("single", "threads", "hand")) {
            String[] a = {"--n", Long.toString(n), "--rounds", Integer.toString(rounds), "--mode", mode, "--first", "0"};
            rows.add(String.format("iotj %-8s %s", mode, PipelineBenchmark.best(a)));
        }
        for (int p : new int[] {1, 2}) {
            flink(p, Math.min(n, 2_000_000)); // warm-up
            double best = 0;
            double bestNet = 0;
            for (int r = 0; r < rounds; r++) {
                double[] rate = flink(p, n);
                best = Math.max(best, rate[0]);
                bestNet = Math.max(bestNet, rate[1]);
            }
            rows.add(String.format("Flink local, parallelism %d: %7.1f M events/s (whole execute), %7.1f M events/s (job run time)",
                    p, best / 1e6, bestNet / 1e6));
        }
        System.out.println("best of " + rounds + ":");
        rows.forEach(r -> System.out.println("  " + r));
    }

    /** Events per second over the whole execute call and over the job's net run time. */
    private static double[] flink(int parallelism, long n) throws Exception {
        // Loopback only: the mini-cluster's blob server and RPC would otherwise listen on every address.
        Configuration conf = new Configuration();
        for (String key : List.of("jobmanager.bind-host", "jobmanager.rpc.address", "taskmanager.bind-host",
                "taskmanager.host", "rest.bind-address", "rest.address")) {
            conf.setString(key, "127.0.0.1");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        WINDOWS.set(0);
        env.fromSequence(0, n - 1)
                .map(v -> v * 2)
                .filter(v -> v % 3 != 0)
                .countWindowAll(10)
                .apply(new SumWindow())
                .map(s -> {
                    WINDOWS.incrementAndGet();
                    return s;
                })
                .sinkTo(new DiscardingSink<>());
        long t0 = System.nanoTime();
        JobExecutionResult result = env.execute("iotj side-by-side p" + parallelism);
        long t1 = System.nanoTime();
        long kept = n - (n + 2) / 3;
        if (WINDOWS.get() != kept / 10) {
            throw new IllegalStateException("Flink: expected " + kept / 10 + " windows, got " + WINDOWS.get());
        }
        return new double[] {n / ((t1 - t0) / 1e9), n / (result.getNetRuntime() / 1e3)};
    }

    /** The window's values summed, given to the function as a whole, as iotj's window function gets a list. */
    private static final class SumWindow implements AllWindowFunction<Long, Long, GlobalWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void apply(GlobalWindow window, Iterable<Long> values, Collector<Long> out) {
            long s = 0;
            for (Long v : values) {
                s += v;
            }
            out.collect(s);
        }
    }
}
