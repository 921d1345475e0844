package io.iotj.connect.mqtt;

import io.iotj.connect.PayloadEncoding;
import io.iotj.connect.TopicTemplate;
import io.iotj.stream.ConnectorStats;
import io.iotj.stream.IotStream;
import io.iotj.stream.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes each value of a stream to a topic (which may name parts of the value). A batch is done
 * when the broker has acknowledged it (QoS 1) or it was sent (QoS 0); while the broker is away the
 * client holds the messages and the part waits, so the graph slows rather than losing values.
 */
final class MqttPublish extends Operator implements ConnectorStats {
    private static final long WAIT_SECONDS = 60;

    private final MqttSession.Settings settings;
    private final TopicTemplate topic;
    private final PayloadEncoding encoding;
    private final int qos;
    private final boolean retain;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile Link link = Link.CONNECTING;
    private volatile String lastError;
    private MqttSession session;

    MqttPublish(IotStream<?> in, MqttSession.Settings settings, TopicTemplate topic, PayloadEncoding encoding, int qos,
                boolean retain) {
        super("mqtt_publish", List.of(in), List.of());
        this.settings = settings;
        this.topic = topic;
        this.encoding = encoding;
        this.qos = qos;
        this.retain = retain;
    }

    @Override
    public void open() {
        session = new MqttSession(settings, l -> link = l, p -> lastError = p);
        try {
            session.connect();
        } catch (RuntimeException e) {
            session.close();
            session = null;
            throw e;
        }
    }

    @Override
    public int step(int max) {
        IotStream.Reader<Object> r = reader(0);
        int n = r.acquire(max);
        if (n == 0) {
            return 0;
        }
        List<CompletableFuture<?>> sent = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Object v = r.get(i);
            try {
                sent.add(session.publish(topic.apply(v), encoding.encode(v), qos, retain));
            } catch (IllegalArgumentException e) {
                failed.incrementAndGet();
                lastError = "value " + v + " not published: " + e.getMessage();
            }
        }
        for (CompletableFuture<?> f : sent) {
            try {
                f.get(WAIT_SECONDS, TimeUnit.SECONDS);
                written.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Operator.Stopped();
            } catch (ExecutionException | TimeoutException e) {
                failed.incrementAndGet();
                lastError = "publishing to " + settings.address().display() + " failed: "
                        + MqttSession.reason(e instanceof ExecutionException ? e.getCause() : e);
            }
        }
        r.advance(n);
        return n;
    }

    @Override
    public void close() {
        link = Link.CLOSED;
        if (session != null) {
            session.close();
            session = null;
        }
    }

    @Override
    public Counts connectorCounts() {
        return new Counts(settings.address().display() + " " + topic, link, valuesIn(), 0, 0, written.get(), failed.get(), lastError);
    }
}
