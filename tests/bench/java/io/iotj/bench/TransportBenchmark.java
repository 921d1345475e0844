package io.iotj.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.iotj.remote.BrokerUri;
import io.iotj.remote.Controller;
import io.iotj.remote.Node;
import io.iotj.remote.node.NodeOptions;
import io.iotj.remote.security.Secret;
import io.iotj.remote.transport.GraphTopology;
import io.iotj.remote.transport.Outlet;
import io.iotj.remote.transport.Publisher;
import io.iotj.remote.transport.StreamId;
import io.iotj.remote.transport.Transport;
import io.iotj.remote.transport.TransportListener;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Values per second through a graph spread over two nodes, with publisher confirms, manual acks,
 * durable queues and persistent messages on:
 * <pre>
 *   source (this process) ──▶ map0 on node A (v + 1) ──▶ sink0 on node B (checks order, counts)
 * </pre>
 * once with batches and once with one message per value (what IoTpy sent). The nodes are real
 * {@link Node}s (own broker connections, signed assemble commands), in this JVM.
 *
 * <pre>
 * tests/bench/run TransportBenchmark [--full] [--values N] [--per-value N] [--batch B] [--broker URI]
 * </pre>
 * Default: 2,000,000 batched values and 20,000 single-message values; {@code --full}: 20,000,000 and 100,000.
 */
public final class TransportBenchmark {
    private TransportBenchmark() {}

    /** The map function the benchmark's node part runs (a classpath method, resolved by name). */
    public static long inc(long v) {
        return v + 1;
    }

    public static void main(String[] args) throws Exception {
        long values = 2_000_000, perValue = 20_000;
        int batch = 4096;
        String broker = BrokerUri.resolve(null);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--full" -> { values = 20_000_000; perValue = 100_000; }
                case "--values" -> values = Long.parseLong(args[++i]);
                case "--per-value" -> perValue = Long.parseLong(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--broker" -> broker = args[++i];
                default -> {
                    System.err.println("unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        Secret secret = Secret.of("bench-" + UUID.randomUUID(), "benchmark");
        String a = "bench-a-" + UUID.randomUUID().toString().substring(0, 4), b = "bench-b-" + UUID.randomUUID().toString().substring(0, 4);
        System.out.printf("broker %s, %d cores, JDK %s%n", BrokerUri.mask(broker), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        try (Node na = new Node(NodeOptions.parse("--broker", broker, "--name", a, "--pinned-only"), secret);
             Node nb = new Node(NodeOptions.parse("--broker", broker, "--name", b, "--pinned-only"), secret);
             Controller ctl = Controller.connect(broker, secret, "bench-kernel");
             Transport source = Transport.connect(broker, "bench-source", TransportListener.NONE)) {
            if (!ctl.await(ns -> ns.stream().filter(n -> n.alive()).count() >= 2, Duration.ofSeconds(10)))
                throw new IllegalStateException("nodes did not announce themselves");
            run("batched (" + batch + " values/message)", ctl, source, a, b, values, batch);
            run("one message per value (IoTpy's pattern)", ctl, source, a, b, perValue, 1);
        }
    }

    private static final AtomicLong SEEN = new AtomicLong(), DISORDER = new AtomicLong();
    private static volatile long target = Long.MAX_VALUE, finished;
    private static volatile CountDownLatch done = new CountDownLatch(1);

    /** The sink function of the benchmark's second node: checks that values arrive in order, counts them. */
    public static void sink(long v) {
        long seen = SEEN.incrementAndGet();
        if (v != seen) DISORDER.incrementAndGet(); // map0 sends 1, 2, 3, ...
        if (seen == target) {
            finished = System.nanoTime();
            done.countDown();
        }
    }

    private static void run(String label, Controller ctl, Transport source, String nodeA, String nodeB,
                            long n, int batch) throws Exception {
        String graph = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        GraphTopology topo = new GraphTopology(graph, batch == 1 ? 4096 : GraphTopology.DEFAULT_MAX_QUEUED_BATCHES);
        List<String> parts = List.of("map0", "sink0");
        source.declare(topo, parts);
        SEEN.set(0);
        DISORDER.set(0);
        target = n;
        done = new CountDownLatch(1);
        try {
            ctl.assembleOn(nodeA, spec(graph, "map0", "map", "inc", "sink0", batch));
            ctl.assembleOn(nodeB, spec(graph, "sink0", "sink", "sink", null, batch));
            if (!ctl.await(ns -> ns.stream().filter(x -> x.parts().contains(graph + "/map0") || x.parts().contains(graph + "/sink0")).count() == 2,
                    Duration.ofSeconds(10))) throw new IllegalStateException("parts did not start: " + ctl.nodes());
            Publisher pub = source.publisher(topo, batch == 1 ? 256 : 32);
            Outlet o = source.outlet(pub, "map0", new StreamId("in", -1, "source.out"), batch, 0, batch == 1 ? 0 : 20);
            long start = System.nanoTime();
            for (long i = 0; i < n; i++) o.addLong(i);
            o.flush();
            if (!done.await(Math.max(60, n / 1000), TimeUnit.SECONDS))
                throw new IllegalStateException(label + ": only " + SEEN.get() + " of " + n + " values arrived");
            double seconds = (finished - start) / 1e9;
            Publisher.Stats ps = pub.stats();
            System.out.printf("%-40s %,11d values in %7.3f s = %,11.0f values/s (in order: %s; source: %,d batches confirmed, %,d refused by a full queue and resent)%n",
                    label, n, seconds, n / seconds, DISORDER.get() == 0 ? "yes" : "NO, " + DISORDER.get() + " out of place",
                    ps.confirmed(), ps.refused());
            pub.close();
            ctl.stop(graph);
            Thread.sleep(500);
        } finally {
            source.delete(topo, parts);
        }
    }

    private static JsonObject spec(String graph, String part, String template, String function, String to, int batch) {
        JsonObject s = new JsonObject();
        s.addProperty("graph", graph);
        s.addProperty("part", part);
        s.addProperty("template", template);
        JsonObject args = new JsonObject();
        args.addProperty("function", TransportBenchmark.class.getName() + "." + function);
        s.add("args", args);
        JsonArray inputs = new JsonArray();
        JsonObject in = new JsonObject();
        in.addProperty("param", "in");
        inputs.add(in);
        s.add("inputs", inputs);
        JsonObject outputs = new JsonObject();
        if (to != null) {
            JsonArray dests = new JsonArray();
            JsonObject d = new JsonObject();
            d.addProperty("part", to);
            d.addProperty("param", "in");
            dests.add(d);
            outputs.add("out", dests);
        }
        s.add("outputs", outputs);
        s.addProperty("batch", batch);
        s.addProperty("lingerMs", 20);
        // one value per message needs a wider window to be fair to it (each message waits for its own confirm)
        s.addProperty("window", batch == 1 ? 256 : 32);
        s.addProperty("prefetch", batch == 1 ? 256 : 16);
        return s;
    }
}
