package io.iotj.bench;

import io.iotj.graph.Graph;
import io.iotj.runtime.RunningGraph;
import io.iotj.runtime.Runtimes;
import io.iotj.stream.Next;
import io.iotj.stream.Sources;
import io.iotj.stream.IotStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many low-rate graphs in one JVM, as a kernel running one graph per sensor: each graph is a
 * source at {@code --hz} values per second → map → count window 10 → sink. Prints values
 * delivered, the process's CPU use, platform threads, and the time to stop every graph.
 *
 * <p>Run: {@code tests/bench/run ManyGraphsBenchmark --graphs 1000} (defaults: 200
 * graphs, 10 Hz, 5 s, threads runtime; {@code --mode single}).
 */
public final class ManyGraphsBenchmark {
    private ManyGraphsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int graphs = 200;
        double hz = 10;
        double seconds = 5;
        String mode = "threads";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--graphs" -> graphs = Integer.parseInt(args[++i]);
                case "--hz" -> hz = Double.parseDouble(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--mode" -> mode = args[++i];
                default -> throw new IllegalArgumentException("unknown flag " + args[i]
                        + " (known: --graphs N, --hz R, --seconds S, --mode single|threads)");
            }
        }
        int platformBefore = Thread.getAllStackTraces().size();
        AtomicLong windows = new AtomicLong();
        List<RunningGraph> running = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int g = 0; g < graphs; g++) {
            IotStream<Double> sensor = Sources.function("sensor" + g, 0, (Integer k) -> Next.of(Math.sin(k / 10.0), k + 1), 1 / hz, -1);
            sensor.map(v -> v * 2).window(10, 10, w -> w.size()).sink(n -> windows.incrementAndGet());
            running.add(Runtimes.named(mode, io.iotj.runtime.RuntimeOptions.DEFAULT).start(Graph.of("sensor" + g, sensor)));
        }
        long started = System.nanoTime();
        long c0 = cpuNanos();
        Thread.sleep((long) (seconds * 1000));
        long c1 = cpuNanos();
        long t1 = System.nanoTime();
        int platformDuring = Thread.getAllStackTraces().size();
        long values = 0;
        for (RunningGraph g : running) {
            values += g.parts().get(0).valuesOut();
        }
        long s0 = System.nanoTime();
        running.forEach(RunningGraph::stop);
        long s1 = System.nanoTime();
        double wall = (t1 - started) / 1e9;
        System.out.printf("%d graphs (%s), source %.0f Hz each: started in %.0f ms%n", graphs, mode, hz, (started - t0) / 1e6);
        System.out.printf("  %d values produced, %d windows delivered in about %.1f s; expected about %.0f values%n",
                values, windows.get(), (t1 - t0) / 1e9, graphs * hz * (t1 - t0) / 1e9);
        System.out.printf("  process CPU: %.1f%% of one core while running%n", 100.0 * (c1 - c0) / (t1 - started));
        System.out.printf("  platform threads: %d before, %d while running%n", platformBefore, platformDuring);
        System.out.printf("  stop all: %.0f ms%n", (s1 - s0) / 1e6);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
