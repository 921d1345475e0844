package io.iotj.remote.node;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.iotj.remote.Controller;
import io.iotj.remote.LocalBroker;
import io.iotj.remote.Node;
import io.iotj.remote.security.Secret;
import io.iotj.remote.security.SignedMessage;
import io.iotj.remote.security.Signer;
import io.iotj.remote.transport.GraphTopology;
import io.iotj.remote.transport.Outlet;
import io.iotj.remote.transport.Publisher;
import io.iotj.remote.transport.StreamId;
import io.iotj.remote.transport.Transport;
import io.iotj.remote.transport.TransportListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A node in this JVM, driven through the broker by a {@link Controller}, as the kernel will. */
class NodeTest {
    private static final Secret SECRET = Secret.of("node-test-secret-" + UUID.randomUUID(), "test");
    private final String name = "n-" + UUID.randomUUID().toString().substring(0, 6);
    private final List<SignedMessage> events = new CopyOnWriteArrayList<>();
    private Node node;
    private Controller ctl;
    private Transport data;

    @BeforeAll
    static void broker() throws Exception {
        LocalBroker.ensureUp();
    }

    @BeforeEach
    void start() throws Exception {
        ctl = Controller.connect(LocalBroker.URI, SECRET, "kernel-test");
        ctl.onEvent(events::add);
        // pinned-only: kernels of other tests place no unpinned parts here
        node = new Node(NodeOptions.parse("--broker", LocalBroker.URI, "--name", name, "--pinned-only"), SECRET);
        data = Transport.connect(LocalBroker.URI, "node-test-data", TransportListener.NONE);
    }

    @AfterEach
    void stop() {
        node.close();
        ctl.close();
        data.close();
    }

