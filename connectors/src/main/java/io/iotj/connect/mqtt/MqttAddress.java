package io.iotj.connect.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * An MQTT broker: {@code mqtt://host:port} (1883 by default), {@code mqtts://host:port} for TLS
 * (8883), with an optional {@code user:password@}. The password is never shown.
 *
 * @param host     the broker's host
 * @param port     its port
 * @param tls      true for TLS
 * @param user     the user, or {@code null}
 * @param password the password, or {@code null}
 */
public record MqttAddress(String host, int port, boolean tls, String user, String password) {
    /** The broker used when none is given. */
    public static final String DEFAULT = "mqtt://127.0.0.1:1883";

    /**
     * Reads a broker address; {@code user}/{@code password} given apart win over those in it.
     *
     * @throws IllegalArgumentException saying what is wrong, never echoing a password
     */
    public static MqttAddress parse(String broker, String user, String password, boolean tls) {
        String s = broker == null || broker.isBlank() ? DEFAULT : broker.strip();
        if (!s.contains("://")) {
            s = "mqtt://" + s;
        }
        URI u;
        try {
            u = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a broker address: " + mask(s) + " (" + e.getReason() + ")");
        }
        String scheme = u.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean secure = tls || scheme.equals("mqtts") || scheme.equals("ssl");
        if (!(scheme.equals("mqtt") || scheme.equals("tcp") || scheme.equals("mqtts") || scheme.equals("ssl"))) {
            throw new IllegalArgumentException("a broker address starts with mqtt:// or mqtts://, was " + mask(s));
        }
        if (u.getHost() == null) {
            throw new IllegalArgumentException("the broker address " + mask(s) + " names no host; e.g. mqtt://127.0.0.1:1883");
        }
        String uUser = null;
        String uPassword = null;
        if (u.getRawUserInfo() != null) {
            String[] ui = u.getRawUserInfo().split(":", 2);
            uUser = URLDecoder.decode(ui[0], StandardCharsets.UTF_8);
            uPassword = ui.length > 1 ? URLDecoder.decode(ui[1], StandardCharsets.UTF_8) : null;
        }
        int port = u.getPort() > 0 ? u.getPort() : secure ? 8883 : 1883;
        return new MqttAddress(u.getHost(), port, secure, user != null ? user : uUser, password != null ? password : uPassword);
    }

    static String mask(String s) {
        return s.replaceAll("://([^:/@]*):[^@]*@", "://$1:****@");
    }

    /** As people read it: {@code mqtt://user@127.0.0.1:1883}, without the password. */
    public String display() {
        return (tls ? "mqtts://" : "mqtt://") + (user == null ? "" : user + "@") + host + ":" + port;
    }

    @Override
    public String toString() {
        return display();
    }
}
