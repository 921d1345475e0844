package io.iotj.connect;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonParseException;
import io.iotj.stream.Event;
import io.iotj.stream.Sources;
import io.iotj.stream.Tuple;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a source reads a message's text: {@code text} (the text itself), {@code double} (a number),
 * {@code json} (an object, or the fields picked from it by name, nested with dots:
 * {@code meta.battery}; a field written {@code temp:double} must be a number), or {@code csv} (a row
 * as a tuple, or as named cells when {@code fields} names the columns). {@code time} names the field
 * (or CSV column) holding when the value happened: epoch milliseconds, epoch seconds (numbers below
 * 10^11), or ISO-8601 text; without it, a value happened when it arrived.
 */
public final class PayloadFormat {
    /** The kinds of payload. */
    public enum Kind { TEXT, DOUBLE, JSON, CSV }

    private final Kind kind;
    private final List<Field> fields;
    private final String time;

    private record Field(String name, String[] path, boolean number) { }

    /** A message that cannot be read as this format says; the message says why. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    private PayloadFormat(Kind kind, List<Field> fields, String time) {
        this.kind = kind;
        this.fields = fields;
        this.time = time;
    }

    /**
     * A format from a leaf's parameters.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static PayloadFormat of(String kind, List<Object> fieldNames, String timeField) {
        Kind k;
        try {
            k = Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format must be text, double, json or csv, was \"" + kind + "\"");
        }
        List<Field> fs = new ArrayList<>();
        for (Object o : fieldNames) {
            if (!(o instanceof String s) || s.isBlank()) {
                throw new IllegalArgumentException("fields must be names in quotes, e.g. [\"temp\", \"meta.battery:double\"]; was " + o);
            }
            boolean number = s.endsWith(":double") || s.endsWith(":number");
            String name = number ? s.substring(0, s.lastIndexOf(':')) : s;
            fs.add(new Field(name, name.split("\\."), number));
        }
        if (!fs.isEmpty() && (k == Kind.TEXT || k == Kind.DOUBLE)) {
            throw new IllegalArgumentException("fields apply to the json and csv formats, not " + kind);
        }
        if (timeField != null && (k == Kind.TEXT || k == Kind.DOUBLE)) {
            throw new IllegalArgumentException("time names a field of a json or csv payload; format is " + kind);
        }
        if (timeField != null && k == Kind.CSV && fs.stream().noneMatch(f -> f.name().equals(timeField))) {
            throw new IllegalArgumentException("time names a CSV column: list the columns in fields, "
                    + "e.g. fields=[\"device\", \"" + timeField + "\", \"temp:double\"]");
        }
        return new PayloadFormat(k, List.copyOf(fs), timeField);
    }

    /** The format's kind. */
    public Kind kind() {
        return kind;
    }

    /**
     * The event a message becomes.
     *
     * @throws Malformed when the text is not what the format says
     */
    public Event<Object> read(String key, String text, long arrival) throws Malformed {
        return switch (kind) {
            case TEXT -> new Event<>(key, arrival, arrival, text);
            case DOUBLE -> new Event<>(key, arrival, arrival, number(text.strip(), "the payload"));
            case JSON -> json(key, text, arrival);
            case CSV -> csv(key, text, arrival);
        };
    }

    private static Double number(String s, String what) throws Malformed {
        try {
            double d = Double.parseDouble(s);
            if (Double.isNaN(d) && !s.equalsIgnoreCase("nan")) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new Malformed(what + " is not a number: \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"");
        }
    }

    private Event<Object> json(String key, String text, long arrival) throws Malformed {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException | IllegalStateException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            m = m.replaceFirst("^com\\.google\\.gson\\.stream\\.MalformedJsonException: ", "").replaceFirst("\\s*See https?://\\S+$", "");
            throw new Malformed("malformed JSON: " + m);
        }
        long t = arrival;
        if (time != null) {
            t = time(pick(root, time.split("\\."), time));
        }
        Object value;
        if (fields.isEmpty()) {
            value = plain(root);
        } else if (fields.size() == 1) {
            value = field(root, fields.get(0));
        } else {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Field f : fields) {
                m.put(f.name(), field(root, f));
            }
            value = m;
        }
        if (value == null) {
            throw new Malformed("the payload is JSON null");
        }
        return new Event<>(key, t, arrival, value);
    }

    private static Object field(JsonElement root, Field f) throws Malformed {
        JsonElement e = pick(root, f.path(), f.name());
        if (f.number()) {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                return e.getAsDouble();
            }
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
                return number(e.getAsString().strip(), "field " + f.name());
            }
            throw new Malformed("field " + f.name() + " is not a number: " + e);
        }
        return plain(e);
    }

    private static JsonElement pick(JsonElement root, String[] path, String name) throws Malformed {
        JsonElement e = root;
        for (String p : path) {
            if (!(e instanceof JsonObject o) || !o.has(p) || o.get(p).isJsonNull()) {
                throw new Malformed("no field " + name);
            }
            e = o.get(p);
        }
        return e;
    }

    /** JSON as plain Java: objects as maps, arrays as lists, numbers as {@code Double}. */
    static Object plain(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e instanceof JsonPrimitive p) {
            if (p.isBoolean()) {
                return p.getAsBoolean();
            }
            if (p.isNumber()) {
                return p.getAsDouble();
            }
            return p.getAsString();
        }
        if (e instanceof JsonArray a) {
            List<Object> l = new ArrayList<>(a.size());
            for (JsonElement x : a) {
                l.add(plain(x));
            }
            return l;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
            m.put(x.getKey(), plain(x.getValue()));
        }
        return m;
    }

    private long time(JsonElement e) throws Malformed {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            return epochMillis(e.getAsDouble());
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return timeText(e.getAsString());
        }
        throw new Malformed("field " + time + " is not a time: " + e);
    }

    private static long epochMillis(double v) {
        return Math.abs(v) < 1e11 ? Math.round(v * 1000) : Math.round(v);
    }

    private long timeText(String s) throws Malformed {
        String t = s.strip();
        try {
            return epochMillis(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            // not a number: ISO-8601
        }
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(t).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw new Malformed("field " + time + " is not a time (epoch seconds or milliseconds, or ISO-8601): \"" + t + "\"");
            }
        }
    }

    private Event<Object> csv(String key, String text, long arrival) throws Malformed {
        Tuple row;
        try {
            row = Sources.csvRow(text.strip());
        } catch (IllegalArgumentException e) {
            throw new Malformed(e.getMessage());
        }
        long t = arrival;
        Object value = row;
        if (!fields.isEmpty()) {
            if (row.size() < fields.size()) {
                throw new Malformed("the row has " + row.size() + " cells, fields names " + fields.size());
            }
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                Object cell = row.get(i);
                if (f.number() && !(cell instanceof Number)) {
                    throw new Malformed("column " + f.name() + " is not a number: \"" + cell + "\"");
                }
                if (f.name().equals(time)) {
                    t = cell instanceof Number n ? epochMillis(n.doubleValue()) : timeText(String.valueOf(cell));
                } else {
                    m.put(f.name(), cell);
                }
            }
            value = m;
        }
        return new Event<>(key, t, arrival, value);
    }
}
