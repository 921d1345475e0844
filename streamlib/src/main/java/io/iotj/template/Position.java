package io.iotj.template;

/**
 * A place in source text: 1-based line and column (a column counts characters, a tab is one).
 * {@link #UNKNOWN} (0, 0) stands for "no position", e.g. for a template built in Java.
 */
public record Position(int line, int column) {
    /** No known position. */
    public static final Position UNKNOWN = new Position(0, 0);

    /** True when this position points into some text. */
    public boolean isKnown() {
        return line > 0;
    }

    @Override
    public String toString() {
        return isKnown() ? "line " + line + ", column " + column : "unknown position";
    }
}
