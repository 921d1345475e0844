package io.iotj.connect.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import io.iotj.stream.ConnectorStats.Link;
import java.util.function.Consumer;

/**
 * One connection and channel to a RabbitMQ broker with RabbitMQ's own client: opened when the
 * graph starts (failing with the broker's address, never its password), recovered automatically
 * (connection, channel, consumers) when the broker goes away and comes back.
 */
final class AmqpLink {
    /** The broker used when none is given. */
    static final String DEFAULT = "amqp://guest:guest@127.0.0.1:5672";

    final String display;
    private final String uri;
    private Connection connection;
    Channel channel;

    AmqpLink(String uri) {
        this.uri = uri == null || uri.isBlank() ? DEFAULT : uri.strip();
        this.display = mask(this.uri);
    }

    static String mask(String s) {
        return s.replaceAll("://([^:/@]*):[^@]*@", "://$1:****@");
    }

    /** Checks the address without connecting. */
    static void check(String uri) {
        try {
            new ConnectionFactory().setUri(uri == null || uri.isBlank() ? DEFAULT : uri.strip());
        } catch (Exception e) {
            throw new IllegalArgumentException("not a RabbitMQ address: " + mask(String.valueOf(uri))
                    + " (e.g. amqp://guest:guest@127.0.0.1:5672)");
        }
    }

    void open(String name, Consumer<Link> links) {
        try {
            ConnectionFactory f = new ConnectionFactory();
            f.setUri(uri);
            f.setAutomaticRecoveryEnabled(true);
            f.setTopologyRecoveryEnabled(true);
            f.setNetworkRecoveryInterval(1000);
            f.setConnectionTimeout(10_000);
            connection = f.newConnection(name);
            channel = connection.createChannel();
            ((Recoverable) connection).addRecoveryListener(new RecoveryListener() {
                @Override
                public void handleRecovery(Recoverable r) {
                    links.accept(Link.CONNECTED);
                }

                @Override
                public void handleRecoveryStarted(Recoverable r) {
                    links.accept(Link.RECONNECTING);
                }
            });
            connection.addShutdownListener(cause -> {
                if (!cause.isInitiatedByApplication()) {
                    links.accept(Link.RECONNECTING);
                }
            });
            links.accept(Link.CONNECTED);
        } catch (Exception e) {
            close();
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new AmqpException("cannot connect to the RabbitMQ broker " + display + ": " + mask(m), e);
        }
    }

    /** True when {@code queue} exists (asked on a channel of its own: a failed check closes its channel). */
    boolean queueExists(String queue) {
        try (Channel probe = connection.createChannel()) {
            probe.queueDeclarePassive(queue);
            return true;
        } catch (java.io.IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
            return false;
        }
    }

    void close() {
        try {
            if (connection != null && connection.isOpen()) {
                connection.close(5000);
            }
        } catch (Exception e) {
            // closing
        }
        connection = null;
        channel = null;
    }

    /** A broker that cannot be reached or refuses; names it without its password. */
    static final class AmqpException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AmqpException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
