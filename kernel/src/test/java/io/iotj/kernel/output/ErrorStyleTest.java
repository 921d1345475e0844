package io.iotj.kernel.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ErrorStyleTest {
    private static final String R = ErrorStyle.RED;
    private static final String Y = ErrorStyle.YELLOW;
    private static final String G = ErrorStyle.GREEN;
    private static final String X = ErrorStyle.RESET;

    @Test
    void theErrorNameAndTheCaretAreRedPositionsGreen() {
        List<String> compile = List.of("error at line 1, column 9: cannot find symbol", "  symbol:   variable y",
                "int z = y + 1;", "        ^");
        assertEquals(List.of(R + "error" + X + " at " + G + "line 1, column 9" + X + ": cannot find symbol",
                "  symbol:   variable y", "int z = y + 1;", "        " + R + "^" + X),
                ErrorStyle.traceback("CompilationException", compile));
        List<String> runtime = List.of("java.lang.IllegalStateException: boom", "\tat f (In [3], line 2)",
                "\tat java.base/java.util.Objects.requireNonNull(Objects.java:259)", "Caused by: java.io.IOException: disk");
        assertEquals(List.of(R + "java.lang.IllegalStateException" + X + ": boom",
                "\tat f (" + G + "In [3], line 2" + X + ")",
                "\tat java.base/java.util.Objects.requireNonNull(Objects.java:259)",
                "Caused by: " + R + "java.io.IOException" + X + ": disk"),
                ErrorStyle.traceback("java.lang.IllegalStateException", runtime));
    }

    @Test
    void aWarningInsideAnErrorKeepsItsMilderColour() {
        List<String> lines = ErrorStyle.traceback("TemplateError", List.of("TemplateError at line 3, column 2: bad",
                "  x", "  ^", "warning at line 1, column 5: unused", "  y", "    ^"));
        assertEquals(R + "TemplateError" + X + " at " + G + "line 3, column 2" + X + ": bad", lines.get(0));
        assertEquals("  " + R + "^" + X, lines.get(2));
        assertEquals(Y + "warning" + X + " at " + G + "line 1, column 5" + X + ": unused", lines.get(3));
        assertEquals("    " + Y + "^" + X, lines.get(5));
    }

    @Test
    void warningsAreYellowNeverRedAndPlainTextSurvives() {
        String w = ErrorStyle.warning("warning at line 2, column 18: the input 'w' is never used\n  f(x, w)\n       ^");
        assertTrue(w.startsWith(Y + "warning" + X), w);
        assertTrue(!w.contains(R), "no red in a warning: " + w);
        assertEquals("warning at line 2, column 18: the input 'w' is never used\n  f(x, w)\n       ^", ErrorStyle.plain(w));
        assertEquals(Y + "warning" + X + ": method f() cannot be used until g is defined",
                ErrorStyle.warning("method f() cannot be used until g is defined"));
    }
}
