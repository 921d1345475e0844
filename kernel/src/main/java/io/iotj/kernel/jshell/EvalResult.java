package io.iotj.kernel.jshell;

import java.util.List;

/**
 * Outcome of {@link JavaEvaluator#eval(String)}: {@link Success}, {@link CompileError}, {@link RuntimeError}
 * or {@link Interrupted}. Failures carry Jupyter-ready text: {@link Failure#name()}, {@link Failure#message()}
 * and {@link Failure#traceback()}.
 */
public sealed interface EvalResult {

    /** Whether the cell ran to the end. */
    default boolean isSuccess() {
        return this instanceof Success;
    }

    /**
     * The cell ran.
     *
     * @param hasValue whether the last snippet was an expression with a value (a {@code null} value counts;
     *                 statements, declarations and void calls have none)
     * @param value    the live object (boxed for primitives), or null
     * @param typeName the static type JShell gave the value, or "" when there is none
     * @param notes    things worth telling the user although nothing failed (e.g. a method that cannot be
     *                 called until something it uses is defined, an import of the startup that failed)
     */
    record Success(boolean hasValue, Object value, String typeName, List<String> notes) implements EvalResult {
        public Success {
            notes = List.copyOf(notes);
        }
    }

    /** A failed cell; earlier snippets of the cell may have run, later ones did not. */
    sealed interface Failure extends EvalResult {
        /** Short name, e.g. {@code CompilationException} or the exception class. */
        String name();

        /** One-line message. */
        String message();

        /** Lines to show the user, first line first. */
        List<String> traceback();

        /** The whole text, lines joined. */
        default String text() {
            return String.join("\n", traceback());
        }
    }

    /** A snippet did not compile; each diagnostic is positioned within the cell. */
    record CompileError(List<CompileDiagnostic> diagnostics) implements Failure {
        public CompileError {
            diagnostics = List.copyOf(diagnostics);
        }

        @Override
        public String name() {
            return "CompilationException";
        }

        @Override
        public String message() {
            CompileDiagnostic first = diagnostics.isEmpty() ? null : diagnostics.get(0);
            return first == null ? "the cell does not compile"
                    : "line " + first.line() + ", column " + first.column() + ": " + firstLine(first.message());
        }

        @Override
        public List<String> traceback() {
            return diagnostics.stream().flatMap(d -> d.format().lines()).toList();
        }

        private static String firstLine(String s) {
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl);
        }
    }

    /**
     * User code threw.
     *
     * @param exception the user's exception object (its stack trace replaced by the trimmed one), or null when
     *                  JShell itself refused to run the code (e.g. a method whose dependencies are missing)
     * @param className the exception's class name
     * @param message   the exception's message ("" when none)
     * @param traceback the exception line and the user's frames, cell lines mapped, causes included
     */
    record RuntimeError(Throwable exception, String className, String message, List<String> traceback)
            implements Failure {
        public RuntimeError {
            traceback = List.copyOf(traceback);
        }

        @Override
        public String name() {
            return className;
        }
    }

    /**
     * The cell was stopped by {@link JavaEvaluator#interrupt()}.
     *
     * @param abandoned true when the cell's thread did not stop in time (e.g. blocked in native I/O) and was left
     *                  running so the session stays usable
     */
    record Interrupted(boolean abandoned) implements Failure {
        @Override
        public String name() {
            return "Interrupted";
        }

        @Override
        public String message() {
            return abandoned ? "the cell did not stop in time and was left running in the background"
                    : "the cell was interrupted";
        }

        @Override
        public List<String> traceback() {
            return List.of(name() + ": " + message());
        }
    }
}
