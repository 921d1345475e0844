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
import io.iotj.runtime.Status;
import io.iotj.stream.Stream;
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

/** The seed's {@code test} template in threads mode and on two nodes gives the same outputs. */
class DistributedRuntimeTest {
    private static final Secret SECRET = Secret.of("distributed-" + UUID.randomUUID(), "test");

    /** The seed's figure 6/7 template: z = zip(map(x, times_two), map(x, iden)). */
    static Template seedTest() {
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
        return Assembler.standard(TemplateSource.library(TemplateLibrary.standard()), notebook).assemble(name, seedTest(), Map.of());
    }

    private static List<Object> run(RunningGraph g, int n) throws Exception {
        Stream<Object> z = g.out("z");
        Stream.Reader<Object> r = z.reader();
        Stream<Object> x = g.in("x");
        for (int i = 0; i < n; i++) x.append(i);
        List<Object> got = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (got.size() < n && System.nanoTime() < deadline && g.status().state() != Status.State.FAILED) {
            got.addAll(r.poll());
            Thread.sleep(10);
        }
        assertNotEquals(Status.State.FAILED, g.status().state(), () -> g.status().toString());
        return got;
    }

    @Test
    void theSeedTestTemplateOnTwoNodesGivesTheSameOutputsAsThreadsMode() throws Exception {
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
            DistributedRuntime rt = DistributedRuntime.of(LocalBroker.URI, SECRET, seedTest(), Map.of(),
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
            assertEquals(Status.State.STOPPED, remote.status().state());
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
    void withoutNodesTheGraphFailsWithTheReason() {
        DistributedRuntime rt = DistributedRuntime.of(LocalBroker.URI, SECRET, seedTest(), Map.of(),
                TemplateSource.library(TemplateLibrary.standard()), DistributedRuntimeTest::snippets)
                .on(List.of("nobody-" + UUID.randomUUID().toString().substring(0, 4)));
        RunningGraph g = rt.start(assemble("lonely").graph());
        try {
            // other tests' nodes may be alive on the shared broker; the pinned node never is
            assertEquals(Status.State.FAILED, g.status().state());
            String why = String.valueOf(g.status().error().getMessage());
            assertTrue(why.contains("no iotj node is listening") || why.contains("is not listening on the broker"), why);
        } finally {
            g.stop();
        }
    }

    @Test
    void aNestedTemplateIsRefusedWithThePartNamed() {
        Template outer = new Template("outer", Template.ASSEMBLE, List.of(new Param("a", Param.STREAM)),
                List.of(new Param("b", Param.STREAM)), List.of(), List.of(new Component("t0", "test")),
                List.of(new External("a", "t0", "x"), new External("b", "t0", "z")), List.of());
        TemplateSource src = TemplateSource.library(TemplateLibrary.standard().register(seedTest()));
        io.iotj.assemble.AssemblyException e = assertThrows(io.iotj.assemble.AssemblyException.class,
                () -> GraphPlan.of("g", outer, Map.of(), src, DistributedRuntimeTest::snippets, 100));
        assertTrue(e.getMessage().contains("t0") && e.getMessage().contains("composite"), e.getMessage());
    }
}
