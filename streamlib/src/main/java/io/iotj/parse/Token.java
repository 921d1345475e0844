package io.iotj.parse;

import io.iotj.template.Position;

/** A token of template text: its kind, its text as written, and where it starts. */
record Token(TokenType type, String text, Position position) {
    /** How a message names this token: {@code 'map'}, {@code '"x"'} or "the end of the text". */
    String describe() {
        return switch (type) {
            case EOF -> type.description;
            case WORD -> "'" + text + "'";
            case STRING -> text;
            default -> type.description;
        };
    }

    boolean is(TokenType t) {
        return type == t;
    }
}
