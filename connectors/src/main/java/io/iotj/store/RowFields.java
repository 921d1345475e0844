package io.iotj.store;

import com.google.gson.Gson;
import io.iotj.stream.Event;
import io.iotj.stream.Tuple;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A stream value as a row: {@code key}, {@code time} and {@code arrival} (from an {@link Event}; for
 * a plain value the key is empty and both times are when it was stored), then the value's own
 * fields: {@code value} for a number, text or boolean; a map's entries (a parsed JSON object) and a
 * record's components by name; a tuple's or list's items as {@code v0}, {@code v1}, …. Nested
 * objects and lists are kept as JSON text. Names are made plain SQL names (lower case, {@code _}
 * for other characters) so queries need no quotes.
 */
final class RowFields {
    static final String KEY = "key";
    static final String TIME = "time";
    static final String ARRIVAL = "arrival";
    private static final Gson GSON = new Gson();

    private RowFields() {
    }

    static Map<String, Object> of(Object value, long nowMillis) {
        Map<String, Object> row = new LinkedHashMap<>();
        Object payload;
        if (value instanceof Event<?> e) {
            row.put(KEY, e.key());
            row.put(TIME, Instant.ofEpochMilli(e.time()));
            row.put(ARRIVAL, Instant.ofEpochMilli(e.arrival()));
            payload = e.value();
        } else {
            row.put(KEY, null);
            Instant now = Instant.ofEpochMilli(nowMillis);
            row.put(TIME, now);
            row.put(ARRIVAL, now);
            payload = value;
        }
        fields(payload, row);
        return row;
    }

    private static void fields(Object v, Map<String, Object> row) {
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                put(row, String.valueOf(e.getKey()), e.getValue());
            }
        } else if (v instanceof Tuple || v instanceof List<?> || v instanceof Object[]) {
            List<?> items = Tuple.itemsOf(v);
            for (int i = 0; i < items.size(); i++) {
                put(row, "v" + i, items.get(i));
            }
        } else if (v instanceof Record r && !(v instanceof Event<?>)) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    put(row, c.getName(), c.getAccessor().invoke(r));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    put(row, c.getName(), null);
                }
            }
        } else {
            put(row, "value", v);
        }
    }

    private static void put(Map<String, Object> row, String name, Object cell) {
        String n = name(name);
        if (row.containsKey(n)) {
            n = "value_" + n;
        }
        while (row.containsKey(n)) {
            n = n + "_";
        }
        row.put(n, cell(cell));
    }

    /** A cell the database takes: numbers, booleans, text, instants; nested values as JSON. */
    static Object cell(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String || v instanceof Instant) {
            return v;
        }
        if (v instanceof Character c) {
            return c.toString();
        }
        if (v instanceof Date d) {
            return d.toInstant();
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (v instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (v instanceof Map<?, ?> || v instanceof List<?> || v instanceof Tuple) {
            Object plain = v instanceof Tuple t ? t.items() : v;
            try {
                return GSON.toJson(plain);
            } catch (RuntimeException e) {
                return String.valueOf(v);
            }
        }
        return String.valueOf(v);
    }

    /** A plain SQL name: lower case letters, digits and {@code _}, not starting with a digit. */
    static String name(String raw) {
        StringBuilder b = new StringBuilder();
        String s = raw.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < s.length() && b.length() < 60; i++) {
            char c = s.charAt(i);
            b.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
        }
        if (b.isEmpty() || Character.isDigit(b.charAt(0))) {
            b.insert(0, '_');
        }
        return b.toString();
    }
}
