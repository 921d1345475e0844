package io.iotj.magics;

import io.iotj.kernel.CellFailedException;
import io.iotj.kernel.CellOutcome;
import io.iotj.parse.TemplateParser;
import io.iotj.template.TemplateLibrary;
import io.iotj.template.TemplateResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicErrorsTest {

    @Test
    void templateErrorsCountCellLinesAndShowTheCaret() {
        // Line 1 of the body is line 2 of the cell: %%template is line 1.
        TemplateResult r = TemplateParser.parse("t(x:stream, y:stream) -> z:stream {\n  z = map(in=x function=\"f\");\n}",
                TemplateLibrary.standard());
        assertFalse(r.ok());
        CellFailedException e = MagicErrors.ofTemplate(r.problems(), 1);
        CellOutcome.Failed f = e.failure();
        assertEquals("TemplateError", f.name());
        assertTrue(f.message().startsWith("line 3, column "), f.message());
        List<String> tb = f.traceback();
        assertTrue(tb.contains("    z = map(in=x function=\"f\");"), tb.toString());
        assertTrue(tb.stream().anyMatch(l -> l.strip().equals("^")), tb.toString());
        assertFalse(tb.stream().anyMatch(l -> l.contains("at io.iotj")), "no stack trace of ours");
        assertTrue(tb.get(0).startsWith("TemplateError at line 3, column "), tb.toString());
        assertEquals(1, tb.stream().filter(l -> l.contains(f.message().substring(f.message().indexOf(':') + 2))).count(),
                "the error's message shows once: " + tb);
    }

    @Test
    void theSummaryIsTheFirstErrorEvenAfterAWarning() {
        TemplateResult r = TemplateParser.parse("t(x:stream, y:stream) -> z:stream {\n  z = nothing(in=x);\n}",
                TemplateLibrary.standard());
        CellOutcome.Failed f = MagicErrors.ofTemplate(r.problems(), 0).failure();
        assertTrue(f.message().startsWith("line 2, column "), f.message());
        assertTrue(f.message().contains("nothing"), f.message());
        assertTrue(f.traceback().get(0).startsWith("TemplateError at line 2"), "the error comes first: " + f.traceback());
        assertTrue(f.traceback().stream().anyMatch(l -> l.startsWith("warning at line 1")), f.traceback().toString());
    }

    @Test
    void aMessageOfSeveralLinesKeepsItsFirstLineAsTheSummary() {
        CellOutcome.Failed f = MagicErrors.of("UsageError", "error at column 3: bad\n  x y\n    ^").failure();
        assertEquals("error at column 3: bad", f.message());
        assertEquals(List.of("UsageError: error at column 3: bad", "  x y", "    ^"), f.traceback());
    }
}
