package io.iotj.kernel.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a cell into {@link CellPiece}s. A cell whose first line starts with {@code %%name}
 * is one cell magic. Otherwise every line that starts with {@code %name} (after blanks) is a
 * line magic and the lines between them are code, run in order. A {@code %} line inside a
 * text block or a multi-line comment is code: the splitter tracks those, so Java's
 * {@code %} operator at a line start ({@code a\n% b}) is the only ambiguity, and it needs
 * a letter right after the {@code %} to count as a magic.
 */
public final class MagicSplitter {
    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%([A-Za-z_][\\w.-]*)(.*)$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%([A-Za-z_][\\w.-]*)(.*)$");

    private MagicSplitter() {
    }

    public static List<CellPiece> split(String cell) {
        List<CellPiece> pieces = new ArrayList<>();
        String[] lines = cell.split("\\R", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) first++;
        if (first < lines.length) {
            Matcher m = CELL_MAGIC.matcher(lines[first]);
            if (m.matches()) {
                String body = String.join("\n", java.util.Arrays.asList(lines).subList(first + 1, lines.length));
                pieces.add(new CellPiece.CellMagic(m.group(1), m.group(2).trim(), body, first + 1));
                return pieces;
            }
        }
        StringBuilder code = new StringBuilder();
        int codeStart = 1;
        boolean inTextBlock = false;
        boolean inComment = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher m = LINE_MAGIC.matcher(line);
            if (!inTextBlock && !inComment && m.matches()) {
                addCode(pieces, code, codeStart);
                pieces.add(new CellPiece.LineMagic(m.group(1), m.group(2).trim(), i + 1));
                codeStart = i + 2;
                continue;
            }
            if (code.isEmpty()) codeStart = i + 1;
            code.append(line).append('\n');
            boolean[] state = scan(line, inTextBlock, inComment);
            inTextBlock = state[0];
            inComment = state[1];
        }
        addCode(pieces, code, codeStart);
        return pieces;
    }

    private static void addCode(List<CellPiece> pieces, StringBuilder code, int line) {
        if (!code.toString().isBlank()) {
            // Blank lines stand in for the lines above, so compiler positions are the cell's own.
            pieces.add(new CellPiece.Code("\n".repeat(line - 1) + code.substring(0, code.length() - 1), line));
        }
        code.setLength(0);
    }

    /** Tracks whether a line leaves us inside a text block or a block comment. */
    private static boolean[] scan(String line, boolean inTextBlock, boolean inComment) {
        boolean inString = false;
        boolean inChar = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inComment) {
                if (c == '*' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                    inComment = false;
                    i++;
                }
            } else if (inTextBlock) {
                if (c == '\\') i++;
                else if (line.startsWith("\"\"\"", i)) {
                    inTextBlock = false;
                    i += 2;
                }
            } else if (inString || inChar) {
                if (c == '\\') i++;
                else if (inString && c == '"') inString = false;
                else if (inChar && c == '\'') inChar = false;
            } else if (line.startsWith("\"\"\"", i)) {
                inTextBlock = true;
                i += 2;
            } else if (c == '"') {
                inString = true;
            } else if (c == '\'') {
                inChar = true;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                break;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '*') {
                inComment = true;
                i++;
            }
        }
        return new boolean[]{inTextBlock, inComment};
    }
}