    private SignedMessage awaitEvent(String type, String containing) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            for (SignedMessage m : events) {
                if (m.type().equals(type) && m.from().equals(name) && m.body().toString().contains(containing)) return m;
            }
            Thread.sleep(20);
        }
        fail("no '" + type + "' event containing '" + containing + "' from " + name + "; got " + events);
        return null;
    }

    @Test
    void theNodeAnnouncesItselfAndHeartbeats() throws Exception {
        assertTrue(ctl.await(ns -> ns.stream().anyMatch(n -> n.name().equals(name) && n.alive()), Duration.ofSeconds(5)));
        Controller.NodeInfo info = ctl.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
        assertEquals(Runtime.getRuntime().availableProcessors(), info.cores());
        assertFalse(info.host().isEmpty());
        awaitEvent("heartbeat", name);
    }

    @Test
    void aJShellFunctionShippedWithThePartRunsOnTheNode() throws Exception {
        String graph = LocalBroker.uniqueGraph("g");
        GraphTopology topo = new GraphTopology(graph);
        List<String> parts = List.of("map0", "out");
        data.declare(topo, parts);
        try {
            List<Object> got = Collections.synchronizedList(new ArrayList<>());
            data.receiver(topo, "out", b -> { for (int i = 0; i < b.size(); i++) got.add(b.values().get(i)); }, Map.of(), 8);

            ctl.assembleOn(name, NodeTestSpecs.map(graph, "map0", "out", "times_two", List.of(
                    "import java.util.function.*;",
                    "int factor = 2;\nint times_two(int x) { return factor * x; }"), 100));
            awaitEvent("status", "\"state\":\"running\"");

            Publisher pub = data.publisher(topo, 8);
            Outlet o = data.outlet(pub, "map0", new StreamId("in", -1, "x"), 100, 0, 0);
            for (long i = 0; i < 1000; i++) o.addLong(i);
            o.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (got.size() < 1000 && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals(1000, got.size());
            for (int i = 0; i < 1000; i++) assertEquals(2 * i, got.get(i), "value " + i); // int, as times_two returns

            ctl.stop(graph);
            awaitEvent("status", "\"state\":\"stopped\"");
        } finally {
            data.delete(topo, parts);
        }
    }

    @Test
    void aStoppedNodeLeavesNoThreadsBehind() throws Exception {
        String graph = LocalBroker.uniqueGraph("leak");
        GraphTopology topo = new GraphTopology(graph);
        List<String> parts = List.of("map0", "out");
        data.declare(topo, parts);
        try {
            Node other = new Node(NodeOptions.parse("--broker", LocalBroker.URI, "--name", name + "-x", "--pinned-only"), SECRET);
            ctl.assembleOn(name + "-x", NodeTestSpecs.map(graph, "map0", "out", "times_two", List.of("int times_two(int x) { return 2 * x; }"), 100));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (events.stream().noneMatch(m -> m.from().equals(name + "-x") && m.type().equals("status")) && System.nanoTime() < deadline)
                Thread.sleep(20);
            assertTrue(threads().stream().anyMatch(t -> t.startsWith("iotj-node-heartbeat")), threads().toString());
            other.close();
            Thread.sleep(300);
            // this test's own node (and transport) still run; the closed node's executors must be gone
            long heartbeats = threads().stream().filter(t -> t.startsWith("iotj-node-heartbeat")).count();
            assertEquals(1, heartbeats, "only the other node's heartbeat thread is left: " + threads());
            assertTrue(threads().stream().noneMatch(t -> t.equals("iotj-transport-iotj-node-" + name + "-x-data")), threads().toString());
        } finally {
            data.delete(topo, parts);
        }
    }

    private static List<String> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).sorted().toList();
    }

    @Test
    void aSnippetThatDoesNotCompileIsReportedWithItsPosition() throws Exception {
        String graph = LocalBroker.uniqueGraph("bad");
        GraphTopology topo = new GraphTopology(graph);
        data.declare(topo, List.of("map0", "out"));
        try {
            ctl.assembleOn(name, NodeTestSpecs.map(graph, "map0", "out", "f", List.of("int f(int x) {\n  return x +* 2;\n}"), 100));
            SignedMessage m = awaitEvent("status", "\"state\":\"failed\"");
            String error = m.body().get("error").getAsString();
            assertTrue(error.matches("error at line 2, column 1[0-9]: .*"), error);
            ctl.assembleOn(name, NodeTestSpecs.map(graph, "map0", "out", "no_such_function", List.of(), 100));
            SignedMessage m2 = awaitEvent("status", "no_such_function");
            assertTrue(m2.body().get("error").getAsString().contains("unknown function \"no_such_function\""), m2.body().toString());
        } finally {
            data.delete(topo, List.of("map0", "out"));
        }
    }

    @Test
    void forgedAlteredUnsignedAndReplayedCommandsAreRefusedAndNotRun() throws Exception {
        awaitEvent("hello", name);
        String graph = LocalBroker.uniqueGraph("evil");
        JsonObject spec = NodeTestSpecs.map(graph, "map0", "out", "times_two", List.of("int times_two(int x) { return 2 * x; }"), 100);
        try (Channel ch = data.connection().createChannel()) {
            String key = ControlNames.nodeKey(name);
            // forged: signed with another secret
            Signer.Signed forged = new Signer(Secret.of("an-attackers-own-secret!", "x")).sign("assemble", "kernel-test", spec);
            publish(ch, key, forged.bytes(), forged.signature());
            awaitEvent("refused", "bad signature");
            // unsigned
            publish(ch, key, forged.bytes(), null);
            awaitEvent("refused", "unsigned");
            // altered: a genuine signature over other bytes
            Signer.Signed genuine = new Signer(SECRET).sign("assemble", "kernel-test", spec);
            byte[] altered = new String(genuine.bytes(), StandardCharsets.UTF_8).replace("times_two(int x) { return 2", "times_two(int x) { return 3")
                    .getBytes(StandardCharsets.UTF_8);
            assertFalse(java.util.Arrays.equals(altered, genuine.bytes()));
            events.clear();
            publish(ch, key, altered, genuine.signature());
            awaitEvent("refused", "bad signature");
            // replayed: a genuine command sent twice; the second copy is refused
            Signer.Signed ping = new Signer(SECRET).sign("ping", "kernel-test", ControlLink.destination(ControlNames.COMMANDS, key), new JsonObject());
            publish(ch, key, ping.bytes(), ping.signature());
            awaitEvent("pong", name);
            publish(ch, key, ping.bytes(), ping.signature());
            awaitEvent("refused", "replayed");
        }
        Thread.sleep(300);
        assertTrue(events.stream().noneMatch(m -> m.type().equals("status") && m.body().toString().contains(graph)),
                "no refused command ran: " + events);
    }

    @Test
    void aCommandCapturedOnItsWayToOneNodeIsRefusedByAnother() throws Exception {
        awaitEvent("hello", name);
        String other = "n-" + UUID.randomUUID().toString().substring(0, 6);
        try (Node second = new Node(NodeOptions.parse("--broker", LocalBroker.URI, "--name", other, "--pinned-only"), SECRET);
             Channel ch = data.connection().createChannel()) {
            // an eavesdropper with access to the broker copies what is sent to the first node
            String spy = ch.queueDeclare().getQueue();
            ch.queueBind(spy, ControlNames.COMMANDS, ControlNames.nodeKey(name));
            ctl.command(name, "ping", new JsonObject());
            awaitEvent("pong", name);
            com.rabbitmq.client.GetResponse captured = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (captured == null && System.nanoTime() < deadline) {
                captured = ch.basicGet(spy, true);
                if (captured == null) Thread.sleep(20);
            }
            assertNotNull(captured, "the spy saw the ping");
            // ... and replays it, well within the signing window, to the second node, which never saw its nonce
            ch.basicPublish(ControlNames.COMMANDS, ControlNames.nodeKey(other), captured.getProps(), captured.getBody());
            SignedMessage answer = null;
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (answer == null && System.nanoTime() < deadline) {
                for (SignedMessage m : events) {
                    if (m.from().equals(other) && (m.type().equals("pong") || m.type().equals("refused"))) answer = m;
                }
                Thread.sleep(20);
            }
            assertNotNull(answer, "the second node neither answered nor refused; got " + events);
            assertEquals("refused", answer.type(), "a command addressed to " + name + " ran on " + other + ": " + answer.body());
        }
    }

    @Test
    void aCapturedAssembleCommandRepublishedToAnotherNodeOrTheSharedKeyIsRefusedLoggedAndNotRun() throws Exception {
        awaitEvent("hello", name);
        String other = "n-" + UUID.randomUUID().toString().substring(0, 6);
        String graph = LocalBroker.uniqueGraph("replay");
        GraphTopology topo = new GraphTopology(graph);
        data.declare(topo, List.of("map0", "out"));
        List<String> logged = new CopyOnWriteArrayList<>();
        java.util.logging.Logger nodeLog = java.util.logging.Logger.getLogger(Node.class.getName());
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override public void publish(java.util.logging.LogRecord r) { logged.add(r.getMessage()); }
            @Override public void flush() {}
            @Override public void close() {}
        };
        nodeLog.addHandler(handler);
        try (Node second = new Node(NodeOptions.parse("--broker", LocalBroker.URI, "--name", other), SECRET);
             Channel ch = data.connection().createChannel()) {
            // an eavesdropper with access to the broker copies the genuine assemble command sent to the first node
            String spy = ch.queueDeclare().getQueue();
            ch.queueBind(spy, ControlNames.COMMANDS, ControlNames.nodeKey(name));
            ctl.assembleOn(name, NodeTestSpecs.map(graph, "map0", "out", "times_two", List.of("int times_two(int x) { return 2 * x; }"), 100));
            awaitEvent("status", "\"state\":\"running\"");
            com.rabbitmq.client.GetResponse captured = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (captured == null && System.nanoTime() < deadline) {
                captured = ch.basicGet(spy, true);
                if (captured == null) Thread.sleep(20);
            }
            assertNotNull(captured, "the spy saw the assemble command");

            // (a) replayed, well within the signing window, to the second node's own queue: it never saw the nonce
            ch.basicPublish(ControlNames.COMMANDS, ControlNames.nodeKey(other), captured.getProps(), captured.getBody());
            SignedMessage a = awaitFrom(other, "refused", "delivered to " + ControlNames.COMMANDS + "/" + ControlNames.nodeKey(other));
            assertTrue(a.body().get("reason").getAsString().contains("addressed to " + ControlNames.COMMANDS + "/" + ControlNames.nodeKey(name)),
                    a.body().toString());

            // (b) replayed to the old shared assemble key: every node gets it there and refuses it, the first node included
            ch.basicPublish(ControlNames.COMMANDS, ControlNames.ASSEMBLE_KEY, captured.getProps(), captured.getBody());
            awaitFrom(other, "refused", "sent to key 'assemble'");
            awaitFrom(name, "refused", "sent to key 'assemble'");

            // and a genuine command signed for the shared address itself (as kernels sent them before): refused too
            Signer.Signed shared = new Signer(SECRET).sign("assemble", "kernel-test",
                    ControlLink.destination(ControlNames.COMMANDS, ControlNames.ASSEMBLE_KEY),
                    NodeTestSpecs.map(graph, "map0", "out", "times_two", List.of("int times_two(int x) { return 2 * x; }"), 100));
            events.removeIf(m -> m.type().equals("refused"));
            publish(ch, ControlNames.ASSEMBLE_KEY, shared.bytes(), shared.signature());
            awaitFrom(other, "refused", "sent to key 'assemble'");
            awaitFrom(name, "refused", "sent to key 'assemble'");

            Thread.sleep(1500); // a heartbeat after the replays, with the parts each node runs
            assertTrue(events.stream().noneMatch(m -> m.from().equals(other) && m.type().equals("status")),
                    "the second node ran nothing: " + events);
            assertEquals(1, events.stream().filter(m -> m.from().equals(name) && m.type().equals("status")
                    && m.body().toString().contains(graph)).count(), "the first node ran the part once, from the genuine command: " + events);
            Controller.NodeInfo second2 = ctl.nodes().stream().filter(n -> n.name().equals(other)).findFirst().orElseThrow();
            assertTrue(second2.alive() && second2.parts().isEmpty(), second2.toString());
            assertTrue(logged.stream().anyMatch(l -> l.startsWith("refused a command") && l.contains("delivered to")
                    && l.contains("on " + ControlNames.nodeQueue(other))), "the replay to the second node is logged: " + logged);
            assertTrue(logged.stream().anyMatch(l -> l.startsWith("refused a command") && l.contains("sent to key 'assemble'")
                    && l.contains("on " + ControlNames.nodeQueue(name))), "the replay to the shared key is logged: " + logged);
        } finally {
            nodeLog.removeHandler(handler);
            ctl.stop(graph);
            data.delete(topo, List.of("map0", "out"));
        }
    }

    private SignedMessage awaitFrom(String node, String type, String containing) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            for (SignedMessage m : events) {
                // the reason as text: Gson's JSON form escapes quotes
                String text = m.body().has("reason") ? m.body().get("reason").getAsString() : m.body().toString();
                if (m.type().equals(type) && m.from().equals(node) && text.contains(containing)) return m;
            }
            Thread.sleep(20);
        }
        fail("no '" + type + "' event containing '" + containing + "' from " + node + "; got " + events);
        return null;
    }

    private static void publish(Channel ch, String key, byte[] body, String sig) throws Exception {
        AMQP.BasicProperties.Builder p = new AMQP.BasicProperties.Builder();
        if (sig != null) p.headers(Map.of(Signer.HEADER, sig));
        ch.basicPublish(ControlNames.COMMANDS, key, p.build(), body);
    }
}
