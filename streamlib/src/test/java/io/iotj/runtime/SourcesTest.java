package io.iotj.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.graph.Graph;
import io.iotj.stream.Sources;
import io.iotj.stream.IotStream;
import io.iotj.stream.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourcesTest {

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void csvReplayedAtARate(String mode, @TempDir Path dir) throws Exception {
        Path f = dir.resolve("points.csv");
        Files.writeString(f, "t,x\n1,0.5\n2,1.5\n\n3,\"two, three\"\n");
        IotStream<Tuple> rows = Sources.csv("points", f, 100, true);
        List<Tuple> got = rows.toList();
        long t0 = System.nanoTime();
        RunningGraph g = Runtimes.named(mode, RuntimeOptions.DEFAULT).start(Graph.of("csv-" + mode, rows));
        try {
            while (got.size() < 3 && System.nanoTime() - t0 < 10_000_000_000L) {
                Thread.sleep(2);
            }
            assertTrue(g.awaitIdle(Duration.ofSeconds(10)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(List.of(Tuple.of(1L, 0.5), Tuple.of(2L, 1.5), Tuple.of(3L, "two, three")), got);
            assertTrue(ms >= 15, "3 rows at 100/s took only " + ms + " ms");
        } finally {
            g.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void iterableAndNoArgumentFunctionSources(String mode) throws Exception {
        IotStream<String> words = Sources.iterable("words", List.of("a", "b", "c"), 0);
        int[] calls = {0};
        IotStream<Integer> counts = Sources.function("calls", () -> ++calls[0], 0, 4);
        List<String> w = words.toList();
        List<Integer> c = counts.toList();
        RunningGraph g1 = Runtimes.named(mode, RuntimeOptions.DEFAULT).start(Graph.of("it-" + mode, words));
        RunningGraph g2 = Runtimes.named(mode, RuntimeOptions.DEFAULT).start(Graph.of("fn-" + mode, counts));
        try {
            assertTrue(g1.awaitIdle(Duration.ofSeconds(10)));
            assertTrue(g2.awaitIdle(Duration.ofSeconds(10)));
            assertEquals(List.of("a", "b", "c"), w);
            assertEquals(List.of(1, 2, 3, 4), c);
        } finally {
            g1.stop();
            g2.stop();
        }
    }
}
