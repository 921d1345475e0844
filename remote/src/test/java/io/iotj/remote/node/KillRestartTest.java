package io.iotj.remote.node;

import com.google.gson.JsonObject;
import io.iotj.remote.Controller;
import io.iotj.remote.LocalBroker;
import io.iotj.remote.Node;
import io.iotj.remote.Supervisor;
import io.iotj.remote.security.Secret;
import io.iotj.remote.transport.GraphTopology;
import io.iotj.remote.transport.Outlet;
import io.iotj.remote.transport.Publisher;
import io.iotj.remote.transport.StreamId;
import io.iotj.remote.transport.Transport;
import io.iotj.remote.transport.TransportListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * kill -9 of the node running a part, mid-run: the {@link Supervisor} notices and sends the part to
 * the other node, which resumes from the part's checkpoint at the broker; the sink gets every value
 * once, in order. Then the last node dies, and the graph is reported failed.
 */
class KillRestartTest {
    private static final String SECRET = "kill-test-secret-" + UUID.randomUUID();

    @BeforeAll
    static void broker() throws Exception {
        LocalBroker.ensureUp();
    }

    private static Process startNode(String name, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx192m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Node.class.getName(), "--broker", LocalBroker.URI, "--name", name, "--pinned-only");
        pb.environment().put("IOTJ_SECRET", SECRET);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    @Test
    void aPartRestartedAfterKillMinus9ResumesFromItsCheckpointWithoutLossOrDuplicates() throws Exception {
        String a = "ka-" + UUID.randomUUID().toString().substring(0, 6), b = "kb-" + UUID.randomUUID().toString().substring(0, 6);
        String graph = LocalBroker.uniqueGraph("kill");
        GraphTopology topo = new GraphTopology(graph);
        List<String> parts = List.of("map0", "sink0");
        Path logA = Files.createTempFile("iotj-kill-a", ".log"), logB = Files.createTempFile("iotj-kill-b", ".log");
        List<String> lost = new CopyOnWriteArrayList<>();
        Process pa = startNode(a, logA), pb = startNode(b, logB);
        List<String> moves = new CopyOnWriteArrayList<>(), failures = new CopyOnWriteArrayList<>();
        int n = 60_000;
        try (Controller ctl = Controller.connect(LocalBroker.URI, Secret.of(SECRET, "test"), "kernel-kill");
             Transport data = Transport.connect(LocalBroker.URI, "kill-test", new TransportListener() {
                 @Override public void lost(StreamId s, long p, long c, String why) { lost.add(s + "@" + p + ": " + why); }
             })) {
            data.declare(topo, parts);
            List<Object> got = Collections.synchronizedList(new ArrayList<>());
            data.receiver(topo, "sink0", bt -> {
                assertEquals(got.size(), bt.position(), "sink receives each position once, in order");
                for (int i = 0; i < bt.size(); i++) got.add(bt.values().get(i));
            }, Map.of(), 8);
            assertTrue(ctl.await(ns -> ns.stream().filter(x -> (x.name().equals(a) || x.name().equals(b)) && x.alive()).count() == 2,
                    Duration.ofSeconds(30)), "nodes up: " + Files.readString(logA) + Files.readString(logB));
            List<JsonObject> statuses = new CopyOnWriteArrayList<>();
            ctl.onEvent(m -> { if (m.type().equals("status") && m.from().equals(b)) statuses.add(m.body()); });
            Supervisor sup = new Supervisor(ctl, new Supervisor.Listener() {
                @Override public void moved(String g, String part, String from, String to) { moves.add(part + ":" + from + "->" + to); }
                @Override public void failed(String g, String reason) { failures.add(reason); }
            });
            JsonObject spec = NodeTestSpecs.map(graph, "map0", "sink0", "twice", List.of("long twice(long x) { return 2 * x; }"), 200);
            sup.assembleOn(a, spec);
            assertTrue(ctl.await(ns -> ns.stream().anyMatch(x -> x.parts().contains(graph + "/map0")), Duration.ofSeconds(20)));

            Publisher pub = data.publisher(topo, 16);
            Outlet o = data.outlet(pub, "map0", new StreamId("in", -1, "x"), 200, 0, 10);
            Thread producer = Thread.ofPlatform().start(() -> {
                try {
                    for (long i = 0; i < n; i++) {
                        o.addLong(i);
                        if (i % 1000 == 999) Thread.sleep(40); // about 2.5 s of input
                    }
                    o.flush();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (got.size() < n / 4 && System.nanoTime() < deadline) Thread.sleep(5);
            int before = got.size();
            assertTrue(before > 0 && before < n, "killed mid-run (" + before + " values through)");
            pa.destroyForcibly(); // SIGKILL
            assertTrue(ctl.await(ns -> ns.stream().noneMatch(x -> x.name().equals(a) && x.alive()), Duration.ofSeconds(5)),
                    "kill -9 noticed within 5 s");

            // the supervisor sends map0 to the node still alive, which resumes from the checkpoint
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (moves.isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals(List.of("map0:" + a + "->" + b), moves);

            producer.join(TimeUnit.SECONDS.toMillis(60));
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (got.size() < n && System.nanoTime() < deadline) Thread.sleep(20);
            Thread.sleep(500); // a duplicate would show now
            assertEquals(n, got.size(), "every value once (" + before + " before the kill)");
            for (int i = 0; i < n; i++) assertEquals(2L * i, got.get(i), "value " + i);
            assertTrue(statuses.stream().anyMatch(s -> s.has("resumed")), "B resumed from a checkpoint: " + statuses);
            assertEquals(List.of(), lost);
            assertEquals(List.of(), failures);
            assertEquals(Map.of(graph + "/map0", b), sup.placements());

            // now B dies too: no node is left, and the graph is reported failed with the reason
            pb.destroyForcibly();
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            while (failures.isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals(1, failures.size(), "failure reported: " + failures + " moves " + moves);
            assertTrue(failures.getFirst().contains("node " + b + " stopped answering and no node is left to run map0"), failures.getFirst());
            sup.close();
            ctl.stop(graph);
        } finally {
            pa.destroyForcibly();
            pb.destroyForcibly();
            try (Transport t = Transport.connect(LocalBroker.URI, "kill-cleanup", TransportListener.NONE)) {
                t.delete(topo, parts);
            }
            Files.deleteIfExists(logA);
            Files.deleteIfExists(logB);
        }
    }
}
