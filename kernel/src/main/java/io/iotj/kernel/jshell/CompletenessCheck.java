package io.iotj.kernel.jshell;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Answers Jupyter's is_complete question: JShell's analysis splits the cell into snippets and says
 * which are unfinished; each finished one must also parse ({@link SyntaxCheck}), else the cell is
 * invalid: no further line can make {@code int 1x = 3;} compile.
 */
final class CompletenessCheck {
    private static final String INDENT_UNIT = "    ";

    private CompletenessCheck() {
    }

    static io.iotj.kernel.jshell.Completeness check(SourceCodeAnalysis analysis, String code) {
        String rest = code;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            switch (c) {
                case EMPTY:
                    return complete();
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return new io.iotj.kernel.jshell.Completeness(
                            io.iotj.kernel.jshell.Completeness.Verdict.INCOMPLETE, indentFor(code));
                case UNKNOWN:
                    return new io.iotj.kernel.jshell.Completeness(
                            io.iotj.kernel.jshell.Completeness.Verdict.INVALID, "");
                default:
                    if (info.source() != null && !SyntaxCheck.parses(info.source())) {
                        return new io.iotj.kernel.jshell.Completeness(
                                io.iotj.kernel.jshell.Completeness.Verdict.INVALID, "");
                    }
                    if (info.remaining().length() >= rest.length()) {
                        return complete();
                    }
                    rest = info.remaining();
            }
        }
        return complete();
    }

    private static io.iotj.kernel.jshell.Completeness complete() {
        return new io.iotj.kernel.jshell.Completeness(io.iotj.kernel.jshell.Completeness.Verdict.COMPLETE, "");
    }

    /** One indent unit per bracket still open at the end, ignoring brackets in strings, chars and comments. */
    static String indentFor(String code) {
        int depth = 0;
        int i = 0;
        int n = code.length();
        while (i < n) {
            char ch = code.charAt(i);
            if (ch == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                while (i < n && code.charAt(i) != '\n') {
                    i++;
                }
            } else if (ch == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                continue;
            } else if (ch == '"' || ch == '\'') {
                if (ch == '"' && code.startsWith("\"\"\"", i)) {
                    int end = code.indexOf("\"\"\"", i + 3);
                    i = end < 0 ? n : end + 3;
                    continue;
                }
                i++;
                while (i < n && code.charAt(i) != ch && code.charAt(i) != '\n') {
                    if (code.charAt(i) == '\\') {
                        i++;
                    }
                    i++;
                }
            } else if (ch == '{' || ch == '(' || ch == '[') {
                depth++;
            } else if (ch == '}' || ch == ')' || ch == ']') {
                depth = Math.max(0, depth - 1);
            }
            i++;
        }
        return INDENT_UNIT.repeat(depth);
    }
}
