package io.iotj.connect.amqp;

import static io.iotj.connect.TestGraphs.assemble;
import static io.iotj.connect.TestGraphs.await;
import static io.iotj.connect.TestGraphs.counts;
import static io.iotj.connect.TestGraphs.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.iotj.connect.LocalServices;
import io.iotj.runtime.RunningGraph;
import io.iotj.runtime.Runtimes;
import io.iotj.stream.Event;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The amqp source and sink against the machine's RabbitMQ. */
class AmqpLeavesTest {

    @BeforeAll
    static void broker() throws Exception {
        LocalServices.rabbitmq();
    }

    private static Connection connect() throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri("amqp://guest:guest@127.0.0.1:5672");
        return f.newConnection("iotj test");
    }

    @Test
    void aMessageIsAcknowledgedOnlyOnceTheGraphTookItAndPrefetchBoundsWhatIsTaken() throws Exception {
        String queue = unique("iotj-test-q");
        CountDownLatch release = new CountDownLatch(1);
        Function<Object, Object> stuck = v -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        };
        try (Connection c = connect(); Channel ch = c.createChannel()) {
            ch.queueDeclare(queue, true, false, true, null);
            for (int i = 0; i < 50_000; i++) {
                ch.basicPublish("", queue, null, ("m" + i).getBytes(StandardCharsets.UTF_8));
            }
            RunningGraph g = Runtimes.threads().start(assemble("""
                    orders() -> None {
                        msgs = amqp(queue="%s", prefetch=100);
                        sink(in=msgs, function="stuck");
                    }
                    """.formatted(queue), java.util.Map.of("stuck", stuck)).graph());
            try {
                // The sink is stuck: the source fills the stream between them, then waits; the rest stays queued.
                assertTrue(await(() -> counts(g, "amqp").in() > 1000, Duration.ofSeconds(30)),
                        counts(g, "amqp") + "; graph " + g.status());
                // Until the stream to the sink is full the source keeps taking: look once it has stopped.
                long[] last = {-1};
                assertTrue(await(() -> {
                    long now = counts(g, "amqp").in();
                    boolean still = now == last[0];
                    last[0] = now;
                    if (!still) {
                        try {
                            Thread.sleep(500);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return still;
                }, Duration.ofSeconds(60)), counts(g, "amqp") + "; graph " + g.status());
                long taken = counts(g, "amqp").in();
                long queued = ch.queueDeclarePassive(queue).getMessageCount();
                assertTrue(queued >= 50_000 - taken - 100 && taken < 50_000, "taken " + taken + ", still queued " + queued);
                release.countDown();
                assertTrue(await(() -> counts(g, "amqp").in() == 50_000, Duration.ofSeconds(60)), String.valueOf(counts(g, "amqp")));
                assertTrue(await(() -> {
                    try {
                        return ch.queueDeclarePassive(queue).getMessageCount() == 0;
                    } catch (Exception e) {
                        return false;
                    }
                }, Duration.ofSeconds(10)));
            } finally {
                release.countDown();
                g.stop();
            }
            ch.queueDelete(queue);
        }
    }

    @Test
    void aGraphPublishesWithConfirmsAndAnotherReadsIt() throws Exception {
        String queue = unique("iotj-test-q");
        RunningGraph reader = Runtimes.threads().start(assemble("""
                read() -> readings { readings = amqp(queue="%s", format="json"); }
                """.formatted(queue)).graph());
        RunningGraph writer = Runtimes.threads().start(assemble("""
                send() -> None {
                    readings = sensors(devices=4, speed=0, count=500, seed=2);
                    amqp_publish(in=readings, exchange="", routing_key="%s");
                }
                """.formatted(queue)).graph());
        try {
            assertTrue(await(() -> reader.out("readings").count() == 500, Duration.ofSeconds(30)));
            // The reader may have all 500 before the writer has the broker's last confirms.
            assertTrue(await(() -> counts(writer, "amqp_publish").written() == 500, Duration.ofSeconds(30)),
                    String.valueOf(counts(writer, "amqp_publish")));
            Event<?> e = (Event<?>) reader.out("readings").values().get(0);
            assertTrue(e.value() instanceof java.util.Map<?, ?> m && m.get("key").equals("d0") && m.get("value") instanceof Double,
                    String.valueOf(e));
        } finally {
            writer.stop();
            reader.stop();
        }
        try (Connection c = connect(); Channel ch = c.createChannel()) {
            ch.queueDelete(queue);
        }
    }

    @Test
    void aBrokerThatIsDownFailsTheStartWithoutThePassword() throws Exception {
        int port = LocalServices.freePort();
        var a = assemble("""
                read() -> m { m = amqp(queue="q", broker="amqp://guest:letmein@127.0.0.1:%d"); }
                """.formatted(port));
        RuntimeException e = assertThrows(RuntimeException.class, () -> Runtimes.threads().start(a.graph()));
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        assertFalse(e.getMessage().contains("letmein"), e.getMessage());
    }
}
