package io.iotj.magics.args;

/** A magic's arguments cannot be read; the message names the column and shows a caret. */
public final class ArgException extends IllegalArgumentException {
    private final int column;

    /** A problem at {@code column} (1-based) of {@code line}. */
    public ArgException(String line, int column, String message) {
        super(format(line, column, message));
        this.column = column;
    }

    /** The 1-based column of the problem. */
    public int column() {
        return column;
    }

    private static String format(String line, int column, String message) {
        StringBuilder sb = new StringBuilder("error at column ").append(column).append(": ")
                .append(message).append('\n').append("  ").append(line).append('\n').append("  ");
        for (int i = 1; i < column && i <= line.length(); i++) {
            sb.append(line.charAt(i - 1) == '\t' ? '\t' : ' ');
        }
        return sb.append('^').toString();
    }
}
