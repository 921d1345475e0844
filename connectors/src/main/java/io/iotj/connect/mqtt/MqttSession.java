package io.iotj.connect.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.auth.Mqtt3SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import io.iotj.stream.ConnectorStats.Link;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.net.ssl.TrustManagerFactory;

/**
 * One connection to an MQTT broker through the HiveMQ MQTT client, in MQTT 3.1.1 or 5: connects
 * (failing with the broker's address when it cannot), keeps a persistent session when asked (a
 * stable client id, so QoS 1 messages sent while iotj was away are delivered when it is back),
 * reconnects with backoff (100 ms doubling to 5 s) once it has been connected, and reports its
 * link state.
 */
final class MqttSession {
    /** A message received: its topic, payload, and how to acknowledge it. */
    record Message(String topic, byte[] payload, Runnable ack) { }

    /** How the session is set up. */
    record Settings(MqttAddress address, String clientId, int version, boolean persistent, String ca, int receiveMaximum) { }

    private static final long CONNECT_SECONDS = 10;

    private final Settings settings;
    private final Consumer<Link> links;
    private final Consumer<String> problems;
    private volatile boolean connectedOnce;
    private volatile boolean closing;
    private Mqtt3AsyncClient v3;
    private Mqtt5AsyncClient v5;
    private io.reactivex.disposables.Disposable incoming;

    MqttSession(Settings settings, Consumer<Link> links, Consumer<String> problems) {
        this.settings = settings;
        this.links = links;
        this.problems = problems;
    }

    /**
     * Connects.
     *
     * @throws MqttException naming the broker when it cannot be reached or refuses
     */
    void connect() {
        connect(null);
    }

    /**
     * Connects, handing every message the client receives to {@code handler} (in the client's
     * thread; acknowledged only when its {@code ack} runs). The handler is in place before the
     * connection, so the messages a persistent session kept while iotj was away are not missed.
     */
    void connect(Consumer<Message> handler) {
        MqttAddress a = settings.address();
        MqttClientBuilder b = MqttClient.builder().identifier(settings.clientId()).serverHost(a.host()).serverPort(a.port())
                .addConnectedListener(ctx -> {
                    connectedOnce = true;
                    links.accept(Link.CONNECTED);
                })
                .addDisconnectedListener(ctx -> {
                    if (closing || ctx.getSource() == MqttDisconnectSource.USER) {
                        links.accept(Link.CLOSED);
                        return;
                    }
                    if (!connectedOnce) {
                        return; // the first connect failed: open() reports it
                    }
                    problems.accept("lost the connection to " + a.display() + ": " + reason(ctx.getCause()));
                    links.accept(Link.RECONNECTING);
                    int attempts = ctx.getReconnector().getAttempts();
                    long delay = Math.min(5000, 100L << Math.min(6, attempts));
                    ctx.getReconnector().reconnect(true).delay(delay, TimeUnit.MILLISECONDS);
                });
        if (a.tls()) {
            b = b.sslConfig(ssl());
        }
        CompletableFuture<?> connected;
        if (settings.version() == 5) {
            var b5 = b.useMqttVersion5();
            if (a.user() != null) {
                b5 = b5.simpleAuth(Mqtt5SimpleAuth.builder().username(a.user())
                        .password(a.password() == null ? new byte[0] : a.password().getBytes(StandardCharsets.UTF_8)).build());
            }
            v5 = b5.buildAsync();
            if (handler != null) {
                // A flow that can be cancelled: an open flow keeps the client's network thread alive.
                incoming = v5.toRx().publishes(MqttGlobalPublishFilter.ALL, true).subscribe(
                        p -> handler.accept(new Message(p.getTopic().toString(), p.getPayloadAsBytes(), p::acknowledge)),
                        e -> problems.accept("receiving from " + a.display() + " failed: " + reason(e)));
            }
            connected = v5.connectWith().cleanStart(!settings.persistent())
                    .sessionExpiryInterval(settings.persistent() ? 7 * 24 * 3600 : 0).keepAlive(30)
                    .restrictions().receiveMaximum(settings.receiveMaximum()).applyRestrictions()
                    .send();
        } else {
            var b3 = b.useMqttVersion3();
            if (a.user() != null) {
                b3 = b3.simpleAuth(Mqtt3SimpleAuth.builder().username(a.user())
                        .password(a.password() == null ? new byte[0] : a.password().getBytes(StandardCharsets.UTF_8)).build());
            }
            v3 = b3.buildAsync();
            if (handler != null) {
                incoming = v3.toRx().publishes(MqttGlobalPublishFilter.ALL, true).subscribe(
                        p -> handler.accept(new Message(p.getTopic().toString(), p.getPayloadAsBytes(), p::acknowledge)),
                        e -> problems.accept("receiving from " + a.display() + " failed: " + reason(e)));
            }
            connected = v3.connectWith().cleanSession(!settings.persistent()).keepAlive(30).send();
        }
        await(connected, "cannot connect to the MQTT broker " + a.display());
    }

    private MqttClientSslConfig ssl() {
        if (settings.ca() == null) {
            return MqttClientSslConfig.builder().build(); // the JDK's trusted authorities
        }
        try (InputStream in = Files.newInputStream(Path.of(settings.ca()))) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            return MqttClientSslConfig.builder().trustManagerFactory(tmf).build();
        } catch (Exception e) {
            throw new MqttException("cannot read the CA certificate " + settings.ca() + ": " + reason(e), e);
        }
    }

    /** Subscribes to {@code filter}; its messages go to the handler given to {@link #connect(Consumer)}. */
    void subscribe(String filter, int qos) {
        CompletableFuture<?> done;
        if (v5 != null) {
            done = v5.subscribeWith().topicFilter(filter).qos(MqttQos.fromCode(qos)).send();
        } else {
            done = v3.subscribeWith().topicFilter(filter).qos(MqttQos.fromCode(qos)).send();
        }
        await(done, "the MQTT broker " + settings.address().display() + " refused the subscription to " + filter);
    }

    /** Publishes; the future completes when the broker has it (QoS 1) or it was sent (QoS 0). */
    CompletableFuture<?> publish(String topic, byte[] payload, int qos, boolean retain) {
        if (v5 != null) {
            return v5.publishWith().topic(topic).qos(MqttQos.fromCode(qos)).retain(retain).payload(payload).send();
        }
        return v3.publishWith().topic(topic).qos(MqttQos.fromCode(qos)).retain(retain).payload(payload).send();
    }

    /** Disconnects (the session stays on the broker when it is persistent); waits at most 5 s. */
    void close() {
        closing = true;
        CompletableFuture<Void> done = v5 != null ? v5.disconnect() : v3 != null ? v3.disconnect() : null;
        if (done != null) {
            try {
                done.get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // not connected any more, or the broker is gone: nothing to close
            }
        }
        if (incoming != null) {
            incoming.dispose(); // lets the client release its network thread
            incoming = null;
        }
    }

    private static void await(CompletableFuture<?> f, String what) {
        try {
            f.get(CONNECT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqttException(what + ": interrupted", e);
        } catch (ExecutionException e) {
            throw new MqttException(what + ": " + reason(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new MqttException(what + ": no answer within " + CONNECT_SECONDS + " s", e);
        }
    }

    /** The innermost message, without Java class names. */
    static String reason(Throwable t) {
        if (t == null) {
            return "unknown reason";
        }
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        m = m.replaceAll("(\\w+\\.)+\\w+(Exception|Error)(\\$\\w+)?:\\s*", "");
        return MqttAddress.mask(m.strip());
    }
}
