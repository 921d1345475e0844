package io.iotj.kernel.jshell;

/**
 * One compiler diagnostic, positioned within the cell.
 *
 * @param line       1-based line within the notebook cell (see {@link JavaEvaluator#eval(String, String, int)})
 * @param column     1-based column within that line
 * @param offset     0-based character offset within the evaluated code
 * @param message    the compiler's message (JShell's wrapper-class noise removed)
 * @param sourceLine the offending line of the cell
 * @param error      false for warnings
 */
public record CompileDiagnostic(int line, int column, int offset, String message, String sourceLine, boolean error) {

    /** The source line and a caret under the column, e.g. {@code "int z = y + 1;\n        ^"}. */
    public String excerpt() {
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column - 1 && i < sourceLine.length(); i++) {
            caret.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
        }
        return sourceLine + "\n" + caret + "^";
    }

    /** Ready-to-show text: position, message, excerpt. */
    public String format() {
        return (error ? "error" : "warning") + " at line " + line + ", column " + column + ": " + message
                + "\n" + excerpt();
    }
}
