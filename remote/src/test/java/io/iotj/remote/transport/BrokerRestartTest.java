package io.iotj.remote.transport;

import com.google.gson.JsonObject;
import io.iotj.remote.Controller;
import io.iotj.remote.Node;
import io.iotj.remote.PrivateBroker;
import io.iotj.remote.Supervisor;
import io.iotj.remote.node.NodeOptions;
import io.iotj.remote.security.Secret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
 * A broker restart in the middle of a run: source ──▶ map0 on a node (v * 2) ──▶ sink0, on a broker
 * of our own. Every value arrives once, in order; nothing is reported lost.
 */
class BrokerRestartTest {
    @BeforeAll
    static void start() throws Exception {
        PrivateBroker.start();
    }

    @AfterAll
    static void stop() throws Exception {
        PrivateBroker.stop();
    }

    @Test
    void aGraphSurvivesABrokerRestartWithNothingLostOrDuplicated() throws Exception {
        List<String> problems = new CopyOnWriteArrayList<>();
        TransportListener listener = new TransportListener() {
            @Override public void lost(StreamId s, long p, long n, String why) { problems.add("lost " + s + "@" + p + "+" + n + ": " + why); }
        };
        Secret secret = Secret.of("restart-" + UUID.randomUUID(), "test");
        String graph = "restart-" + UUID.randomUUID().toString().substring(0, 6);
        GraphTopology topo = new GraphTopology(graph);
        List<String> parts = List.of("map0", "sink0");
        int n = 200_000;
        try (Transport source = Transport.connect(PrivateBroker.URI, "restart-source", listener);
             Transport sink = Transport.connect(PrivateBroker.URI, "restart-sink", listener);
             Node node = new Node(NodeOptions.parse("--broker", PrivateBroker.URI, "--name", "rn1", "--pinned-only"), secret);
             Controller ctl = Controller.connect(PrivateBroker.URI, secret, "kernel-restart")) {
            source.declare(topo, parts);
            List<Object> got = Collections.synchronizedList(new ArrayList<>());
            sink.receiver(topo, "sink0", b -> {
                assertEquals(got.size(), b.position());
                for (int i = 0; i < b.size(); i++) got.add(b.values().get(i));
            }, Map.of(), 8);
            JsonObject spec = io.iotj.remote.node.NodeTestSpecs.map(graph, "map0", "sink0", "twice",
                    List.of("long twice(long x) { return 2 * x; }"), 500);
            List<String> supervision = new CopyOnWriteArrayList<>();
            Supervisor sup = new Supervisor(ctl, new Supervisor.Listener() {
                @Override public void moved(String g, String part, String from, String to) { supervision.add("moved " + part); }
                @Override public void failed(String g, String reason) { supervision.add("failed: " + reason); }
            });
            sup.assembleOn("rn1", spec);
            assertTrue(ctl.await(ns -> ns.stream().anyMatch(x -> x.parts().contains(graph + "/map0")), Duration.ofSeconds(20)));

            Publisher pub = source.publisher(topo, 16);
            Outlet o = source.outlet(pub, "map0", new StreamId("in", -1, "x"), 500, 0, 20);
            Thread producer = Thread.ofPlatform().start(() -> {
                try {
                    for (long i = 0; i < n; i++) {
                        o.addLong(i);
                        if (i % 5000 == 0) Thread.sleep(10); // spread the run over a couple of seconds
                    }
                    o.flush();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (got.size() < n / 4 && System.nanoTime() < deadline) Thread.sleep(5);
            int before = got.size();
            assertTrue(before > 0 && before < n, "restart happens mid-run (" + before + " values in)");
            PrivateBroker.restart();

            producer.join(TimeUnit.SECONDS.toMillis(60));
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (got.size() < n && System.nanoTime() < deadline) Thread.sleep(20);
            Thread.sleep(500); // a duplicate would show up now
            assertEquals(n, got.size(), "every value once (before the restart: " + before + ")");
            for (int i = 0; i < n; i++) assertEquals(2L * i, got.get(i), "value " + i);
            assertEquals(List.of(), problems);
            Thread.sleep(4000); // past the supervisor's grace after its own reconnect
            assertEquals(List.of(), supervision, "a broker restart is not a node death: nothing moved, nothing failed");
            assertEquals(Map.of(graph + "/map0", "rn1"), sup.placements());
            sup.close();
            ctl.stop(graph);
            source.delete(topo, parts);
        }
    }
}
