package io.iotj.connect.amqp;

import com.rabbitmq.client.MessageProperties;
import io.iotj.connect.PayloadEncoding;
import io.iotj.connect.TopicTemplate;
import io.iotj.stream.ConnectorStats;
import io.iotj.stream.IotStream;
import io.iotj.stream.Operator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes each value of a stream to a RabbitMQ exchange with a routing key (which may name parts
 * of the value), persistent, with publisher confirms: a batch is done when the broker confirmed it.
 */
final class AmqpPublish extends Operator implements ConnectorStats {
    private final AmqpLink link;
    private final String exchange;
    private final TopicTemplate routingKey;
    private final PayloadEncoding encoding;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile Link state = Link.CONNECTING;
    private volatile String lastError;

    AmqpPublish(IotStream<?> in, String broker, String exchange, TopicTemplate routingKey, PayloadEncoding encoding) {
        super("amqp_publish", List.of(in), List.of());
        this.link = new AmqpLink(broker);
        this.exchange = exchange;
        this.routingKey = routingKey;
        this.encoding = encoding;
    }

    @Override
    public void open() {
        link.open("iotj amqp_publish " + exchange, l -> state = l);
        try {
            link.channel.confirmSelect();
        } catch (Exception e) {
            link.close();
            throw new AmqpLink.AmqpException("cannot publish to " + link.display + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int step(int max) {
        IotStream.Reader<Object> r = reader(0);
        int n = r.acquire(max);
        if (n == 0) {
            return 0;
        }
        int sent = 0;
        try {
            for (int i = 0; i < n; i++) {
                Object v = r.get(i);
                try {
                    link.channel.basicPublish(exchange, routingKey.apply(v), MessageProperties.PERSISTENT_BASIC, encoding.encode(v));
                    sent++;
                } catch (IllegalArgumentException e) {
                    failed.incrementAndGet();
                    lastError = "value " + v + " not published: " + e.getMessage();
                }
            }
            if (sent > 0) {
                link.channel.waitForConfirmsOrDie(60_000);
            }
            written.addAndGet(sent);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Operator.Stopped();
        } catch (java.io.IOException | TimeoutException | RuntimeException e) {
            failed.addAndGet(sent);
            lastError = "publishing to " + link.display + " failed: " + e.getMessage();
        }
        r.advance(n);
        return n;
    }

    @Override
    public void close() {
        state = Link.CLOSED;
        link.close();
    }

    @Override
    public Counts connectorCounts() {
        return new Counts(link.display + " exchange \"" + exchange + "\" " + routingKey, state, valuesIn(), 0, 0, written.get(),
                failed.get(), lastError);
    }
}
