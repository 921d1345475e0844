package io.iotj.remote.runtime;

import io.iotj.assemble.Assembler;
import io.iotj.assemble.Assembly;
import io.iotj.assemble.FunctionResolver;
import io.iotj.assemble.TemplateSource;
import io.iotj.remote.LocalBroker;
import io.iotj.remote.Node;
import io.iotj.remote.node.NodeOptions;
import io.iotj.remote.security.Secret;
import io.iotj.runtime.PartStats;
import io.iotj.runtime.RunningGraph;
import io.iotj.remote.transport.GraphTopology;
import io.iotj.remote.transport.Transport;
import io.iotj.remote.transport.TransportListener;
import io.iotj.runtime.Runtimes;
import io.iotj.runtime.GraphStatus;
import io.iotj.stream.IotStream;
import io.iotj.template.Component;
import io.iotj.template.External;
import io.iotj.template.Internal;
import io.iotj.template.Param;
import io.iotj.template.Template;
import io.iotj.template.TemplateLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/** IoTpy's {@code test} template in threads mode and on two nodes gives the same outputs. */
class DistributedRuntimeTest {
    private static final Secret SECRET = Secret.of("distributed-" + UUID.randomUUID(), "test");

    /** IoTpy's figure 6/7 template: z = zip(map(x, times_two), map(x, iden)). */
    static Template thesisTest() {
        return new Template("test", Template.ASSEMBLE,
                List.of(new Param("x", Param.STREAM), new Param("y", Param.STREAM)), List.of(new Param("z", Param.STREAM)), List.of(),
                List.of(new Component("map0", "map"), new Component("map1", "map"), new Component("zip0", "zip")),
                List.of(new External("z", "zip0", "out"), new External("x", "map0", "in"),
                        new External("\"times_two\"", "map0", "function"), new External("x", "map1", "in"),
                        new External("\"iden\"", "map1", "function")),
                List.of(new Internal("map0", "out", null, "zip0", "in", 0), new Internal("map1", "out", null, "zip0", "in", 1)));
    }

    /** What the notebook would ship for the functions the template names. */
    static List<String> snippets(Collection<String> names) {
        Map<String, String> cells = Map.of("times_two", "int times_two(int v) { return 2 * v; }", "iden", "int iden(int v) { return v; }");
        List<String> out = new ArrayList<>();
        for (String n : names) out.add(cells.get(n));
        return out;
    }

    @BeforeAll
    static void broker() throws Exception {
        LocalBroker.ensureUp();
    }

    private static Assembly assemble(String name) {
        // the kernel's own assembly: its resolver knows the notebook's functions
        FunctionResolver notebook = FunctionResolver.of(Map.of(
                "times_two", (Function<Integer, Integer>) v -> 2 * v, "iden", (Function<Integer, Integer>) v -> v));
        return Assembler.standard(TemplateSource.library(TemplateLibrary.standard()), notebook).assemble(name, thesisTest(), Map.of());
    }

    private static List<Object> run(RunningGraph g, int n) throws Exception {
        return run(g, "z", n);
    }

    private static List<Object> run(RunningGraph g, String output, int n) throws Exception {
        IotStream<Object> z = g.out(output);
        IotStream.Reader<Object> r = z.reader();
        IotStream<Object> x = g.in("x");
        for (int i = 0; i < n; i++) x.append(i);
        List<Object> got = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (got.size() < n && System.nanoTime() < deadline && g.status().state() != GraphStatus.State.FAILED) {
            got.addAll(r.poll());
            Thread.sleep(10);
        }
        assertNotEquals(GraphStatus.State.FAILED, g.status().state(), () -> g.status().toString());
        return got;
    }

