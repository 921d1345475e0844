package io.iotj.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.graph.Graph;
import io.iotj.stream.Next;
import io.iotj.stream.Operators;
import io.iotj.stream.Sources;
import io.iotj.stream.IotStream;
import io.iotj.stream.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuntimeTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static GraphRuntime runtime(String mode) {
        return Runtimes.named(mode, RuntimeOptions.DEFAULT);
    }

    /** IoTpy's test template, written with the fluent API. */
    private static Graph thesisTest(String name) {
        IotStream<Integer> x = new IotStream<>("x");
        IotStream<Integer> a = x.map(v -> 2 * v);
        IotStream<Integer> b = x.map(v -> v);
        Operators.zip(a, b);
        return Graph.of(name, x);
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void thesisTestTemplateGivesPairs(String mode) throws Exception {
        RunningGraph g = runtime(mode).start(thesisTest("t-" + mode));
        try {
            g.in("x").extend(List.of(1, 2, 3));
            assertTrue(g.awaitIdle(WAIT), g.status().toString());
            IotStream<Tuple> z = g.out(g.graph().outputs().keySet().iterator().next());
            assertEquals(List.of(Tuple.of(2, 1), Tuple.of(4, 2), Tuple.of(6, 3)), z.values());
            assertEquals(GraphStatus.State.IDLE, g.status().state());
        } finally {
            g.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void manyValuesArriveCompleteAndInOrder(String mode) throws Exception {
        IotStream<Long> x = new IotStream<>("x");
        List<Long> out = x.map(v -> v * 2).filter(v -> v % 3 != 0).window(10, 10, w -> w.get(9)).toList();
        RunningGraph g = runtime(mode).start(Graph.of("many-" + mode, x));
        try {
            int n = 200_000;
            g.in("x").extend(LongStream.range(0, n).boxed().toList());
            assertTrue(g.awaitIdle(WAIT), g.status().toString());
            List<Long> expected = new ArrayList<>();
            long k = 0;
            for (long v = 0; v < n; v++) {
                if ((v * 2) % 3 != 0 && ++k % 10 == 0) {
                    expected.add(v * 2);
                }
            }
            assertEquals(expected, out);
            PartStats first = g.parts().get(0);
            assertEquals(n, first.valuesIn());
            assertEquals(n, first.valuesOut());
        } finally {
            g.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void aThrowingPartFailsItsGraphWithPartValueAndException(String mode) throws Exception {
        IotStream<Integer> x = new IotStream<>("x", 10, 64);
        x.map(v -> 10 / v).toList();
        RunningGraph g = runtime(mode).start(Graph.of("fail-" + mode, x));
        g.in("x").extend(List.of(1, 2, 0, 4));
        assertFalse(g.awaitIdle(WAIT));
        GraphStatus s = g.status();
        assertEquals(GraphStatus.State.FAILED, s.state());
        assertEquals("map0", s.part());
        assertEquals(0, s.value());
        assertInstanceOf(ArithmeticException.class, s.error());
        assertTrue(s.toString().contains("map0") && s.toString().contains("/ by zero"), s.toString());
        g.stop();
        assertEquals(GraphStatus.State.FAILED, g.status().state());
        for (Thread t : ((LocalRun) g).threads()) {
            assertFalse(t.isAlive(), t + " still alive");
        }
        // The caller can still append far beyond the input's capacity without waiting on the dead graph.
        Thread feeder = Thread.ofVirtual().start(() -> g.in("x").extend(java.util.stream.IntStream.range(1, 10_000).boxed().toList()));
        feeder.join(WAIT);
        assertFalse(feeder.isAlive(), "appending to a failed graph's input blocked");
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void stopLeavesNoThreadBehind(String mode) throws Exception {
        IotStream<Integer> ticks = Sources.function("ticks", 0, (Integer s) -> Next.of(s, s + 1), 0.001, -1);
        IotStream<Integer> busy = Sources.iterable("busy", () -> new java.util.Iterator<Integer>() {
            public boolean hasNext() {
                return true;
            }

            public Integer next() {
                return 1;
            }
        }, 0);
        ticks.map(v -> v + 1).toList();
        busy.filter(v -> v > 0).window(100, 100, w -> w.size());
        Graph graph = Graph.builder("stop-" + mode).build();
        RunningGraph g1 = runtime(mode).start(Graph.of("stop1-" + mode, ticks));
        RunningGraph g2 = runtime(mode).start(Graph.of("stop2-" + mode, busy));
        Thread.sleep(50);
        List<Thread> started = new ArrayList<>(((LocalRun) g1).threads());
        started.addAll(((LocalRun) g2).threads());
        assertFalse(started.isEmpty());
        g1.stop();
        g2.stop();
        for (Thread t : started) {
            assertFalse(t.isAlive(), t + " still alive");
        }
        assertEquals(GraphStatus.State.STOPPED, g1.status().state());
        assertEquals(0, graph.parts().size());
        Set<String> names = ConcurrentHashMap.newKeySet();
        Thread.getAllStackTraces().keySet().forEach(t -> names.add(t.getName()));
        assertTrue(names.stream().noneMatch(n -> n.startsWith("iotj-stop")), names.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void timedSourceProducesAtItsIntervalAndTheGraphIsIdleBetweenTicks(String mode) throws Exception {
        IotStream<Integer> s = Sources.function("count", 0, (Integer st) -> Next.of(st, st + 1), 0.02, 5);
        List<Integer> out = s.toList();
        long t0 = System.nanoTime();
        RunningGraph g = runtime(mode).start(Graph.of("timed-" + mode, s));
        try {
            while (out.size() < 5 && System.nanoTime() - t0 < WAIT.toNanos()) {
                Thread.sleep(5);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(List.of(0, 1, 2, 3, 4), out);
            assertTrue(ms >= 70, "5 values at 20 ms took only " + ms + " ms");
            assertTrue(g.awaitIdle(WAIT));
        } finally {
            g.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void aSlowPartSlowsItsProducerAndNothingIsDropped(String mode) throws Exception {
        IotStream<Integer> x = new IotStream<>("x", 10, 64);
        AtomicInteger seen = new AtomicInteger();
        List<Integer> out = x.map(v -> {
            if (v % 100 == 0) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            seen.incrementAndGet();
            return v;
        }).toList();
        RunningGraph g = runtime(mode).start(Graph.of("slow-" + mode, x));
        try {
            Thread writer = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 5000; i++) {
                    g.in("x").append(i);
                }
            });
            long maxBacklog = 0;
            while (writer.isAlive()) {
                maxBacklog = Math.max(maxBacklog, g.in("x").backlog());
                Thread.sleep(1);
            }
            assertTrue(maxBacklog <= 64, "input backlog " + maxBacklog + " exceeded its capacity 64");
            assertTrue(g.awaitIdle(WAIT));
            assertEquals(5000, out.size());
            assertEquals(5000, seen.get());
        } finally {
            g.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void theHookWrapsEveryPartsWork(String mode) throws Exception {
        Set<String> wrapped = ConcurrentHashMap.newKeySet();
        ThreadLocal<String> where = new ThreadLocal<>();
        Set<String> seenInside = ConcurrentHashMap.newKeySet();
        ExecutionHook hook = (part, work) -> {
            wrapped.add(part.name());
            where.set(part.name());
            try {
                work.run();
            } finally {
                where.remove();
            }
        };
        IotStream<Integer> x = new IotStream<>("x");
        x.map(v -> {
            seenInside.add(String.valueOf(where.get()));
            return v;
        }).toList();
        RunningGraph g = Runtimes.named(mode, RuntimeOptions.DEFAULT.withHook(hook)).start(Graph.of("hook-" + mode, x));
        try {
            g.in("x").extend(List.of(1, 2, 3));
            assertTrue(g.awaitIdle(WAIT));
            // In one thread the sink is chained behind the map (ChainPlan) and runs inside the map's work;
            // in the threads runtime every part runs on its own.
            assertEquals(mode.equals("single") ? Set.of("map0") : Set.of("map0", "list_sink0"), wrapped);
            assertEquals(Set.of("map0"), seenInside);
        } finally {
            g.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void manyIdleGraphsHoldNoPlatformThreads(String mode) throws Exception {
        int before = Thread.getAllStackTraces().size(); // platform threads only
        List<RunningGraph> graphs = new ArrayList<>();
        List<List<Integer>> outs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            IotStream<Integer> x = new IotStream<>("x", 4, 16);
            outs.add(x.map(v -> v + 1).filter(v -> v > 0).toList());
            graphs.add(runtime(mode).start(Graph.of("many" + i + "-" + mode, x)));
        }
        try {
            for (RunningGraph g : graphs) {
                g.in("x").append(1);
            }
            for (RunningGraph g : graphs) {
                assertTrue(g.awaitIdle(WAIT), g.status().toString());
            }
            for (List<Integer> o : outs) {
                assertEquals(List.of(2), o);
            }
            int during = Thread.getAllStackTraces().size();
            assertTrue(during - before < 10, "300 idle graphs added " + (during - before) + " platform threads");
        } finally {
            graphs.forEach(RunningGraph::stop);
        }
        for (RunningGraph g : graphs) {
            for (Thread t : ((LocalRun) g).threads()) {
                assertFalse(t.isAlive());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void stopEndsAPartStuckInABlockingFunction(String mode) throws Exception {
        IotStream<Integer> x = new IotStream<>("x");
        x.map(v -> {
            try {
                Thread.sleep(3_600_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException("interrupted", e);
            }
            return v;
        }).toList();
        RunningGraph g = runtime(mode).start(Graph.of("stuck-" + mode, x));
        g.in("x").append(1);
        Thread.sleep(50);
        long t0 = System.nanoTime();
        g.stop();
        assertTrue(System.nanoTime() - t0 < 4_000_000_000L, "stop took too long");
        for (Thread t : ((LocalRun) g).threads()) {
            assertFalse(t.isAlive(), t + " still alive");
        }
        assertEquals(GraphStatus.State.STOPPED, g.status().state());
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void aSecondGraphOnTheSameStreamDoesNotTakeTheFirstGraphsParts(String mode) throws Exception {
        IotStream<Integer> x = new IotStream<>("x");
        List<Integer> a = x.map(v -> v + 1).toList();
        RunningGraph g1 = runtime(mode).start(Graph.of("first-" + mode, x));
        List<Integer> b = x.map(v -> v * 10).toList();
        Graph second = Graph.of("second-" + mode, x);
        assertEquals(List.of("map0", "list_sink0"), second.parts().stream().map(p -> p.name()).toList());
        RunningGraph g2 = runtime(mode).start(second);
        try {
            x.extend(1, 2);
            assertTrue(g1.awaitIdle(WAIT) && g2.awaitIdle(WAIT));
            assertEquals(List.of(2, 3), a);
            assertEquals(List.of(10, 20), b);
        } finally {
            g1.stop();
            g2.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void aJoinFedUnevenlyBuffersInsteadOfHanging(String mode) throws Exception {
        // zip of a filtered stream with the unfiltered one: the unfiltered side must wait in a
        // buffer until matching values pass the filter; bounded buffers alone would hang here.
        IotStream<Integer> x = new IotStream<>("x", 4, 16);
        List<Tuple> z = Operators.zip(x.filter(v -> v % 100 == 0), x).toList();
        RunningGraph g = runtime(mode).start(Graph.of("uneven-" + mode, x));
        try {
            Thread feeder = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 1000; i++) {
                    g.in("x").append(i);
                }
            });
            feeder.join(WAIT);
            assertFalse(feeder.isAlive(), "the feeder hung");
            assertTrue(g.awaitIdle(WAIT), g.status().toString());
            assertEquals(10, z.size());
            assertEquals(Tuple.of(900, 9), z.get(9));
        } finally {
            g.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void unknownInputsAreNamedAndAGraphRunsOnce(String mode) {
        Graph graph = thesisTest("once-" + mode);
        RunningGraph g = runtime(mode).start(graph);
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.in("nope"));
            assertTrue(e.getMessage().contains("[x]"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> runtime(mode).start(graph));
        } finally {
            g.stop();
        }
    }
}
