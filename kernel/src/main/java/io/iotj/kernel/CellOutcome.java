package io.iotj.kernel;

import java.util.List;

/** How a cell ended: with an optional value, or with an error the user can read. */
public sealed interface CellOutcome {
    /**
     * The cell ran to its end.
     *
     * @param hasValue whether its last piece produced a value (a {@code null} value counts)
     * @param value    the value (live object), or null
     */
    record Done(boolean hasValue, Object value) implements CellOutcome {
    }

    /**
     * The cell stopped at an error.
     *
     * @param name      short error name, e.g. {@code CompilationException}, an exception class, {@code UnknownMagic}
     * @param message   one line
     * @param traceback the lines to show
     */
    record Failed(String name, String message, List<String> traceback) implements CellOutcome {
        public Failed {
            traceback = List.copyOf(traceback);
        }
    }
}
