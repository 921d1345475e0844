package io.iotj.connect.mqtt;

import io.iotj.connect.Overflow;
import io.iotj.connect.PayloadFormat;
import io.iotj.connect.PushSource;
import io.iotj.stream.IotStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Messages of an MQTT topic filter (wildcards {@code +} and {@code #} allowed) as events keyed by
 * their topic. A QoS 1 message is acknowledged once it is in the source's bounded inbox; when the
 * inbox is full the source waits before acknowledging, so a slow graph slows the broker's
 * deliveries (the broker queues them for the session; Mosquitto keeps {@code max_queued_messages},
 * 1000 by default, per client). QoS 0 messages that find the inbox full push out the oldest
 * waiting one, counted as dropped.
 */
final class MqttSource extends PushSource {
    private final MqttSession.Settings settings;
    private final String filter;
    private final int qos;
    private MqttSession session;
    private ExecutorService handoff;
    private final AtomicInteger waiting = new AtomicInteger();

    MqttSource(IotStream<Object> out, IotStream<Object> errors, PayloadFormat format, MqttSession.Settings settings,
               String filter, int qos, int capacity, Overflow overflow) {
        super("mqtt", out, errors, format, capacity, overflow);
        this.settings = settings;
        this.filter = filter;
        this.qos = qos;
    }

    @Override
    protected String address() {
        return settings.address().display() + " " + filter;
    }

    @Override
    public void open() {
        // When the inbox is full, messages wait in a thread of this source's own, in order, never in
        // the client's network threads that other connections share.
        handoff = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("iotj-mqtt-" + filter).factory());
        session = new MqttSession(settings, this::link, this::problem);
        try {
            session.connect(this::arrived);
            session.subscribe(filter, qos);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * A message from the client's thread. Once it is in the inbox (the graph's bounded buffer) it is
     * acknowledged and the broker may send the next. When the inbox is full, it and the messages
     * after it (in order) wait in this source's own thread, unacknowledged: they hold the broker's
     * in-flight window, and the broker queues the rest for this session.
     */
    private void arrived(MqttSession.Message m) {
        Raw r = new Raw(m.topic(), new String(m.payload(), StandardCharsets.UTF_8), System.currentTimeMillis(), null);
        if (waiting.get() == 0 && tryReceive(r)) {
            m.ack().run();
            return;
        }
        waiting.incrementAndGet();
        handoff.execute(() -> {
            try {
                receive(r);
                m.ack().run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.decrementAndGet();
            }
        });
    }

    @Override
    public void close() {
        super.close();
        if (session != null) {
            session.close();
            session = null;
        }
        if (handoff != null) {
            handoff.shutdownNow();
            handoff = null;
        }
    }
}
