package io.iotj.kernel.wire;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON content of a message we send, built as a map: the basekernel's reply classes
 * lack fields the protocol asks for ({@code status} of history, shutdown and interrupt
 * replies) and serialize history entries as objects instead of tuples.
 */
public final class Content extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;

    /** Content from alternating keys and values. */
    public static Content of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("keys and values must pair up");
        Content c = new Content();
        for (int i = 0; i < keysAndValues.length; i += 2) c.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return c;
    }

    /** {@code status: ok} followed by the given entries. */
    public static Content ok(Object... keysAndValues) {
        Content c = of("status", "ok");
        c.putAll(of(keysAndValues));
        return c;
    }

    public Content with(String key, Object value) {
        put(key, value);
        return this;
    }

    public Content withAll(Map<String, ?> entries) {
        putAll(entries);
        return this;
    }
}
