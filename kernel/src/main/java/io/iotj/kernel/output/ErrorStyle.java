package io.iotj.kernel.output;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colours errors and warnings with ANSI escapes as IPython does, so that front ends (which turn them
 * into coloured text) show an error at a glance and a warning as milder: the error's name and the
 * caret under the column in red, positions in green, the word "warning" and its caret in yellow.
 * The lines themselves stay as written; only escapes are added.
 */
public final class ErrorStyle {
    static final String RED = "\u001b[1;31m";
    static final String YELLOW = "\u001b[1;33m";
    static final String GREEN = "\u001b[32m";
    static final String RESET = "\u001b[0m";

    private static final Pattern POSITIONED = Pattern.compile("^(\\s*)(\\w*(?:[Ee]rror|[Ww]arning|Exception))( at )"
            + "(line \\d+, column \\d+)(.*)$");
    private static final Pattern CARET = Pattern.compile("^(\\s*)(\\^[~^]*)\\s*$");
    private static final Pattern CAUSED_BY = Pattern.compile("^(Caused by: )([\\w.$]+)(.*)$");
    private static final Pattern FRAME_IN_CELL = Pattern.compile("^(\\s+at .*?)(In \\[\\d*\\], line \\d+|cell \\d+, line \\d+)(.*)$");

    private ErrorStyle() {
    }

    /** The traceback of error {@code name}, coloured: its name where a line starts with it, carets, positions. */
    public static List<String> traceback(String name, List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        String caretColour = RED;
        for (String line : lines) {
            Matcher m;
            if (line.startsWith(name + ":") || line.equals(name)) {
                out.add(RED + name + RESET + line.substring(name.length()));
            } else if ((m = POSITIONED.matcher(line)).matches()) {
                caretColour = m.group(2).toLowerCase(java.util.Locale.ROOT).endsWith("warning") ? YELLOW : RED;
                out.add(m.group(1) + caretColour + m.group(2) + RESET + m.group(3) + GREEN + m.group(4) + RESET
                        + m.group(5));
            } else if ((m = CARET.matcher(line)).matches()) {
                out.add(m.group(1) + caretColour + m.group(2) + RESET);
            } else if ((m = CAUSED_BY.matcher(line)).matches()) {
                out.add(m.group(1) + RED + m.group(2) + RESET + m.group(3));
            } else if ((m = FRAME_IN_CELL.matcher(line)).matches()) {
                out.add(m.group(1) + GREEN + m.group(2) + RESET + m.group(3));
            } else {
                out.add(line);
            }
        }
        return out;
    }

    /**
     * A warning as shown in the cell's output (stdout, not stderr: front ends put stderr in a red box,
     * which is for errors): its severity word and caret in yellow, the rest as written; a line that
     * names no severity gets a yellow "warning: " before it.
     */
    public static String warning(String text) {
        List<String> lines = List.of(text.split("\n", -1));
        if (!lines.isEmpty() && !POSITIONED.matcher(lines.get(0)).matches()) {
            List<String> prefixed = new ArrayList<>(lines);
            prefixed.set(0, YELLOW + "warning" + RESET + ": " + lines.get(0));
            lines = prefixed;
        }
        List<String> styled = new ArrayList<>();
        String caretColour = YELLOW;
        for (String line : lines) {
            Matcher m;
            if ((m = POSITIONED.matcher(line)).matches()) {
                styled.add(m.group(1) + YELLOW + m.group(2) + RESET + m.group(3) + GREEN + m.group(4) + RESET
                        + m.group(5));
            } else if ((m = CARET.matcher(line)).matches()) {
                styled.add(m.group(1) + caretColour + m.group(2) + RESET);
            } else {
                styled.add(line);
            }
        }
        return String.join("\n", styled);
    }

    /** {@code text} without ANSI escapes, for logs and plain-text checks. */
    public static String plain(String text) {
        return text.replaceAll("\u001b\\[[0-9;]*m", "");
    }
}
