package io.iotj.connect.bench;

import io.iotj.connect.LocalServices;
import io.iotj.connect.TestGraphs;
import io.iotj.runtime.RunningGraph;
import io.iotj.runtime.Runtimes;
import io.iotj.store.Store;
import io.iotj.stream.Event;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * Prints figures (never fails): MQTT into a graph at QoS 0 and 1 beside {@code mosquitto_sub} fed
 * by the same publisher in the same run; the store into the embedded database and PostgreSQL beside
 * PostgreSQL's own COPY of the same rows; with {@code --soak SECONDS}, heap after GC while MQTT
 * runs at full speed.
 *
 * <pre>
 * tests/bench/sources_bench.sh --messages 200000 --rows 1000000
 * </pre>
 */
public final class SourcesBenchmark {
    private SourcesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = 200_000;
        int rows = 1_000_000;
        int soak = 0;
        String only = "all";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--messages" -> messages = Integer.parseInt(args[++i]);
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--soak" -> soak = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.println("load average before: " + loadAverage());
        Path dir = Files.createTempDirectory("iotj-bench");
        try (PrivateBroker broker = new PrivateBroker(dir)) {
            if (soak > 0) {
                soak(broker.port, soak);
            } else if (!only.equals("store")) {
                for (int qos : new int[] {0, 1}) {
                    mqtt(broker.port, qos, messages);
                }
            }
        }
        if (soak == 0 && !only.equals("mqtt")) {
            store(rows, dir);
        }
        System.out.println("load average after: " + loadAverage());
        System.exit(0);
    }

    static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    /** A Mosquitto of the benchmark's own: no per-client limits, so it measures clients, not the broker's policy. */
    static final class PrivateBroker implements AutoCloseable {
        final int port;
        final Process process;

        PrivateBroker(Path dir) throws Exception {
            port = LocalServices.freePort();
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, "user " + System.getProperty("user.name") + "\nlistener " + port
                    + " 127.0.0.1\nallow_anonymous true\nmax_queued_messages 0\nmax_inflight_messages 0\n");
            process = new ProcessBuilder("mosquitto", "-c", conf.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
            for (int i = 0; i < 100 && !LocalServices.answers(port); i++) {
                Thread.sleep(50);
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private static void mqtt(int port, int qos, int n) throws Exception {
        String topic = TestGraphs.unique("bench") + "/v";
        AtomicLong received = new AtomicLong();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        java.util.function.Function<Object, Object> count = v -> {
            long now = System.nanoTime();
            if (received.getAndIncrement() == 0) {
                first.set(now);
            }
            last.set(now);
            return null;
        };
        RunningGraph g = Runtimes.threads().start(TestGraphs.assemble("""
                bench() -> None {
                    v = mqtt(topic="%s", broker="mqtt://127.0.0.1:%d", qos=%d, format="double", buffer=100000, client_id="%s");
                    sink(in=v, function="count");
                }
                """.formatted(topic, port, qos, qos, TestGraphs.unique("bench")), Map.of("count", count)).graph());
        Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(port), "-t", topic,
                "-q", String.valueOf(qos), "-C", String.valueOf(n), "-W", "120", "-F", "%U").start();
        Thread.sleep(1000);
        // One publisher for both subscribers: an asynchronous MQTT 5 client with many messages in
        // flight (mosquitto_pub -l waits for each QoS 1 acknowledgement and would be the bottleneck).
        var pub = com.hivemq.client.mqtt.MqttClient.builder().useMqttVersion5().identifier(TestGraphs.unique("pub"))
                .serverHost("127.0.0.1").serverPort(port).buildAsync();
        pub.connect().get(10, TimeUnit.SECONDS);
        long start = System.nanoTime();
        List<java.util.concurrent.CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sent.add(pub.publishWith().topic(topic).qos(com.hivemq.client.mqtt.datatypes.MqttQos.fromCode(qos))
                    .payload(Integer.toString(i).getBytes(StandardCharsets.UTF_8)).send());
            if (sent.size() == 10_000) {
                for (var f : sent) {
                    f.get(60, TimeUnit.SECONDS);
                }
                sent.clear();
            }
        }
        for (var f : sent) {
            f.get(60, TimeUnit.SECONDS);
        }
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        List<Double> stamps = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(sub.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                stamps.add(Double.parseDouble(line.strip()));
            }
        }
        sub.waitFor(130, TimeUnit.SECONDS);
        pub.disconnect();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (received.get() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        g.stop();
        double subRate = stamps.size() < 2 ? 0 : (stamps.size() - 1) / (stamps.get(stamps.size() - 1) - stamps.get(0));
        double iotjRate = received.get() < 2 ? 0 : (received.get() - 1) / ((last.get() - first.get()) / 1e9);
        System.out.printf("MQTT QoS %d, %d messages from one publisher: mosquitto_sub %d received, %.0f msg/s; "
                        + "iotj graph (mqtt source, MQTT 5) %d received, %.0f values/s (%.0f %% of mosquitto_sub); "
                        + "the publisher sent them in %.2f s%n",
                qos, n, stamps.size(), subRate, received.get(), iotjRate, 100 * iotjRate / subRate, publishSeconds);
    }

    private static void soak(int port, int seconds) throws Exception {
        String topic = TestGraphs.unique("soak") + "/v";
        AtomicLong received = new AtomicLong();
        java.util.function.Function<Object, Object> count = v -> {
            received.incrementAndGet();
            return null;
        };
        RunningGraph g = Runtimes.threads().start(TestGraphs.assemble("""
                soak() -> None {
                    v = mqtt(topic="%s", broker="mqtt://127.0.0.1:%d", qos=0, format="double");
                    w = window(in=v, window_size=100, step_size=100, function="len");
                    sink(in=w, function="count");
                }
                """.formatted(topic, port), Map.of("count", count)).graph());
        // An endless publisher: mosquitto_pub reads lines as fast as this thread writes them.
        Process pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(port), "-t", topic,
                "-q", "0", "-l").redirectErrorStream(true).start();
        Thread writer = Thread.ofPlatform().daemon().start(() -> {
            try (var w = pub.outputWriter(StandardCharsets.UTF_8)) {
                for (long i = 0; ; i++) {
                    w.write(Long.toString(i % 1000));
                    w.write('\n');
                }
            } catch (Exception e) {
                // the publisher ended
            }
        });
        var memory = ManagementFactory.getMemoryMXBean();
        long lastCount = 0;
        long lastTime = System.nanoTime();
        System.out.println("seconds, windows of 100 values received, values/s over the interval, heap used after GC (MB), dropped");
        for (int t = 30; t <= seconds; t += 30) {
            Thread.sleep(30_000);
            System.gc();
            long now = System.nanoTime();
            long c = received.get();
            var counts = TestGraphs.counts(g, "mqtt");
            System.out.printf("%d, %d, %.0f, %.1f, %d%n", t, c, (c - lastCount) * 100 / ((now - lastTime) / 1e9),
                    memory.getHeapMemoryUsage().getUsed() / 1e6, counts.dropped());
            lastCount = c;
            lastTime = now;
        }
        pub.destroyForcibly();
        writer.interrupt();
        g.stop();
    }

    private static void store(int n, Path dir) throws Exception {
        LocalServices.postgres();
        long t0 = 1_700_000_000_000L;
        List<Event<Object>> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(new Event<>("d" + (i % 100), t0 + i, t0 + i + 5, 20.0 + (i % 1000) / 100.0));
        }
        String table = "bench_" + TestGraphs.unique("t").replace('-', '_');
        for (String db : List.of("duckdb:" + dir.resolve("bench.duckdb"), LocalServices.POSTGRES)) {
            try (Store s = Store.open(db)) {
                s.write(table, events.subList(0, 1)); // the table exists before timing
                long start = System.nanoTime();
                for (int i = 1; i < n; i += 10_000) {
                    s.write(table, events.subList(i, Math.min(n, i + 10_000)));
                }
                double secs = (System.nanoTime() - start) / 1e9;
                System.out.printf("store into %s: %d rows in batches of 10000, %.0f rows/s%n",
                        db.startsWith("duckdb") ? "the embedded DuckDB" : "PostgreSQL", n - 1, (n - 1) / secs);
                s.query("DROP TABLE " + table);
            }
        }
        // PostgreSQL's own COPY of the same rows, from text prepared beforehand (only the server's work is timed).
        StringBuilder b = new StringBuilder();
        for (Event<Object> e : events) {
            b.append(e.key()).append('\t').append(java.time.Instant.ofEpochMilli(e.time())).append('\t')
                    .append(java.time.Instant.ofEpochMilli(e.arrival())).append('\t').append(e.value()).append('\n');
        }
        String text = b.toString();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
            c.createStatement().execute("CREATE TABLE " + table + " (key text, \"time\" timestamptz, arrival timestamptz, value double precision)");
            long start = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN (FORMAT text)", new StringReader(text));
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf("PostgreSQL COPY FROM STDIN of the same %d rows (one statement, text prepared beforehand): %.0f rows/s%n",
                    n, n / secs);
            c.createStatement().execute("DROP TABLE " + table);
        }
    }
}
