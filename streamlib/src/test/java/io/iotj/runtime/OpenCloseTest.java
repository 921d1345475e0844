package io.iotj.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.iotj.graph.Graph;
import io.iotj.stream.IotStream;
import io.iotj.stream.Operator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Operators open what they reach when their graph starts, and close it when it stops or cannot start. */
class OpenCloseTest {

    /** A sink that records its life. */
    static final class Recording extends Operator {
        final List<String> life;
        final boolean failToOpen;

        Recording(IotStream<?> in, List<String> life, boolean failToOpen) {
            super("recording", List.of(in), List.of());
            this.life = life;
            this.failToOpen = failToOpen;
        }

        @Override
        public void open() {
            if (failToOpen) {
                throw new IllegalStateException("cannot reach 127.0.0.1:1");
            }
            life.add("open");
        }

        @Override
        public int step(int max) {
            IotStream.Reader<Object> r = reader(0);
            int n = r.acquire(max);
            for (int i = 0; i < n; i++) {
                life.add("value " + r.get(i));
            }
            r.advance(n);
            return n;
        }

        @Override
        public void close() {
            life.add("close");
        }
    }

    @Test
    void buildingOpensNothingStartingOpensStoppingCloses() throws Exception {
        for (GraphRuntime rt : List.of(Runtimes.singleThread(), Runtimes.threads())) {
            List<String> life = new ArrayList<>();
            IotStream<Integer> x = new IotStream<>("x");
            Recording op = new Recording(x, life, false);
            assertEquals(List.of(), life, "building opens nothing");
            RunningGraph g = rt.start(Graph.of("g", x));
            g.in("x").append(1);
            g.awaitIdle(java.time.Duration.ofSeconds(10));
            g.stop();
            assertEquals(List.of("open", "value 1", "close"), life, rt.name());
            assertEquals(op, g.graph().parts().get(0).operator());
        }
    }

    @Test
    void aPartThatCannotOpenFailsTheStartAndTheOthersAreClosed() {
        for (GraphRuntime rt : List.of(Runtimes.singleThread(), Runtimes.threads())) {
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            IotStream<Integer> x = new IotStream<>("x");
            new Recording(x, a, false);
            new Recording(x, b, true);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> rt.start(Graph.of("g", x)));
            assertEquals("cannot reach 127.0.0.1:1", e.getMessage());
            assertEquals(List.of("open", "close"), a, rt.name() + ": the part already opened is closed");
            x.append(5); // the graph let go of its input: appending does not wait for it
            assertEquals(List.of("open", "close"), a);
        }
    }
}