    @Test
    void theThesisTestTemplateOnTwoNodesGivesTheSameOutputsAsThreadsMode() throws Exception {
        int n = 5000;
        RunningGraph threads = Runtimes.threads().start(assemble("local").graph());
        List<Object> expected;
        try {
            expected = run(threads, n);
        } finally {
            threads.stop();
        }
        assertEquals(n, expected.size());

        String a = "da-" + UUID.randomUUID().toString().substring(0, 6), b = "db-" + UUID.randomUUID().toString().substring(0, 6);
        try (Node na = new Node(NodeOptions.parse("--broker", LocalBroker.URI, "--name", a, "--pinned-only"), SECRET);
             Node nb = new Node(NodeOptions.parse("--broker", LocalBroker.URI, "--name", b, "--pinned-only"), SECRET)) {
            DistributedRuntime rt = DistributedRuntime.of(LocalBroker.URI, SECRET, thesisTest(), Map.of(),
                    TemplateSource.library(TemplateLibrary.standard()), DistributedRuntimeTest::snippets).on(List.of(a, b));
            RunningGraph remote = rt.start(assemble("remote").graph());
            try {
                assertEquals("distributed", remote.mode());
                List<Object> got = run(remote, n);
                assertEquals(expected, got, "same outputs, same order");
                assertTrue(remote.awaitIdle(Duration.ofSeconds(10)));
                Thread.sleep(1200); // a heartbeat with the final counters
                List<PartStats> parts = remote.parts();
                assertEquals(3, parts.size(), parts.toString());
                for (PartStats p : parts) {
                    assertEquals(p.template().equals("zip") ? 2L * n : n, p.valuesIn(), p.toString()); // zip takes both maps' values
                    assertEquals(n, p.valuesOut(), p.toString());
                }
                assertTrue(parts.stream().anyMatch(p -> p.part().startsWith("map0@")), parts.toString());
            } finally {
                remote.stop();
            }
            assertEquals(GraphStatus.State.STOPPED, remote.status().state());
            DistributedGraph dg = (DistributedGraph) remote;
            try (Transport t = Transport.connect(LocalBroker.URI, "check", TransportListener.NONE)) {
                GraphTopology topo = new GraphTopology(dg.id());
                for (String p : dg.queueParts()) assertFalse(t.exists(topo, p), p + " deleted on stop");
                assertFalse(t.exchangeExists(topo), "exchange deleted on stop");
            }
            assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.isAlive() && t.getName().startsWith("iotj-send-")),
                    "the sender thread ended");
        }
    }

    @Test
    void withoutNodesNamedTheKernelDealsThePartsOverItsListeningNodesEachAddressedToItsNode() throws Exception {
        int n = 2000;
        RunningGraph threads = Runtimes.threads().start(assemble("local-any").graph());
        List<Object> expected;
        try {
            expected = run(threads, n);
        } finally {
            threads.stop();
        }
        String a = "ua-" + UUID.randomUUID().toString().substring(0, 6), b = "ub-" + UUID.randomUUID().toString().substring(0, 6);
        String pinned = "up-" + UUID.randomUUID().toString().substring(0, 6);
        List<io.iotj.remote.security.SignedMessage> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (io.iotj.remote.Controller watch = io.iotj.remote.Controller.connect(LocalBroker.URI, SECRET, "watch");
             Node na = new Node(NodeOptions.parse("--broker", LocalBroker.URI, "--name", a), SECRET);
             Node nb = new Node(NodeOptions.parse("--broker", LocalBroker.URI, "--name", b), SECRET);
             Node np = new Node(NodeOptions.parse("--broker", LocalBroker.URI, "--name", pinned, "--pinned-only"), SECRET)) {
            watch.onEvent(events::add);
            DistributedRuntime rt = DistributedRuntime.of(LocalBroker.URI, SECRET, thesisTest(), Map.of(),
                    TemplateSource.library(TemplateLibrary.standard()), DistributedRuntimeTest::snippets);
            RunningGraph remote = rt.start(assemble("remote-any").graph());
            try {
                assertEquals(expected, run(remote, n), "same outputs, same order");
                String id = ((DistributedGraph) remote).id();
                List<String> ranOn = events.stream().filter(m -> m.type().equals("status") && m.body().toString().contains(id)
                        && m.body().get("state").getAsString().equals("running")).map(io.iotj.remote.security.SignedMessage::from).toList();
                assertEquals(3, ranOn.size(), "each of the 3 parts started once: " + ranOn);
                // other nodes (other tests', other secrets) may be on the broker; only ours can verify this kernel's commands
                assertTrue(ranOn.contains(a) && ranOn.contains(b), "both unpinned nodes got parts, round-robin: " + ranOn);
                assertFalse(ranOn.contains(pinned), "a --pinned-only node gets no unpinned part: " + ranOn);
            } finally {
                remote.stop();
            }
        }
    }

    /** Appends {@code n} values in another thread; true when that returned within {@code timeout}. */
    private static boolean appendsWithin(IotStream<Object> x, int n, Duration timeout) throws InterruptedException {
        Thread t = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < n; i++) x.append(i);
        });
        return t.join(timeout);
    }

    private static boolean senderAlive(DistributedGraph g) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().equals("iotj-send-" + g.id()));
    }

    @Test
    void aStoppedGraphLetsGoOfItsInputs() throws Exception {
        String a = "sa-" + UUID.randomUUID().toString().substring(0, 6);
        try (Node na = new Node(NodeOptions.parse("--broker", LocalBroker.URI, "--name", a, "--pinned-only"), SECRET)) {
            RunningGraph remote = DistributedRuntime.of(LocalBroker.URI, SECRET, thesisTest(), Map.of(),
                    TemplateSource.library(TemplateLibrary.standard()), DistributedRuntimeTest::snippets).on(List.of(a))
                    .start(assemble("remote-stopped").graph());
            assertEquals(5, run(remote, 5).size());
            remote.stop();
            // as in the threads runtime, appending to a stopped graph's input never waits for it
            assertTrue(appendsWithin(remote.in("x"), 4 * IotStream.DEFAULT_CAPACITY, Duration.ofSeconds(20)),
                    "appending to the input of a stopped graph blocked");
        }
    }

    @Test
    void aGraphWhoseLastNodeLeftFailsAndEndsItsThreadsWithoutBeingStopped() throws Exception {
        String a = "fl-" + UUID.randomUUID().toString().substring(0, 6);
        Node na = new Node(NodeOptions.parse("--broker", LocalBroker.URI, "--name", a, "--pinned-only"), SECRET);
        RunningGraph remote = null;
        try {
            remote = DistributedRuntime.of(LocalBroker.URI, SECRET, thesisTest(), Map.of(),
                    TemplateSource.library(TemplateLibrary.standard()), DistributedRuntimeTest::snippets).on(List.of(a))
                    .start(assemble("remote-orphan").graph());
            assertEquals(5, run(remote, 5).size());
            DistributedGraph dg = (DistributedGraph) remote;
            assertTrue(senderAlive(dg));
            na.close();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (remote.status().state() != GraphStatus.State.FAILED && System.nanoTime() < deadline) Thread.sleep(50);
            assertEquals(GraphStatus.State.FAILED, remote.status().state(), remote.status().toString());
            // a failed graph is over, as in the threads runtime: its sender ends and its inputs never block
            while (senderAlive(dg) && System.nanoTime() < deadline) Thread.sleep(50);
            assertFalse(senderAlive(dg), "the sender thread of a failed graph still runs");
            assertTrue(appendsWithin(remote.in("x"), 4 * IotStream.DEFAULT_CAPACITY, Duration.ofSeconds(20)),
                    "appending to the input of a failed graph blocked");
            assertEquals(GraphStatus.State.FAILED, remote.status().state(), "the failure stays the graph's status");
        } finally {
            if (remote != null) remote.stop();
            na.close();
        }
    }

    /** z = map(x, add, parameters=[func(make_offset)]): a value part built on the node that uses it. */
    static Template withFunc() {
        return new Template("offset", Template.ASSEMBLE, List.of(new Param("x", Param.STREAM)), List.of(new Param("z", Param.STREAM)),
                List.of(), List.of(new Component("off0", "func"), new Component("map0", "map")),
                List.of(new External("x", "map0", "in"), new External("z", "map0", "out"),
                        new External("\"make_offset\"", "off0", "function"), new External("\"add\"", "map0", "function")),
                List.of(new Internal("off0", "out", null, "map0", "parameters", 0)));
    }

    @Test
    void aFuncPartIsBuiltOnTheNodeOfThePartThatUsesIt() throws Exception {
        Map<String, String> cells = Map.of("make_offset", "int make_offset() { return 100; }",
                "add", "int add(int v, int off) { return v + off; }");
        GraphPlan plan = GraphPlan.of("g", withFunc(), Map.of(), TemplateSource.library(TemplateLibrary.standard()),
                names -> names.stream().map(cells::get).toList(), 100);
        assertEquals(1, plan.parts().size(), "only the stream part is sent");
        assertEquals("off0", plan.parts().getFirst().getAsJsonArray("locals").get(0).getAsJsonObject().get("part").getAsString());

        FunctionResolver notebook = FunctionResolver.of(Map.of(
                "make_offset", (java.util.function.Supplier<Integer>) () -> 100,
                "add", (java.util.function.BiFunction<Integer, Integer, Integer>) (v, off) -> v + off));
        Assembler local = Assembler.standard(TemplateSource.library(TemplateLibrary.standard()), notebook);
        RunningGraph threads = Runtimes.threads().start(local.assemble("local-off", withFunc(), Map.of()).graph());
        List<Object> expected;
        try {
            expected = run(threads, "z", 300);
        } finally {
            threads.stop();
        }
        String a = "fa-" + UUID.randomUUID().toString().substring(0, 6);
        try (Node na = new Node(NodeOptions.parse("--broker", LocalBroker.URI, "--name", a, "--pinned-only"), SECRET)) {
            DistributedRuntime rt = DistributedRuntime.of(LocalBroker.URI, SECRET, withFunc(), Map.of(),
                    TemplateSource.library(TemplateLibrary.standard()), names -> names.stream().map(cells::get).toList()).on(List.of(a));
            RunningGraph remote = rt.start(local.assemble("remote-off", withFunc(), Map.of()).graph());
            try {
                List<Object> got = run(remote, "z", 300);
                assertEquals(expected, got);
                assertEquals(100, got.getFirst());
            } finally {
                remote.stop();
            }
        }
    }

    @Test
    void aSourcePartIsRefusedWithThePartNamed() {
        Template t = new Template("gen", Template.ASSEMBLE, List.of(), List.of(new Param("z", Param.STREAM)), List.of(),
                List.of(new Component("src0", "source")),
                List.of(new External("z", "src0", "out"), new External("\"tick\"", "src0", "function")), List.of());
        io.iotj.assemble.AssemblyException e = assertThrows(io.iotj.assemble.AssemblyException.class,
                () -> GraphPlan.of("g", t, Map.of(), TemplateSource.library(TemplateLibrary.standard()), DistributedRuntimeTest::snippets, 100));
        assertEquals("src0", e.part());
        assertTrue(e.getMessage().contains("does not run sources on nodes"), e.getMessage());
    }

    @Test
    void withoutNodesTheGraphFailsWithTheReason() {
        DistributedRuntime rt = DistributedRuntime.of(LocalBroker.URI, SECRET, thesisTest(), Map.of(),
                TemplateSource.library(TemplateLibrary.standard()), DistributedRuntimeTest::snippets)
                .on(List.of("nobody-" + UUID.randomUUID().toString().substring(0, 4)));
        RunningGraph g = rt.start(assemble("lonely").graph());
        try {
            // other tests' nodes may be alive on the shared broker; the pinned node never is
            assertEquals(GraphStatus.State.FAILED, g.status().state());
            String why = String.valueOf(g.status().error().getMessage());
            assertTrue(why.contains("no iotj node is listening") || why.contains("is not listening on the broker"), why);
        } finally {
            g.stop();
        }
    }

    /** twice(x) -> y: one map; quad(x) -> z: twice feeding twice (a wire between two composite parts). */
    static Template twice() {
        return new Template("twice", Template.ASSEMBLE, List.of(new Param("x", Param.STREAM)), List.of(new Param("y", Param.STREAM)),
                List.of(), List.of(new Component("m", "map")),
                List.of(new External("x", "m", "in"), new External("y", "m", "out"), new External("\"times_two\"", "m", "function")),
                List.of());
    }

    static Template quad() {
        return new Template("quad", Template.ASSEMBLE, List.of(new Param("x", Param.STREAM)), List.of(new Param("z", Param.STREAM)),
                List.of(), List.of(new Component("a", "twice"), new Component("b", "twice")),
                List.of(new External("x", "a", "x"), new External("z", "b", "y")),
                List.of(new Internal("a", "y", "b", "x")));
    }

    @Test
    void templatesMadeOfTemplatesAreFlattenedAndGiveTheSameOutputs() throws Exception {
        TemplateSource src = TemplateSource.library(TemplateLibrary.standard().register(twice()).register(quad()));
        Template flat = TemplateFlattener.flatten(quad(), src);
        assertEquals(List.of("a.m", "b.m"), flat.components().stream().map(Component::part).toList());
        assertEquals(List.of(new Internal("a.m", "out", null, "b.m", "in", null)), flat.internals());

        FunctionResolver notebook = FunctionResolver.of(Map.of("times_two", (Function<Integer, Integer>) v -> 2 * v));
        Assembler local = Assembler.standard(src, notebook);
        RunningGraph threads = Runtimes.threads().start(local.assemble("local-quad", quad(), Map.of()).graph());
        List<Object> expected;
        try {
            expected = run(threads, "z", 500);
        } finally {
            threads.stop();
        }
        assertEquals(4, expected.get(1));
        String a = "qa-" + UUID.randomUUID().toString().substring(0, 6), b = "qb-" + UUID.randomUUID().toString().substring(0, 6);
        try (Node na = new Node(NodeOptions.parse("--broker", LocalBroker.URI, "--name", a, "--pinned-only"), SECRET);
             Node nb = new Node(NodeOptions.parse("--broker", LocalBroker.URI, "--name", b, "--pinned-only"), SECRET)) {
            RunningGraph remote = DistributedRuntime.of(LocalBroker.URI, SECRET, quad(), Map.of(), src, DistributedRuntimeTest::snippets)
                    .on(List.of(a, b)).start(local.assemble("remote-quad", quad(), Map.of()).graph());
            try {
                assertEquals(expected, run(remote, "z", 500));
            } finally {
                remote.stop();
            }
        }
    }
}
