package io.iotj.parse;

import io.iotj.template.Position;

/** A positioned syntax error inside the parser; it becomes a TemplateError, never reaches users. */
final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Position position;

    SyntaxError(Position position, String message) {
        super(message, null, false, false);
        this.position = position;
    }
}
