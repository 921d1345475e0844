package io.iotj.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value with the position where it starts, so that template JSON that is well formed but
 * shaped wrongly (an external with two elements, an index that is a string) still gets a
 * positioned error. Package-private: only {@link TemplateJson} reads these.
 */
final class JsonNode {
    enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    final Kind kind;
    final Position position;
    /** The text of a string (unescaped), a number (as written), a boolean or null. */
    final String text;
    final List<JsonNode> items = new ArrayList<>();
    final Map<String, JsonNode> fields = new LinkedHashMap<>();
    final Map<String, Position> keyPositions = new LinkedHashMap<>();

    JsonNode(Kind kind, Position position, String text) {
        this.kind = kind;
        this.position = position;
        this.text = text;
    }

    boolean isString() {
        return kind == Kind.STRING;
    }

    /** How a user would call this kind of value in a message. */
    String describe() {
        return switch (kind) {
            case OBJECT -> "an object";
            case ARRAY -> "a list";
            case STRING -> "the string \"" + text + "\"";
            case NUMBER -> "the number " + text;
            case BOOLEAN -> text;
            case NULL -> "null";
        };
    }
}
