package io.iotj.kernel.jshell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jdk.jshell.EvalException;
import jdk.jshell.JShellException;

/**
 * Builds {@link EvalResult.RuntimeError}s: the user's exception with its trace cut to the user's frames
 * (nothing below the snippet: no reflection, JShell or iotj frames) and snippet lines mapped to cell lines.
 */
final class RuntimeErrors {
    static final String NOTEBOOK = "notebook";
    static final String CELL_BODY = "<cell>";

    private static final int MAX_FRAMES = 60;

    private RuntimeErrors() {
    }

    /** A class defined in a cell is named as the user wrote it, without JShell's wrapper class. */
    static String userName(String className) {
        return className == null ? "" : userText(className);
    }

    /**
     * {@code text} with JShell's wrapper classes taken out of the names in it, as the user wrote them:
     * {@code REPL.$JShell$21.o} (a variable, as a helpful NullPointerException names it) becomes
     * {@code o}, {@code REPL.$JShell$12$Point} becomes {@code Point}.
     */
    static String userText(String text) {
        if (text == null || !text.contains(SnippetWrappers.WRAPPER_PREFIX)) {
            return text;
        }
        return text.replaceAll("REPL\\.\\$JShell\\$\\w+?\\$", "").replaceAll("REPL\\.\\$JShell\\$\\w+\\.", "");
    }

    /**
     * @param actual     the exception user code threw (null if unknown)
     * @param translated JShell's copy of it, whose frames are cut below the snippet and name snippets as {@code #id}
     * @param exact      maps a raw frame of a snippet class to a cell frame, when it can
     * @param origins    where each snippet id came from, for frames {@code exact} cannot map
     */
    static EvalResult.RuntimeError of(Throwable actual, EvalException translated,
                                      Function<StackTraceElement, Optional<StackTraceElement>> exact,
                                      Map<String, SnippetOrigin> origins) {
        List<String> lines = new ArrayList<>();
        Throwable real = actual;
        JShellException jex = translated;
        boolean first = true;
        int depth = 0;
        while (jex != null && depth++ < 20) {
            String cls = userName(jex instanceof EvalException ee ? ee.getExceptionClassName()
                    : real != null ? real.getClass().getName() : jex.getClass().getName());
            String msg = userText(real != null ? real.getMessage() : jex.getMessage());
            lines.add((first ? "" : "Caused by: ") + cls + (msg == null ? "" : ": " + msg));
            List<Frame> mapped = map(real == null ? null : real.getStackTrace(), jex.getStackTrace(),
                    exact, origins);
            int shown = mapped.size() > MAX_FRAMES ? MAX_FRAMES - 10 : mapped.size();
            for (int i = 0; i < shown; i++) {
                lines.add("\tat " + mapped.get(i).describe());
            }
            if (shown < mapped.size()) {
                // e.g. a StackOverflowError: the first frames and the last ones say it all
                lines.add("\t... " + (mapped.size() - shown - 10) + " more frames ...");
                for (int i = mapped.size() - 10; i < mapped.size(); i++) {
                    lines.add("\tat " + mapped.get(i).describe());
                }
            }
            if (real != null) {
                real.setStackTrace(mapped.stream().map(Frame::element).toArray(StackTraceElement[]::new));
                real = real.getCause();
            }
            jex = jex.getCause() instanceof JShellException next ? next : null;
            first = false;
        }
        String message = userText(actual != null ? actual.getMessage() : translated.getMessage());
        return new EvalResult.RuntimeError(actual, userName(translated.getExceptionClassName()),
                message == null ? "" : message, lines);
    }

    /** JShell's translated trace has the raw trace's frames, index for index, up to the last snippet frame. */
    private record Frame(StackTraceElement element, boolean inCell) {
        String describe() {
            if (!inCell) {
                return element.toString();
            }
            String where = element.getFileName() + ", line " + element.getLineNumber();
            if (element.getMethodName().equals(CELL_BODY)) {
                return where;
            }
            String owner = element.getClassName().equals(NOTEBOOK) ? "" : element.getClassName() + ".";
            return owner + element.getMethodName() + " (" + where + ")";
        }
    }

    private static List<Frame> map(StackTraceElement[] raw, StackTraceElement[] translated,
                                           Function<StackTraceElement, Optional<StackTraceElement>> exact,
                                           Map<String, SnippetOrigin> origins) {
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < translated.length; i++) {
            StackTraceElement t = translated[i];
            if (t.getClassName().startsWith(StopCheck.class.getName())) {
                continue;
            }
            Optional<StackTraceElement> e = raw != null && i < raw.length ? exact.apply(raw[i]) : Optional.empty();
            if (e.isPresent()) {
                out.add(new Frame(e.get(), true));
            } else if (t.getFileName() != null && t.getFileName().startsWith("#")) {
                SnippetOrigin origin = origins.get(t.getFileName().substring(1));
                String where = origin == null ? "snippet " + t.getFileName() : origin.cell();
                int line = origin == null ? t.getLineNumber() : origin.firstLine() + t.getLineNumber() - 1;
                String cls = t.getClassName().replaceFirst("^\\.", "");
                out.add(new Frame(new StackTraceElement(cls.isEmpty() ? NOTEBOOK : cls,
                        t.getMethodName().isEmpty() ? CELL_BODY : t.getMethodName(), where, line), true));
            } else {
                out.add(new Frame(t, false));
            }
        }
        return out;
    }
}
