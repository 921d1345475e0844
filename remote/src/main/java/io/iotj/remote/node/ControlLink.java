package io.iotj.remote.node;

import com.google.gson.JsonObject;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.iotj.remote.security.RefusedMessage;
import io.iotj.remote.security.SignedMessage;
import io.iotj.remote.security.Signer;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Signed control messages over one channel: {@link #send} signs, {@link #consume} verifies and
 * passes on only what verifies; what does not is handed to the refusal callback and never run.
 */
public final class ControlLink implements AutoCloseable {
    private final Channel channel;
    private final Signer signer;
    private final String self;

    /** Opens a channel on {@code connection} and declares the control exchanges. */
    public ControlLink(Connection connection, Signer signer, String self) throws IOException {
        this.channel = connection.createChannel();
        this.signer = signer;
        this.self = self;
        channel.exchangeDeclare(ControlNames.COMMANDS, "direct", true);
        channel.exchangeDeclare(ControlNames.EVENTS, "topic", true);
    }

    /** The channel (for declaring further queues). */
    public Channel channel() {
        return channel;
    }

    /** Signs and publishes a message to {@code exchange} with {@code routingKey}. */
    public synchronized void send(String exchange, String routingKey, String type, JsonObject body, boolean persistent) throws IOException {
        Signer.Signed s = signer.sign(type, self, destination(exchange, routingKey), body);
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .deliveryMode(persistent ? 2 : 1)
                // a node refuses it after the signer's window anyway: let the broker drop it by then,
                // so commands nobody takes (a node that went away) do not pile up
                .expiration(Long.toString(Signer.DEFAULT_MAX_SKEW_MILLIS))
                .headers(Map.of(Signer.HEADER, s.signature()))
                .build();
        channel.basicPublish(exchange, routingKey, props, s.bytes());
    }

    /**
     * Consumes {@code queue} (auto-ack: a command is taken once; a node that dies while handling one
     * is noticed by its missing heartbeat). Verified messages go to {@code accept}, refused ones to
     * {@code refuse} with the reason.
     *
     * @return the consumer tag
     */
    public String consume(String queue, boolean exclusive, Consumer<SignedMessage> accept, Consumer<String> refuse) throws IOException {
        return consume(queue, exclusive, null, accept, refuse);
    }

    /**
     * As {@link #consume(String, boolean, Consumer, Consumer)}, but refuses, unverified, whatever
     * arrives with a routing key not in {@code keys} (null: any key). A node takes commands only
     * from its own address: one that came by another key (the old shared {@code assemble} key, for
     * one) was not meant for it alone, whoever signed it.
     *
     * @return the consumer tag
     */
    public String consume(String queue, boolean exclusive, Set<String> keys, Consumer<SignedMessage> accept,
                          Consumer<String> refuse) throws IOException {
        return channel.basicConsume(queue, true, "", false, exclusive, null, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body) {
                if (keys != null && !keys.contains(env.getRoutingKey())) {
                    refuse.accept("sent to key '" + env.getRoutingKey() + "', not to this node's own address " + keys
                            + ": commands are taken only when addressed to this node (on " + queue + ")");
                    return;
                }
                Object sig = props.getHeaders() == null ? null : props.getHeaders().get(Signer.HEADER);
                SignedMessage m;
                try {
                    m = signer.verify(body, sig, destination(env.getExchange(), env.getRoutingKey()));
                } catch (RefusedMessage e) {
                    refuse.accept(e.getMessage() + " (on " + queue + ", key " + env.getRoutingKey() + ")");
                    return;
                }
                accept.accept(m);
            }
        });
    }

    /**
     * The address a message is signed for and checked against on delivery: a receiver refuses a
     * message published elsewhere than its sender addressed it.
     */
    public static String destination(String exchange, String routingKey) {
        return exchange + "/" + routingKey;
    }

    @Override
    public void close() {
        try {
            if (channel.isOpen()) channel.close();
        } catch (IOException | java.util.concurrent.TimeoutException | com.rabbitmq.client.ShutdownSignalException ignored) {
            // already closed
        }
    }
}
