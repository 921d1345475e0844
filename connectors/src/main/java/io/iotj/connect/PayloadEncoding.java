package io.iotj.connect;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.iotj.stream.Event;
import io.iotj.stream.Tuple;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a sink writes a value as a message: {@code json} (an event as {@code {"key", "time",
 * "arrival", "value"}}, maps and records as objects, tuples and lists as arrays), {@code text}
 * (the value, or an event's value, as text), {@code double} (a number as text; anything else fails).
 */
public enum PayloadEncoding {
    JSON, TEXT, DOUBLE;

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();

    /** Reads {@code json}, {@code text} or {@code double}. */
    public static PayloadEncoding of(String word) {
        try {
            return valueOf(word.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format must be json, text or double, was \"" + word + "\"");
        }
    }

    /**
     * The message for {@code value}.
     *
     * @throws IllegalArgumentException when the value cannot be written in this format
     */
    public byte[] encode(Object value) {
        return text(value).getBytes(StandardCharsets.UTF_8);
    }

    /** The message text for {@code value}. */
    public String text(Object value) {
        Object payload = value instanceof Event<?> e ? e.value() : value;
        return switch (this) {
            case JSON -> GSON.toJson(plain(value));
            case TEXT -> String.valueOf(payload);
            case DOUBLE -> {
                if (!(payload instanceof Number n)) {
                    throw new IllegalArgumentException("not a number: " + payload);
                }
                yield String.valueOf(n.doubleValue());
            }
        };
    }

    /** A value as maps, lists and plain values, which Gson writes as JSON. */
    static Object plain(Object v) {
        if (v instanceof Event<?> e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", e.key());
            m.put("time", e.time());
            m.put("arrival", e.arrival());
            m.put("value", plain(e.value()));
            return m;
        }
        if (v instanceof Tuple || v instanceof List<?> || v instanceof Object[]) {
            List<Object> out = new ArrayList<>();
            for (Object x : Tuple.itemsOf(v)) {
                out.add(plain(x));
            }
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> x : m.entrySet()) {
                out.put(String.valueOf(x.getKey()), plain(x.getValue()));
            }
            return out;
        }
        if (v instanceof Record r) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    out.put(c.getName(), plain(c.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    out.put(c.getName(), null);
                }
            }
            return out;
        }
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) {
            return v;
        }
        return String.valueOf(v);
    }
}
