package io.iotj.remote.node;

import com.google.gson.JsonObject;
import io.iotj.remote.Controller;
import io.iotj.remote.LocalBroker;
import io.iotj.remote.Node;
import io.iotj.remote.security.Secret;
import io.iotj.remote.transport.GraphTopology;
import io.iotj.remote.transport.Outlet;
import io.iotj.remote.transport.Publisher;
import io.iotj.remote.transport.StreamId;
import io.iotj.remote.transport.Transport;
import io.iotj.remote.transport.TransportListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * 1,000,000 values through a three-part graph spread over two nodes:
 * <pre>source ─▶ map0 (node A, 2x) ─▶ filter0 (node B, x % 3 != 0) ─▶ map1 (node A, x + 1) ─▶ out</pre>
 * with functions shipped as JShell snippets; every value arrives, in order.
 */
class TwoNodeGraphTest {
    @BeforeAll
    static void broker() throws Exception {
        LocalBroker.ensureUp();
    }

    @Test
    void aMillionValuesThroughThreePartsOnTwoNodesArriveCompleteAndInOrder() throws Exception {
        Secret secret = Secret.of("two-node-" + UUID.randomUUID(), "test");
        String a = "ta-" + UUID.randomUUID().toString().substring(0, 6), b = "tb-" + UUID.randomUUID().toString().substring(0, 6);
        String graph = LocalBroker.uniqueGraph("three");
        GraphTopology topo = new GraphTopology(graph);
        List<String> parts = List.of("map0", "filter0", "map1", "out");
        List<String> problems = new CopyOnWriteArrayList<>();
        int n = 1_000_000;
        try (Node na = new Node(NodeOptions.parse("--broker", LocalBroker.URI, "--name", a, "--pinned-only"), secret);
             Node nb = new Node(NodeOptions.parse("--broker", LocalBroker.URI, "--name", b, "--pinned-only"), secret);
             Controller ctl = Controller.connect(LocalBroker.URI, secret, "kernel-three");
             Transport data = Transport.connect(LocalBroker.URI, "three-test", new TransportListener() {
                 @Override public void lost(StreamId s, long p, long c, String why) { problems.add("lost " + s + "@" + p + ": " + why); }
             })) {
            data.declare(topo, parts);
            ctl.onEvent(m -> {
                boolean failedPart = m.type().equals("status") && "failed".equals(m.body().get("state").getAsString());
                if (m.type().equals("error") || m.type().equals("refused") || failedPart) problems.add(m.type() + " " + m.body());
            });
            AtomicLong count = new AtomicLong(), expectNext = new AtomicLong(0), wrong = new AtomicLong();
            data.receiver(topo, "out", bt -> {
                for (int i = 0; i < bt.size(); i++) {
                    long v = ((Number) bt.values().get(i)).longValue();
                    // the k-th input x = k gives 2k, kept when 2k % 3 != 0 (k % 3 != 0), then 2k + 1
                    long k = expectNext.get();
                    while (k % 3 == 0) k++;
                    if (v != 2 * k + 1) wrong.incrementAndGet();
                    expectNext.set(k + 1);
                }
                count.addAndGet(bt.size());
            }, Map.of(), 16);

            ctl.assembleOn(a, NodeTestSpecs.map(graph, "map0", "filter0", "twice", List.of("long twice(long x) { return 2 * x; }"), 4096));
            JsonObject filter = NodeTestSpecs.map(graph, "filter0", "map1", "keep", List.of("boolean keep(long x) { return x % 3 != 0; }"), 4096);
            filter.addProperty("template", "filter");
            ctl.assembleOn(b, filter);
            ctl.assembleOn(a, NodeTestSpecs.map(graph, "map1", "out", "inc", List.of("long inc(long x) { return x + 1; }"), 4096));
            assertTrue(ctl.await(ns -> ns.stream().mapToLong(x -> x.parts().stream().filter(p -> p.startsWith(graph)).count()).sum() == 3,
                    Duration.ofSeconds(30)), "three parts running: " + ctl.nodes() + " " + problems);

            Publisher pub = data.publisher(topo, 32);
            Outlet o = data.outlet(pub, "map0", new StreamId("in", -1, "source"), 4096, 0, 20);
            for (long i = 0; i < n; i++) o.addLong(i);
            o.flush();
            long expected = n - (n + 2) / 3; // inputs k with k % 3 != 0
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (count.get() < expected && System.nanoTime() < deadline) Thread.sleep(20);
            Thread.sleep(300);
            assertEquals(expected, count.get(), "complete; problems: " + problems);
            assertEquals(0, wrong.get(), "in order, right values");
            assertEquals(List.of(), problems);
            ctl.stop(graph);
            Thread.sleep(300);
        } finally {
            try (Transport t = Transport.connect(LocalBroker.URI, "three-cleanup", TransportListener.NONE)) {
                t.delete(topo, parts);
            }
        }
    }
}
