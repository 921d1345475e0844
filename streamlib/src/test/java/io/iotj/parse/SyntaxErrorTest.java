package io.iotj.parse;

import io.iotj.template.TemplateError;
import io.iotj.template.TemplateLibrary;
import io.iotj.template.TemplateResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed text gives errors a user can act on, at the right line and column. */
class SyntaxErrorTest {

    private static List<TemplateError> errors(String text) {
        TemplateResult r = TemplateParser.parse(text, TemplateLibrary.standard());
        assertFalse(r.ok(), "expected errors in:\n" + text);
        assertTrue(r.templates().isEmpty(), "no template comes out of text with syntax errors");
        return r.errors();
    }

    private static TemplateError first(String text, int line, int column, String words) {
        TemplateError e = errors(text).get(0);
        assertEquals(line, e.line(), e::format);
        assertEquals(column, e.column(), e::format);
        assertTrue(e.message().contains(words), () -> "'" + words + "' not in: " + e.message());
        return e;
    }

    @Test
    void missingSemicolonPointsJustAfterTheLine() {
        TemplateError e = first("""
                t(x:stream) -> y:stream {
                    y = map(in=x, function=f)
                }
                """, 2, 30, "expected ';' at the end of the line, but found '}'");
        assertEquals("error at line 2, column 30: expected ';' at the end of the line, but found '}'\n"
                + "      y = map(in=x, function=f)\n"
                + "                               ^", e.format());
    }

    @Test
    void unclosedBodyPointsAtTheEnd() {
        first("t(x:stream) -> y:stream {\n  y = map(in=x, function=f);\n", 3, 1,
                "the body of 't' is not closed: expected '}'");
    }

    @Test
    void missingArrow() {
        first("t(x:stream) y:stream { }", 1, 13, "expected '->' and the outputs");
    }

    @Test
    void unterminatedString() {
        first("t() -> y {\n  y = map(function=\"times_two);\n}", 2, 20, "no closing quote");
    }

    @Test
    void singleQuotesGetAHint() {
        first("t() -> y {\n  y = map(function='f');\n}", 2, 20, "double quotes");
    }

    @Test
    void strangeCharacters() {
        first("t() -> y {\n  y = map(in=x @ 2);\n}", 2, 16, "unexpected character '@'");
        first("t() -> y {\n\ty = map(in=\u0001);\n}", 2, 13, "control character");
    }

    @Test
    void emptyText() {
        first("", 1, 1, "holds no template");
        first("   # only a comment\n", 2, 1, "holds no template");
    }

    @Test
    void trailingCommaAndEmptyList() {
        first("t(x) -> y { y = map(in=x,); }", 1, 26, "expected a parameter name");
        first("t(x) -> y { y = zip(in=[]); }", 1, 25, "empty list");
    }

    @Test
    void badNames() {
        first("t(x) -> y { a.b = map(in=x); }", 1, 13, "'a.b' is not a valid name");
        first("t(1x) -> y { }", 1, 3, "'1x' is not a valid parameter name");
        first("t(x) -> y { None = map(in=x); }", 1, 13, "None means no value");
    }

    @Test
    void argumentsAreNameEqualsValue() {
        first("t(x) -> y { y = map(x); }", 1, 22, "expected '=' after the parameter name 'x'");
    }

    @Test
    void everyBrokenLineIsReported() {
        List<TemplateError> es = errors("""
                t(x:stream) -> y:stream {
                    a = map(in=x function=f);
                    b = map(in=x, function=f);
                    c = = map(in=x);
                    y = zip(in=[a, b, c];
                }
                """);
        assertEquals(List.of(2, 4, 5), es.stream().map(TemplateError::line).toList(), es::toString);
    }

    @Test
    void aBrokenHeaderDoesNotHideTheNextTemplate() {
        List<TemplateError> es = errors("""
                t(x:stream -> y { }
                u(x) -> y { y = map(in=x function=f); }
                """);
        assertEquals(List.of(1, 2), es.stream().map(TemplateError::line).toList(), es::toString);
    }

    @Test
    void windowsLineEndsCountLinesOnce() {
        first("t(x) -> y {\r\n  y = map(in=x)\r\n}\r\n", 2, 16, "expected ';'");
        first("t(x) -> y {\r  y = map(in=x)\r}\r", 2, 16, "expected ';'");
    }
}
