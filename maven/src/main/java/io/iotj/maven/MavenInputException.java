package io.iotj.maven;

/** Coordinates or a POM fragment that cannot be read; says where (line and column for POM text). */
public final class MavenInputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String input;
    private final int line;
    private final int column;

    /** A problem in one line of input (coordinates), at {@code column}. */
    public MavenInputException(String input, int column, String message) {
        this(input, 1, column, message);
    }

    /** A problem at {@code line}, {@code column} of {@code input}. */
    public MavenInputException(String input, int line, int column, String message) {
        super(message, null, false, false);
        this.input = input;
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The offending line and a caret under the column. */
    public String excerpt() {
        String[] lines = input.split("\\R", -1);
        String text = line >= 1 && line <= lines.length ? lines[line - 1] : "";
        return text + "\n" + " ".repeat(Math.max(0, Math.min(column - 1, text.length()))) + "^";
    }
}
