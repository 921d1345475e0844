package io.iotj.kernel.jshell;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * The classes JShell wraps snippets in, and where each snippet came from: names the class a
 * snippet compiled to, and maps a stack frame of such a class back to the cell and line the user
 * wrote. Called under the evaluator's lock.
 */
final class SnippetWrappers {
    /** JShell's wrapper classes are called {@code REPL.$JShell$<n>} (nested ones add {@code $Name}). */
    static final String WRAPPER_PREFIX = "REPL.$JShell$";

    private final Map<String, SnippetOrigin> origins = new ConcurrentHashMap<>();
    private final Map<Snippet, SourceCodeAnalysis.SnippetWrapper> wrappers = new ConcurrentHashMap<>();

    /** Remembers that snippet {@code id} starts on {@code line} of {@code cell}. */
    void recordOrigin(String id, String cell, int line) {
        origins.put(id, new SnippetOrigin(cell, line));
    }

    /** Where each snippet id came from. */
    Map<String, SnippetOrigin> origins() {
        return origins;
    }

    /** Forgets the wrappers of snippets JShell just (re)compiled: their class names change. */
    void forget(List<SnippetEvent> events) {
        for (SnippetEvent e : events) {
            wrappers.remove(e.snippet());
        }
    }

    /** The binary name of the class {@code s} compiled to, e.g. {@code REPL.$JShell$12}. */
    String classOf(SourceCodeAnalysis analysis, Snippet s) {
        return wrapperOf(analysis, s).fullClassName();
    }

    private SourceCodeAnalysis.SnippetWrapper wrapperOf(SourceCodeAnalysis analysis, Snippet s) {
        return wrappers.computeIfAbsent(s, analysis::wrapper);
    }

    /**
     * Maps a raw frame of a snippet class to its cell and line, using the wrapper JShell compiled (JShell's own
     * translation miscounts lines when a snippet starts with blank lines or comments).
     */
    Optional<StackTraceElement> cellFrame(JShell shell, SourceCodeAnalysis analysis, StackTraceElement raw) {
        String cls = raw.getClassName();
        if (!cls.startsWith(WRAPPER_PREFIX) || raw.getLineNumber() <= 0) {
            return Optional.empty();
        }
        int end = cls.indexOf('$', WRAPPER_PREFIX.length());
        String outer = end < 0 ? cls : cls.substring(0, end);
        Snippet snippet = null;
        for (Snippet s : shell.snippets().toList()) {
            if (shell.status(s) != Snippet.Status.REJECTED && classOf(analysis, s).equals(outer)) {
                snippet = s;
                break;
            }
        }
        SnippetOrigin origin = snippet == null ? null : origins.get(snippet.id());
        if (origin == null) {
            return Optional.empty();
        }
        SourceCodeAnalysis.SnippetWrapper w = wrapperOf(analysis, snippet);
        String wrapped = w.wrapped();
        int at = 0;
        for (int line = 1; line < raw.getLineNumber() && at >= 0; line++) {
            at = wrapped.indexOf('\n', at);
            at = at < 0 ? -1 : at + 1;
        }
        if (at < 0) {
            return Optional.empty();
        }
        while (at < wrapped.length() && wrapped.charAt(at) != '\n' && Character.isWhitespace(wrapped.charAt(at))) {
            at++;
        }
        int sourcePos = w.wrappedToSourcePosition(at);
        if (sourcePos < 0 || sourcePos > snippet.source().length()) {
            return Optional.empty();
        }
        int line = origin.firstLine() + Diagnostics.lineOf(snippet.source(), sourcePos) - 1;
        String nested = end < 0 ? "" : cls.substring(end + 1).replace('$', '.');
        String method = raw.getMethodName();
        if (method.equals("do_it$")) {
            method = RuntimeErrors.CELL_BODY;
        } else if (method.startsWith("lambda$")) {
            method = "lambda";
        }
        return Optional.of(new StackTraceElement(nested.isEmpty() ? RuntimeErrors.NOTEBOOK : nested, method,
                origin.cell(), line));
    }
}
