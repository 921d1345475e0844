package io.iotj.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.graph.Graph;
import io.iotj.stream.Operators;
import io.iotj.stream.IotStream;
import io.iotj.stream.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fan-out, a join and a merge over streams of tiny capacity, with odd batch sizes, fed from two
 * threads: every value arrives, in order per input, in both runtimes.
 */
class StressTest {

    @ParameterizedTest
    @CsvSource({"single,1", "single,7", "threads,1", "threads,7", "threads,1024"})
    void diamondWithTinyBuffersLosesNothing(String mode, int batch) throws Exception {
        int n = 60_000;
        IotStream<Integer> x = new IotStream<>("x", 4, 8);
        IotStream<Integer> y = new IotStream<>("y", 4, 8);
        IotStream<Integer> doubled = x.map(v -> 2 * v);
        IotStream<Integer> same = x.filter(v -> true);
        List<Tuple> zipped = Operators.zip(doubled, same).toList();
        List<Integer> merged = Operators.merge(x, y).toList();
        RunningGraph g = Runtimes.named(mode, RuntimeOptions.DEFAULT.withBatch(batch)).start(Graph.of("diamond-" + mode + batch, x, y));
        try {
            Thread fx = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < n; i++) {
                    g.in("x").append(i);
                }
            });
            Thread fy = Thread.ofVirtual().start(() -> g.in("y").extend(IntStream.range(0, n).map(i -> -i - 1).boxed().toList()));
            fx.join(Duration.ofSeconds(60));
            fy.join(Duration.ofSeconds(60));
            assertTrue(g.awaitIdle(Duration.ofSeconds(60)), g.status().toString());
            assertEquals(n, zipped.size());
            for (int i = 0; i < n; i++) {
                assertEquals(Tuple.of(2 * i, i), zipped.get(i));
            }
            assertEquals(2 * n, merged.size());
            List<Integer> fromX = new ArrayList<>();
            List<Integer> fromY = new ArrayList<>();
            for (int v : merged) {
                (v >= 0 ? fromX : fromY).add(v);
            }
            assertEquals(IntStream.range(0, n).boxed().toList(), fromX);
            assertEquals(IntStream.range(0, n).map(i -> -i - 1).boxed().toList(), fromY);
            for (PartStats p : g.parts()) {
                assertEquals(0, p.backlog(), p.toString());
            }
        } finally {
            g.stop();
        }
    }
}
