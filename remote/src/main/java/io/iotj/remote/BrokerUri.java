package io.iotj.remote;

import java.net.URI;
import java.net.URISyntaxException;

/** Broker addresses as users write them, and as they may be shown: never with the password. */
public final class BrokerUri {
    /** The broker used when neither {@code --broker} nor {@code IOTJ_BROKER} says otherwise. */
    public static final String DEFAULT = "amqp://guest:guest@127.0.0.1:5672";

    private BrokerUri() {}

    /** {@code --broker} if given, else {@code IOTJ_BROKER}, else {@link #DEFAULT}. */
    public static String resolve(String given) {
        if (given != null && !given.isBlank()) return given;
        String env = System.getenv("IOTJ_BROKER");
        return env != null && !env.isBlank() ? env : DEFAULT;
    }

    /**
     * The URI with its password replaced by {@code ****} (also inside any text, e.g. an exception
     * message that quotes the URI).
     */
    public static String mask(String text) {
        if (text == null) return null;
        // any scheme: a mistyped "http://user:pass@host" must not leak either. The password runs to
        // the last '@' of the address (a host has none), so an unescaped '/' or '@' in it is masked too.
        return text.replaceAll("([A-Za-z][A-Za-z0-9+.\\-]*://[^:/@\\s]*):\\S*@", "$1:****@");
    }

    /** Checks that {@code uri} is an amqp or amqps URI; the error message never contains the password. */
    public static void check(String uri) {
        try {
            URI u = new URI(uri);
            if (!"amqp".equals(u.getScheme()) && !"amqps".equals(u.getScheme()))
                throw new IllegalArgumentException("broker URI must start with amqp:// or amqps://, got " + mask(uri));
            if (u.getHost() == null) throw new IllegalArgumentException("broker URI has no host: " + mask(uri));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a broker URI: " + mask(uri));
        }
    }
}
