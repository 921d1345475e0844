package io.iotj.template;

import java.util.Objects;

/**
 * A problem found in template text or JSON, as a value users can read: where (1-based line and
 * column, 0 when unknown), what, and an excerpt of the source line with a caret under the column.
 *
 * @param severity {@link Severity#ERROR} or {@link Severity#WARNING}
 * @param line     1-based line, or 0 when unknown
 * @param column   1-based column, or 0 when unknown
 * @param message  what is wrong, in the user's terms
 * @param excerpt  the source line and a caret line under the column, or "" when unknown
 */
public record TemplateError(Severity severity, int line, int column, String message, String excerpt) {
    /** The longest source line shown whole in an excerpt; longer ones show a window. */
    static final int MAX_EXCERPT = 120;

    public TemplateError {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        excerpt = excerpt == null ? "" : excerpt;
    }

    /** An error at {@code pos} in {@code source} (which may be null when there is no text). */
    public static TemplateError error(String source, Position pos, String message) {
        return at(Severity.ERROR, source, pos, message);
    }

    /** A warning at {@code pos} in {@code source} (which may be null when there is no text). */
    public static TemplateError warning(String source, Position pos, String message) {
        return at(Severity.WARNING, source, pos, message);
    }

    /** A problem at {@code pos}, with the caret excerpt cut from {@code source}. */
    public static TemplateError at(Severity severity, String source, Position pos, String message) {
        Position p = pos == null ? Position.UNKNOWN : pos;
        return new TemplateError(severity, p.line(), p.column(), message, excerpt(source, p));
    }

    /** True for an error, false for a warning. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Where, as a {@link Position}. */
    public Position position() {
        return new Position(line, column);
    }

    /**
     * The readable form: {@code error at line 3, column 12: message}, then the excerpt.
     */
    public String format() {
        String kind = isError() ? "error" : "warning";
        String head = line > 0 ? kind + " at line " + line + ", column " + column + ": " + message
                               : kind + ": " + message;
        return excerpt.isEmpty() ? head : head + "\n" + excerpt;
    }

    @Override
    public String toString() {
        return format();
    }

    /** The source line of {@code pos} and a caret line; tabs are kept so the caret lines up. */
    static String excerpt(String source, Position pos) {
        if (source == null || !pos.isKnown()) {
            return "";
        }
        String text = lineOf(source, pos.line());
        if (text == null) {
            return "";
        }
        int col = pos.column();
        if (text.length() > MAX_EXCERPT) {
            // A window around the column, so a huge line does not flood the notebook.
            int from = Math.max(0, Math.min(col - 1 - MAX_EXCERPT / 2, text.length() - MAX_EXCERPT));
            int to = Math.min(text.length(), from + MAX_EXCERPT);
            String head = from > 0 ? "..." : "";
            text = head + text.substring(from, to) + (to < text.length() ? "..." : "");
            col = col - from + head.length();
        }
        StringBuilder caret = new StringBuilder("  ");
        int upTo = Math.min(col - 1, text.length());
        for (int i = 0; i < upTo; i++) {
            caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        caret.append('^');
        return "  " + text + "\n" + caret;
    }

    /** Line {@code n} (1-based) of {@code source}, with \n, \r\n and \r as line ends. */
    static String lineOf(String source, int n) {
        int line = 1;
        int start = 0;
        int i = 0;
        while (i < source.length() && line < n) {
            char c = source.charAt(i++);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i < source.length() && source.charAt(i) == '\n') {
                    i++;
                }
                line++;
                start = i;
            }
        }
        if (line != n) {
            return null;
        }
        int end = start;
        while (end < source.length() && source.charAt(end) != '\n' && source.charAt(end) != '\r') {
            end++;
        }
        return source.substring(start, end);
    }
}
