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
import java.util.function.Consumer;

/**
 * Signed control messages over one channel: {@link #send} signs, {@link #consume} verifies and
 * passes on only what verifies; what does not is handed to the refusal callback and never run.
 */
public final class ControlLink implements AutoCloseable {
    private final Channel channel;
    private final Signer signer;
    private final String self;

    /** Opens a channel on {@code connection} and declares the control exchanges and the shared assemble queue. */
    public ControlLink(Connection connection, Signer signer, String self) throws IOException {
        this.channel = connection.createChannel();
        this.signer = signer;
        this.self = self;
        channel.exchangeDeclare(ControlNames.COMMANDS, "direct", true);
        channel.exchangeDeclare(ControlNames.EVENTS, "topic", true);
        channel.queueDeclare(ControlNames.ASSEMBLE_QUEUE, true, false, false, null);
        channel.queueBind(ControlNames.ASSEMBLE_QUEUE, ControlNames.COMMANDS, ControlNames.ASSEMBLE_KEY);
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
                // so commands nobody takes (no node consumes the shared queue) do not pile up
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
        return channel.basicConsume(queue, true, "", false, exclusive, null, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body) {
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
