package io.iotj.magics;

import io.iotj.kernel.CellFailedException;
import io.iotj.kernel.CellOutcome;
import io.iotj.template.TemplateError;

import java.util.ArrayList;
import java.util.List;

/** Errors of the stream magics as the notebook shows them: a name, one line, then details. */
final class MagicErrors {
    private MagicErrors() {
    }

    /** An error with {@code message} as its one line and the given detail lines. */
    static CellFailedException of(String name, String message, List<String> details) {
        List<String> lines = new ArrayList<>();
        lines.add(name + ": " + message);
        lines.addAll(details);
        return new CellFailedException(new CellOutcome.Failed(name, message, lines));
    }

    /** An error with a message of several lines: the first is its summary. */
    static CellFailedException of(String name, String message) {
        String[] lines = message.split("\n", -1);
        return of(name, lines[0], List.of(lines).subList(1, lines.length));
    }

    /**
     * Template problems as one error: the first error's position and message as the summary,
     * every problem with its caret excerpt as the traceback, the first named {@code TemplateError}
     * (the summary is not repeated above it: each problem shows once). Lines are shifted by
     * {@code lineOffset} so they count lines of the cell, not of the magic's body.
     */
    static CellFailedException ofTemplate(List<TemplateError> problems, int lineOffset) {
        List<TemplateError> shifted = problems.stream().map(p -> shift(p, lineOffset)).toList();
        TemplateError first = shifted.stream().filter(TemplateError::isError).findFirst()
                .orElse(shifted.get(0));
        String summary = first.line() > 0
                ? "line " + first.line() + ", column " + first.column() + ": " + first.message()
                : first.message();
        List<TemplateError> ordered = new ArrayList<>(List.of(first));
        shifted.stream().filter(p -> p != first).forEach(ordered::add);
        List<String> lines = new ArrayList<>();
        for (TemplateError p : ordered) {
            String text = p.format();
            if (p == first) {
                text = text.startsWith("error at ") ? "TemplateError at " + text.substring("error at ".length())
                        : "TemplateError: " + text;
            }
            lines.addAll(List.of(text.split("\n", -1)));
        }
        return new CellFailedException(new CellOutcome.Failed("TemplateError", summary, lines));
    }

    /** {@code e} with its line moved down by {@code offset}. */
    static TemplateError shift(TemplateError e, int offset) {
        if (offset == 0 || e.line() <= 0) {
            return e;
        }
        return new TemplateError(e.severity(), e.line() + offset, e.column(), e.message(), e.excerpt());
    }
}
