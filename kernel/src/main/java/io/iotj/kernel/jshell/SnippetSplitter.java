package io.iotj.kernel.jshell;

import java.util.ArrayList;
import java.util.List;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/** Splits a cell into JShell snippets, remembering where each starts in the cell. */
final class SnippetSplitter {
    private SnippetSplitter() {
    }

    /**
     * One snippet of a cell.
     *
     * @param source   the text to give {@code JShell.eval} (JShell may have appended a semicolon)
     * @param offset   where {@code source} starts in the cell
     * @param complete false when the cell ended inside this snippet (it is evaluated anyway to get JShell's error)
     */
    record Piece(String source, int offset, boolean complete) {
    }

    static List<Piece> split(SourceCodeAnalysis analysis, String cell) {
        List<Piece> pieces = new ArrayList<>();
        String rest = cell;
        while (!rest.isBlank()) {
            int offset = cell.length() - rest.length();
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) {
                break; // only comments left
            }
            if (!c.isComplete() || info.source() == null) {
                pieces.add(new Piece(rest, offset, false));
                break;
            }
            String source = info.source();
            pieces.add(new Piece(source, offset + leadIn(rest, source), true));
            if (info.remaining().length() >= rest.length()) {
                break; // no progress; never loop forever
            }
            rest = info.remaining();
        }
        return pieces;
    }

    /** Offset of {@code source} inside {@code rest}; JShell normally returns a prefix of the text it was given. */
    private static int leadIn(String rest, String source) {
        String body = source.endsWith(";") ? source.substring(0, source.length() - 1) : source;
        if (rest.startsWith(body)) {
            return 0;
        }
        String trimmed = body.strip();
        int at = trimmed.isEmpty() ? -1 : rest.indexOf(trimmed);
        return at < 0 ? 0 : Math.max(0, at - body.indexOf(trimmed));
    }
}
