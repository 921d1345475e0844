package io.iotj.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.graph.Graph;
import io.iotj.stream.IotStream;
import io.iotj.stream.Sources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parts chained in one thread ({@link ChainPlan}) compute what unchained parts compute, and say so. */
class ChainingTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Map<String, PartStats> stats(RunningGraph g) {
        return g.parts().stream().collect(Collectors.toMap(PartStats::part, Function.identity()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void aChainedPipelineDeliversEveryValueInOrderAndCountsEachPart(String mode) throws Exception {
        long n = 100_000;
        List<Long> input = LongStream.range(0, n).boxed().toList();
        IotStream<Long> src = Sources.iterable("numbers", input, 0);
        IotStream<Long> doubled = src.map(v -> v * 2);
        IotStream<Long> kept = doubled.filter(v -> v % 3 != 0);
        IotStream<Long> sums = kept.window(10, 10, w -> w.stream().mapToLong(Long::longValue).sum());
        List<Long> out = sums.toList();
        RunningGraph g = Runtimes.named(mode, RuntimeOptions.DEFAULT).start(Graph.of("chain-" + mode, src));
        try {
            assertTrue(g.awaitIdle(WAIT), g.status().toString());
            List<Long> expected = new ArrayList<>();
            long s = 0;
            int c = 0;
            for (long v = 0; v < n; v++) {
                long d = v * 2;
                if (d % 3 != 0) {
                    s += d;
                    if (++c == 10) {
                        expected.add(s);
                        s = 0;
                        c = 0;
                    }
                }
            }
            assertEquals(expected, out);
            long keptCount = n - (n + 2) / 3;
            // Streams between chained parts hold no values, but count every value that passed.
            assertEquals(n, src.count());
            assertEquals(n, doubled.count());
            assertEquals(keptCount, kept.count());
            assertEquals(keptCount / 10, sums.count());
            Map<String, PartStats> parts = stats(g);
            assertEquals(n, parts.get("map0").valuesIn());
            assertEquals(n, parts.get("filter0").valuesIn());
            assertEquals(keptCount, parts.get("filter0").valuesOut());
            assertEquals(keptCount, parts.get("window0").valuesIn());
            assertEquals(keptCount / 10, parts.get("list_sink0").valuesIn());
            for (PartStats p : parts.values()) {
                assertEquals(0, p.backlog(), p.toString());
            }
        } finally {
            g.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single"}) // the runtime that chains
    void aChainedPartThatFailsIsNamedWithItsValueAndWhatCameBeforeIsDelivered(String mode) throws Exception {
        IotStream<Integer> x = new IotStream<>("x");
        List<Integer> out = x.map(v -> v + 1).map(v -> {
            if (v == 5) {
                throw new IllegalStateException("five");
            }
            return v * 10;
        }).toList();
        RunningGraph g = Runtimes.named(mode, RuntimeOptions.DEFAULT).start(Graph.of("chain-fail-" + mode, x));
        try {
            g.in("x").extend(List.of(1, 2, 3, 4, 5, 6));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (g.status().state() != GraphStatus.State.FAILED && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            GraphStatus status = g.status();
            assertEquals(GraphStatus.State.FAILED, status.state());
            assertEquals("map1", status.part());
            assertEquals(5, status.value());
            assertEquals("five", status.error().getMessage());
            assertEquals(List.of(20, 30, 40), out);
        } finally {
            g.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void aStreamSomebodyElseReadsKeepsItsValues(String mode) throws Exception {
        IotStream<Integer> x = new IotStream<>("x");
        IotStream<Integer> doubled = x.map(v -> v * 2);
        IotStream.Reader<Integer> watcher = doubled.reader();
        List<Integer> out = doubled.map(v -> v + 1).toList();
        RunningGraph g = Runtimes.named(mode, RuntimeOptions.DEFAULT).start(Graph.of("chain-watched-" + mode, x));
        try {
            g.in("x").extend(List.of(1, 2, 3));
            assertTrue(g.awaitIdle(WAIT), g.status().toString());
            assertEquals(List.of(3, 5, 7), out);
            assertEquals(List.of(2, 4, 6), doubled.values());
            assertEquals(List.of(2, 4, 6), watcher.poll());
        } finally {
            watcher.close();
            g.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void aGraphOutputIsNeverChainedAway(String mode) throws Exception {
        IotStream<Integer> x = new IotStream<>("x");
        IotStream<Integer> y = x.map(v -> v * 2);
        IotStream<Integer> z = y.map(v -> v + 1);
        Graph.Builder b = Graph.builder("chain-out-" + mode).input("x", x).output("y", y).output("z", z);
        for (io.iotj.graph.Part p : Graph.of("parts", x).parts()) {
            b.part(p.name(), p.template(), p.operator());
        }
        Graph graph = b.build();
        RunningGraph g = Runtimes.named(mode, RuntimeOptions.DEFAULT).start(graph);
        try {
            g.in("x").extend(List.of(1, 2, 3));
            assertTrue(g.awaitIdle(WAIT), g.status().toString());
            assertEquals(List.of(2, 4, 6), g.out("y").values());
            assertEquals(List.of(3, 5, 7), g.out("z").values());
            assertFalse(g.out("y").values().isEmpty());
        } finally {
            g.stop();
        }
    }
}
