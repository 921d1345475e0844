package io.iotj.connect.mqtt;

import static io.iotj.connect.TestGraphs.assemble;
import static io.iotj.connect.TestGraphs.await;
import static io.iotj.connect.TestGraphs.counts;
import static io.iotj.connect.TestGraphs.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.assemble.AssemblyException;
import io.iotj.connect.LocalServices;
import io.iotj.connect.PayloadError;
import io.iotj.runtime.RunningGraph;
import io.iotj.runtime.Runtimes;
import io.iotj.stream.ConnectorStats;
import io.iotj.stream.Event;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mqtt source and sink against the machine's Mosquitto, with its own command-line clients on the other end. */
class MqttLeavesTest {

    @BeforeAll
    static void broker() throws Exception {
        LocalServices.mosquitto();
    }

    @Test
    void wildcardTopicsArriveAsEventsKeyedByTheirTopic() throws Exception {
        String root = unique("iotj-test");
        RunningGraph g = Runtimes.threads().start(assemble("""
                read() -> temps {
                    temps = mqtt(topic="%s/+/temp", qos=1, format="double", client_id="%s");
                }
                """.formatted(root, unique("c"))).graph());
        try {
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                a.add(String.valueOf(20 + i / 100.0));
                b.add(String.valueOf(-i));
            }
            Mosquitto.publishLines(1883, root + "/a/temp", 1, a);
            Mosquitto.publishLines(1883, root + "/b/temp", 1, b);
            Mosquitto.publishLines(1883, root + "/a/humidity", 1, List.of("55")); // not matched
            assertTrue(await(() -> g.out("temps").count() == 1000, Duration.ofSeconds(30)), "got " + g.out("temps").count());
            List<Object> values = g.out("temps").values();
            List<Object> fromA = values.stream().map(v -> (Event<?>) v).filter(e -> e.key().equals(root + "/a/temp"))
                    .map(Event::value).map(Object.class::cast).toList();
            assertEquals(a.stream().map(Double::valueOf).toList(), fromA, "in order, as numbers");
            Event<?> first = (Event<?>) values.get(0);
            assertTrue(Math.abs(first.arrival() - System.currentTimeMillis()) < 60_000 && first.time() == first.arrival());
            ConnectorStats.Counts c = counts(g, "mqtt");
            assertEquals(ConnectorStats.Link.CONNECTED, c.link());
            assertEquals(1000, c.in());
            assertEquals("mqtt://127.0.0.1:1883 " + root + "/+/temp", c.address());
        } finally {
            g.stop();
        }
        assertEquals(ConnectorStats.Link.CLOSED, counts(g, "mqtt").link(), "stopping the graph disconnects");
        assertTrue(await(() -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().startsWith("com.hivemq.client.mqtt") || t.getName().startsWith("iotj-mqtt")),
                Duration.ofSeconds(10)), "the client's threads end with the graph: " + Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName).filter(n -> n.contains("mqtt")).toList());
    }

    @Test
    void aThousandMalformedPayloadsAreCountedAndTheGoodOnesAllArrive() throws Exception {
        String topic = unique("iotj-test") + "/sensor";
        RunningGraph g = Runtimes.threads().start(assemble("""
                read() -> temps, bad {
                    temps, bad = mqtt(topic="%s", qos=1, format="json", fields=["temp:double", "meta.battery"], time="ts",
                                      client_id="%s");
                }
                """.formatted(topic, unique("c"))).graph());
        try {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                lines.add("{\"ts\": " + (1_700_000_000 + i) + ", \"temp\": " + i + ", \"meta\": {\"battery\": 0.5}}");
                lines.add(switch (i % 4) {
                    case 0 -> "{\"ts\": 1, \"temp\": ";                                    // cut short
                    case 1 -> "{\"ts\": 1, \"temp\": \"hot\", \"meta\": {\"battery\": 1}}"; // not a number
                    case 2 -> "{\"ts\": 1, \"temp\": 20}";                                  // missing field
                    default -> "just text " + i;
                });
            }
            Mosquitto.publishLines(1883, topic, 1, lines);
            assertTrue(await(() -> g.out("temps").count() == 1000 && g.out("bad").count() == 1000, Duration.ofSeconds(30)),
                    "good " + g.out("temps").count() + ", bad " + g.out("bad").count());
            List<Object> good = g.out("temps").values();
            for (int i = 0; i < 1000; i++) {
                Event<?> e = (Event<?>) good.get(i);
                assertEquals(Map.of("temp", (double) i, "meta.battery", 0.5), e.value());
                assertEquals((1_700_000_000L + i) * 1000, e.time(), "event time from the ts field (epoch seconds)");
            }
            List<Object> bad = g.out("bad").values();
            PayloadError notNumber = (PayloadError) bad.get(1);
            assertEquals(topic, notNumber.key());
            assertTrue(notNumber.raw().contains("\"hot\"") && notNumber.reason().equals("field temp is not a number: \"hot\""),
                    notNumber.toString());
            assertEquals("no field meta.battery", ((PayloadError) bad.get(2)).reason());
            assertTrue(((PayloadError) bad.get(0)).reason().startsWith("malformed JSON"), bad.get(0).toString());
            ConnectorStats.Counts c = counts(g, "mqtt");
            assertEquals(1000, c.in());
            assertEquals(1000, c.malformed());
            assertEquals(0, c.dropped());
        } finally {
            g.stop();
        }
    }

    @Test
    void qos1MessagesSentWhileTheGraphWasStoppedArriveWhenItStartsAgain() throws Exception {
        String topic = unique("iotj-test") + "/late";
        String template = """
                read() -> values {
                    values = mqtt(topic="%s", qos=1, client_id="%s");
                }
                """.formatted(topic, unique("persistent"));
        RunningGraph first = Runtimes.threads().start(assemble(template).graph());
        Mosquitto.publishLines(1883, topic, 1, List.of("before"));
        assertTrue(await(() -> first.out("values").count() == 1, Duration.ofSeconds(20)));
        first.stop();
        List<String> meanwhile = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            meanwhile.add("while away " + i);
        }
        Mosquitto.publishLines(1883, topic, 1, meanwhile);
        RunningGraph second = Runtimes.threads().start(assemble(template).graph());
        try {
            assertTrue(await(() -> second.out("values").count() == 50, Duration.ofSeconds(20)), "got " + second.out("values").count());
            assertEquals(meanwhile, second.out("values").values().stream().map(v -> ((Event<?>) v).value()).toList());
        } finally {
            second.stop();
        }
    }

    @Test
    void aGraphPublishesToTopicsNamedAfterItsValues() throws Exception {
        String root = unique("iotj-test");
        Process sub = Mosquitto.subscribe(1883, root + "/#", 1, 60);
        Thread.sleep(500); // mosquitto_sub subscribes
        RunningGraph g = Runtimes.threads().start(assemble("""
                fleet() -> None {
                    readings = sensors(devices=3, rate=10, speed=0, count=60, seed=3);
                    mqtt_publish(in=readings, topic="%s/{key}/temp", qos=1);
                }
                """.formatted(root)).graph());
        try {
            assertTrue(sub.waitFor(60, TimeUnit.SECONDS), "mosquitto_sub got its 60 messages");
            List<String> lines = new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertEquals(60, lines.size());
            Set<String> topics = new HashSet<>();
            for (String l : lines) {
                topics.add(l.substring(0, l.indexOf(' ')));
                String json = l.substring(l.indexOf(' ') + 1);
                assertTrue(json.matches("\\{\"key\":\"d\\d\",\"time\":\\d+,\"arrival\":\\d+,\"value\":-?\\d+\\.\\d+}"), json);
            }
            assertEquals(Set.of(root + "/d0/temp", root + "/d1/temp", root + "/d2/temp"), topics);
            assertTrue(await(() -> counts(g, "mqtt_publish").written() == 60, Duration.ofSeconds(10)));
            assertEquals(0, counts(g, "mqtt_publish").failed());
        } finally {
            g.stop();
            sub.destroyForcibly();
        }
    }

    @Test
    void aBrokerThatIsDownFailsTheStartNamingItsAddressNotThePassword() throws Exception {
        int port = LocalServices.freePort();
        var a = assemble("""
                read() -> values {
                    values = mqtt(topic="x/y", broker="mqtt://bob:sesame@127.0.0.1:%d");
                }
                """.formatted(port));
        MqttException e = assertThrows(MqttException.class, () -> Runtimes.threads().start(a.graph()));
        assertTrue(e.getMessage().startsWith("cannot connect to the MQTT broker mqtt://bob@127.0.0.1:" + port), e.getMessage());
        assertFalse(e.getMessage().contains("sesame"), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("refused"), e.getMessage());
    }

    @Test
    void badParametersAreRefusedAtAssembly() {
        AssemblyException e = assertThrows(AssemblyException.class, () -> assemble("""
                read() -> v { v = mqtt(topic="plant/te#mp"); }
                """));
        assertTrue(e.getMessage().contains("not a topic filter"), e.getMessage());
        e = assertThrows(AssemblyException.class, () -> assemble("""
                read() -> v { v = mqtt(topic="a", qos=2); }
                """));
        assertTrue(e.getMessage().contains("qos") && e.getMessage().contains("0 (at most once) or 1"), e.getMessage());
        e = assertThrows(AssemblyException.class, () -> assemble("""
                read() -> v { v = mqtt(topic="a", format="xml"); }
                """));
        assertTrue(e.getMessage().contains("format must be text, double, json or csv"), e.getMessage());
        e = assertThrows(AssemblyException.class, () -> assemble("""
                send(x) -> None { mqtt_publish(in=x, topic="alerts/{key"); }
                """));
        assertTrue(e.getMessage().contains("is not closed"), e.getMessage());
    }
}
