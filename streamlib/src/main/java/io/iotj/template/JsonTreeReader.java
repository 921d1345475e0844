package io.iotj.template;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;

import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads JSON text into {@link JsonNode}s with positions, using Gson's strict streaming reader.
 * Gson reports where it stands only in its messages and {@code toString()}, so positions are
 * taken from there; a value's start is derived from where Gson stands after peeking it.
 */
final class JsonTreeReader {
    private static final Pattern AT = Pattern.compile(" at line (\\d+) column (\\d+)");
    /** Deeper nesting than any template needs; stops a hostile text from exhausting the stack. */
    private static final int MAX_DEPTH = 200;

    /** Thrown inside this package for malformed JSON; carries a positioned error. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final Position position;

        Failure(Position position, String message) {
            super(message, null, false, false);
            this.position = position;
        }
    }

    private final String source;
    private final JsonReader reader;

    private JsonTreeReader(String source) {
        this.source = source;
        this.reader = new JsonReader(new StringReader(source));
        reader.setStrictness(Strictness.STRICT);
    }

    /** The single JSON value of {@code source}, or a {@link Failure} with its position. */
    static JsonNode read(String source) throws Failure {
        if (source.isBlank()) {
            throw new Failure(new Position(1, 1), "the JSON text is empty");
        }
        JsonTreeReader r = new JsonTreeReader(source);
        try {
            JsonNode root = r.value(0);
            if (r.reader.peek() != JsonToken.END_DOCUMENT) {
                throw new Failure(r.where(1), "unexpected text after the end of the JSON value");
            }
            return root;
        } catch (MalformedJsonException | EOFException e) {
            throw r.translate(e);
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw r.translate(e);
        }
    }

    private JsonNode value(int depth) throws IOException, Failure {
        if (depth > MAX_DEPTH) {
            throw new Failure(where(1), "JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        JsonToken token = reader.peek();
        switch (token) {
            case BEGIN_OBJECT -> {
                JsonNode node = new JsonNode(JsonNode.Kind.OBJECT, where(1), null);
                reader.beginObject();
                while (reader.hasNext()) {
                    reader.peek();
                    Position keyAt = where(1);
                    String key = reader.nextName();
                    if (node.fields.containsKey(key)) {
                        throw new Failure(keyAt, "the key \"" + key + "\" appears twice");
                    }
                    node.keyPositions.put(key, keyAt);
                    node.fields.put(key, value(depth + 1));
                }
                reader.endObject();
                return node;
            }
            case BEGIN_ARRAY -> {
                JsonNode node = new JsonNode(JsonNode.Kind.ARRAY, where(1), null);
                reader.beginArray();
                while (reader.hasNext()) {
                    node.items.add(value(depth + 1));
                }
                reader.endArray();
                return node;
            }
            case STRING -> {
                Position at = where(1);
                return new JsonNode(JsonNode.Kind.STRING, at, reader.nextString());
            }
            case NUMBER -> {
                Position end = where(0);
                String text = reader.nextString();
                return new JsonNode(JsonNode.Kind.NUMBER, back(end, text.length()), text);
            }
            case BOOLEAN -> {
                Position end = where(0);
                boolean b = reader.nextBoolean();
                String text = Boolean.toString(b);
                return new JsonNode(JsonNode.Kind.BOOLEAN, back(end, text.length()), text);
            }
            case NULL -> {
                Position end = where(0);
                reader.nextNull();
                return new JsonNode(JsonNode.Kind.NULL, back(end, 4), "null");
            }
            default -> throw new Failure(where(0), "unexpected " + token);
        }
    }

    /** Where Gson stands, moved back by {@code back} columns (never before column 1). */
    private Position where(int back) {
        Matcher m = AT.matcher(reader.toString());
        if (!m.find()) {
            return Position.UNKNOWN;
        }
        return back(new Position(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))), back);
    }

    private static Position back(Position p, int columns) {
        return p.isKnown() ? new Position(p.line(), Math.max(1, p.column() - columns)) : p;
    }

    /** Gson's message without its advice to be lenient, positioned within the text. */
    private Failure translate(Exception e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        Matcher m = AT.matcher(msg);
        Position at = m.find()
                ? new Position(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                : where(0);
        String reason = m.find(0) ? msg.substring(0, m.start()) : msg;
        reason = reason.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "")
                       .trim();
        if (e instanceof EOFException) {
            reason = "the JSON text ends too early";
        }
        if (reason.isEmpty()) {
            reason = "malformed JSON";
        } else {
            reason = "malformed JSON: " + Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        }
        return new Failure(clamp(at), reason);
    }

    /** Keeps a position inside the text (Gson may stand one column past the last character). */
    private Position clamp(Position p) {
        if (!p.isKnown()) {
            return new Position(1, 1);
        }
        String line = TemplateError.lineOf(source, p.line());
        if (line == null) {
            return new Position(1, 1);
        }
        return new Position(p.line(), Math.max(1, Math.min(p.column(), line.length() + 1)));
    }
}
