package io.iotj.connect.amqp;

import com.rabbitmq.client.DeliverCallback;
import io.iotj.connect.Overflow;
import io.iotj.connect.PayloadFormat;
import io.iotj.connect.PushSource;
import io.iotj.stream.IotStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Messages of a RabbitMQ queue. A message is acknowledged only once the graph has taken it (written
 * it to the source's stream); at most {@code prefetch} messages are delivered and not yet
 * acknowledged, so a slow graph leaves the rest in the queue. Values are keyed by routing key.
 */
final class AmqpSource extends PushSource {
    private final AmqpLink link;
    private final String queue;
    private final int prefetch;
    private final boolean declare;

    AmqpSource(IotStream<Object> out, IotStream<Object> errors, PayloadFormat format, String broker, String queue,
               int prefetch, boolean declare) {
        super("amqp", out, errors, format, prefetch, Overflow.BLOCK);
        this.link = new AmqpLink(broker);
        this.queue = queue;
        this.prefetch = prefetch;
        this.declare = declare;
    }

    @Override
    protected String address() {
        return link.display + " queue " + queue;
    }

    @Override
    public void open() {
        link.open("iotj amqp " + queue, this::link);
        try {
            if (declare && !link.queueExists(queue)) {
                link.channel.queueDeclare(queue, true, false, false, null); // a durable queue, kept when iotj stops
            }
            link.channel.basicQos(prefetch);
            var channel = link.channel;
            DeliverCallback deliver = (tag, d) -> {
                long t = d.getEnvelope().getDeliveryTag();
                String key = d.getEnvelope().getRoutingKey();
                try {
                    receive(new Raw(key == null || key.isEmpty() ? queue : key, new String(d.getBody(), StandardCharsets.UTF_8),
                            System.currentTimeMillis(), () -> {
                                try {
                                    channel.basicAck(t, false);
                                } catch (IOException | RuntimeException e) {
                                    problem("acknowledging a message of " + queue + " failed: " + e.getMessage());
                                }
                            }));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            channel.basicConsume(queue, false, deliver, consumerTag -> { });
        } catch (IOException | RuntimeException e) {
            String m = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : String.valueOf(e.getMessage());
            link.close();
            throw new AmqpLink.AmqpException("cannot consume the queue " + queue + " on " + link.display + ": " + AmqpLink.mask(m), e);
        }
    }

    @Override
    public void close() {
        super.close();
        link.close();
    }
}
