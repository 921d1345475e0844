package io.iotj.connect.mqtt;

import static io.iotj.connect.TestGraphs.assemble;
import static io.iotj.connect.TestGraphs.await;
import static io.iotj.connect.TestGraphs.counts;
import static io.iotj.connect.TestGraphs.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.iotj.runtime.RunningGraph;
import io.iotj.runtime.Runtimes;
import io.iotj.stream.ConnectorStats;
import io.iotj.stream.Event;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A QoS 1 run through a private Mosquitto (a free loopback port, its own persistence directory)
 * that is restarted in the middle: the source says {@code reconnecting}, comes back, and every
 * value published arrives (at least once).
 */
class BrokerRestartTest {
    private static final int N = 2000;

    @TempDir
    Path dir;

    @Test
    void aBrokerRestartInTheMiddleOfAQos1RunLosesNothing() throws Exception {
        try (Mosquitto.Private broker = new Mosquitto.Private(dir)) {
            String topic = unique("restart") + "/seq";
            Set<Integer> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
            java.util.function.Function<Object, Object> collect = v -> {
                seen.add(((Double) ((Event<?>) v).value()).intValue());
                received.incrementAndGet();
                return null;
            };
            RunningGraph g = Runtimes.threads().start(assemble("""
                    read() -> None {
                        values = mqtt(topic="%s", broker="mqtt://127.0.0.1:%d", qos=1, format="double", client_id="%s");
                        sink(in=values, function="collect");
                    }
                    """.formatted(topic, broker.port, unique("reader")), java.util.Map.of("collect", collect)).graph());
            Mqtt5AsyncClient publisher = MqttClient.builder().useMqttVersion5().identifier(unique("writer"))
                    .serverHost("127.0.0.1").serverPort(broker.port).automaticReconnectWithDefaultConfig().buildAsync();
            publisher.connectWith().cleanStart(false).sessionExpiryInterval(3600).send().get(10, TimeUnit.SECONDS);
            try {
                List<CompletableFuture<?>> sent = new ArrayList<>();
                boolean sawReconnecting = false;
                for (int i = 0; i < N; i++) {
                    if (i == N / 2) {
                        broker.stop();
                        sawReconnecting = await(() -> counts(g, "mqtt").link() == ConnectorStats.Link.RECONNECTING,
                                Duration.ofSeconds(10));
                        // Back in a second; meanwhile the publisher holds what it is given (and, when
                        // its buffer is full, makes the loop below wait).
                        Thread.ofVirtual().start(() -> {
                            try {
                                Thread.sleep(1000);
                                broker.start();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
                    }
                    sent.add(publisher.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                            .payload(String.valueOf(i).getBytes(StandardCharsets.UTF_8)).send());
                    if (i % 50 == 0) {
                        Thread.sleep(5);
                    }
                }
                assertTrue(sawReconnecting, "the source says reconnecting while the broker is away: " + counts(g, "mqtt"));
                for (CompletableFuture<?> f : sent) {
                    f.get(60, TimeUnit.SECONDS);
                }
                assertTrue(await(() -> seen.size() == N, Duration.ofSeconds(60)),
                        "received " + seen.size() + " of " + N + ": " + counts(g, "mqtt"));
                assertEquals(new TreeSet<>(java.util.stream.IntStream.range(0, N).boxed().toList()), new TreeSet<>(seen));
                assertEquals(ConnectorStats.Link.CONNECTED, counts(g, "mqtt").link());
                System.out.println("broker restart: " + N + " published, " + received.get() + " received ("
                        + (received.get() - N) + " delivered twice, as QoS 1 allows)");
            } finally {
                publisher.disconnect();
                g.stop();
            }
        }
    }
}
