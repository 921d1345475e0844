package io.iotj.template;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateErrorTest {

    @Test
    void excerptShowsTheLineAndACaretUnderTheColumnKeepingTabs() {
        TemplateError e = TemplateError.error("a\n\tb = c;\n", new Position(2, 6), "bad");
        assertEquals("  \tb = c;\n  \t    ^", e.excerpt());
        assertEquals("error at line 2, column 6: bad\n  \tb = c;\n  \t    ^", e.format());
    }

    @Test
    void aHugeLineShowsAWindowAroundTheColumn() {
        String line = "x".repeat(5000) + "@" + "y".repeat(5000);
        TemplateError e = TemplateError.error(line, new Position(1, 5001), "bad");
        String[] parts = e.excerpt().split("\n");
        assertTrue(parts[0].length() < 140, parts[0]);
        assertTrue(parts[0].startsWith("  ...") && parts[0].endsWith("..."), parts[0]);
        assertEquals('@', parts[0].charAt(parts[1].length() - 1), "the caret is under the '@'");
    }

    @Test
    void withoutAPositionThereIsNoExcerpt() {
        TemplateError e = TemplateError.warning(null, Position.UNKNOWN, "note");
        assertEquals("warning: note", e.format());
        assertEquals("", e.excerpt());
    }
}
