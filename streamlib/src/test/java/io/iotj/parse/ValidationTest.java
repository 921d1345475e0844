package io.iotj.parse;

import io.iotj.template.TemplateError;
import io.iotj.template.TemplateJson;
import io.iotj.template.TemplateLibrary;
import io.iotj.template.TemplateResult;
import io.iotj.template.TemplateValidator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each validation problem names its line (and column), before anything runs. */
class ValidationTest {
    private static final TemplateLibrary LIB = TemplateLibrary.standard();

    private static List<TemplateError> errors(String text) {
        TemplateResult r = TemplateParser.parse(text, LIB);
        assertFalse(r.ok(), "expected errors in:\n" + text);
        return r.errors();
    }

    /** The only error, checked for line, column and words of its message. */
    private static TemplateError onlyError(String text, int line, int column, String... words) {
        List<TemplateError> es = errors(text);
        assertEquals(1, es.size(), () -> es.stream().map(TemplateError::format).toList().toString());
        TemplateError e = es.get(0);
        assertEquals(line, e.line(), e::format);
        assertEquals(column, e.column(), e::format);
        for (String w : words) {
            assertTrue(e.message().contains(w), () -> "'" + w + "' not in: " + e.message());
        }
        assertTrue(e.excerpt().contains("^"), "an excerpt with a caret");
        return e;
    }

    @Test
    void unknownTemplateListsNearMatches() {
        TemplateError e = onlyError("""
                t(x:stream) -> y:stream {
                    y = mpa(in=x, function=f);
                }
                """, 2, 9, "unknown template \"mpa\"", "did you mean map");
        assertEquals("      y = mpa(in=x, function=f);\n          ^", e.excerpt());
    }

    @Test
    void unknownParameterListsNearMatches() {
        onlyError("""
                t(x:stream) -> y:stream {
                    y = map(in=x, functon=f);
                }
                """, 2, 19, "'map' has no parameter 'functon'", "did you mean function");
    }

    @Test
    void missingRequiredParameter() {
        onlyError("""
                t(x:stream) -> y:stream {
                    y = map(in=x);
                }
                """, 2, 9, "'map' needs 'function'", "map0");
    }

    @Test
    void optionalParametersMayBeLeftOut() {
        TemplateResult r = TemplateParser.parse("t() -> y:stream { y = source(function=read); }", LIB);
        assertTrue(r.ok(), r::format);
    }

    @Test
    void aNameUsedAsOutputTwice() {
        onlyError("""
                t(x:stream) -> y:stream {
                    a = map(in=x, function=f);
                    a = map(in=x, function=g);
                    y = zip(in=[a]);
                }
                """, 3, 5, "'a' is used as an output twice", "line 2");
    }

    @Test
    void aStreamWiredToAFunctionParameter() {
        onlyError("""
                t(x:stream) -> y:stream {
                    a = map(in=x, function=f);
                    y = map(in=x, function=a);
                }
                """, 3, 28, "stream", "'function' of map1", "not a stream");
    }

    @Test
    void aConstantWiredToAStreamParameter() {
        onlyError("t() -> y:stream {\n  y = map(in=\"abc\", function=f);\n}\n", 2, 14,
                "constant \"abc\"", "stream parameter 'in'");
    }

    @Test
    void aFunctionWiredToAStreamParameter() {
        onlyError("t(f:function) -> y:stream {\n  y = map(in=f, function=g);\n}\n", 2, 14,
                "'f' (type function)", "stream parameter 'in'");
    }

    @Test
    void jsonInternalsPointAtTheirParameter() {
        String json = """
                {"name": "t", "assembly": "assemble", "inputs": [["stream", "x"]], "outputs": [],
                 "components": [["map0", "map"], ["sink0", "sink"]],
                 "externals": [["x", "map0", "in"], ["f", "map0", "function"], ["g", "sink0", "function"]],
                 "internals": [["map0", "out", "sink0", "inn"]]}
                """;
        List<TemplateError> es = TemplateJson.read(json, LIB).errors();
        assertEquals(1, es.size(), "the misspelt 'inn' is not also reported as a missing 'in': " + es);
        TemplateError unknown = es.get(0);
        assertTrue(unknown.message().contains("'sink' has no parameter 'inn'; did you mean in?"), unknown::format);
        assertEquals(4, unknown.line());
        assertEquals(41, unknown.column(), unknown::format);
    }

    @Test
    void anUndefinedNameUsedAsInput() {
        onlyError("""
                t(x:stream) -> y:stream {
                    y = map(in=xx, function=f);
                }
                """, 2, 16, "'xx' is not defined", "did you mean x");
    }

    @Test
    void aBareWordNamesAFunctionOnlyAtAFunctionParameter() {
        // function=f: a function's name (IoTpy's function=train). attribute=f: undefined.
        onlyError("""
                t(x) -> y {
                    y = attribute(in=x, attribute=f);
                }
                """, 2, 35, "'f' is not defined", "\"f\"");
    }

    @Test
    void moreOutputsThanTheTemplateHas() {
        onlyError("""
                t(x:stream) -> y:stream {
                    y, b = map(in=x, function=f);
                }
                """, 2, 8, "'map' has 1 output (out)", "assigns 2");
    }

    @Test
    void anInputCannotBeAssigned() {
        onlyError("""
                t(x:stream) -> y:stream {
                    x = map(in=x, function=f);
                    y = map(in=x, function=f);
                }
                """, 2, 5, "'x' is an input of 't'");
    }

    @Test
    void anOutputParameterCannotBeGivenAsAnArgument() {
        onlyError("""
                t(x:stream) -> None {
                    a = map(in=x, function=f);
                    map(in=x, function=g, out=a);
                }
                """, 3, 27, "'out' is an output of 'map'");
    }

    @Test
    void aParameterGivenTwice() {
        onlyError("""
                t(x:stream, w:stream) -> y:stream {
                    y = map(in=x, function=f, in=w);
                }
                """, 2, 31, "'in' of map0 is wired twice", "line 2");
    }

    @Test
    void aTemplateCannotUseItself() {
        onlyError("""
                t(x:stream) -> y:stream {
                    y = t(x=x);
                }
                """, 2, 9, "'t' uses itself");
    }

    @Test
    void everyProblemIsReportedInLineOrder() {
        List<TemplateError> es = errors("""
                t(x:stream) -> y:stream {
                    a = mpa(in=x, function=f);
                    b = map(in=x);
                    c = map(in=nope, function=f);
                    y = zip(in=[b, c], extra=1);
                }
                """);
        assertEquals(List.of(2, 3, 4, 5), es.stream().map(TemplateError::line).toList(),
                () -> es.stream().map(TemplateError::format).toList().toString());
        assertTrue(es.get(0).message().contains("mpa"));
        assertTrue(es.get(1).message().contains("needs 'function'"));
        assertTrue(es.get(2).message().contains("'nope' is not defined"));
        assertTrue(es.get(3).message().contains("no parameter 'extra'"));
    }

    @Test
    void aNameDefinedByAnUnknownTemplateIsNotAlsoUndefined() {
        // One mistake, one error: 'a' comes from the misspelt line, so its use is not reported again.
        List<TemplateError> es = errors("""
                t(x:stream) -> y:stream {
                    a = mpa(in=x, function=f);
                    y = map(in=a, function=g);
                }
                """);
        assertEquals(1, es.size(), () -> es.toString());
        assertEquals(2, es.get(0).line());
    }

    @Test
    void unusedInputsAndUnassignedOutputsAreWarnings() {
        TemplateResult r = TemplateParser.parse("""
                t(x:stream, y:stream) -> z:stream, w:stream {
                    z = map(in=x, function=f);
                }
                """, LIB);
        assertTrue(r.ok(), r::format);
        assertEquals(List.of("the input 'y' of 't' is never used", "the output 'w' of 't' is never assigned"),
                r.warnings().stream().map(TemplateError::message).toList());
        assertEquals(List.of(1, 1), r.warnings().stream().map(TemplateError::line).toList());
    }

    @Test
    void jsonIsValidatedWithItsOwnPositions() {
        String json = """
                {"name": "t", "assembly": "assemble",
                 "inputs": [["stream", "x"]], "outputs": [["stream", "y"]], "optional": [],
                 "components": [["map0", "map"],
                                ["zap0", "zap"]],
                 "externals": [["y", "map0", "out"],
                               ["x", "map0", "in"],
                               ["x", "map0", "fn"],
                               ["q", "map0", "initial_state"]],
                 "internals": []}
                """;
        TemplateResult r = TemplateJson.read(json);
        assertTrue(r.ok(), r::format);
        List<TemplateError> es = TemplateValidator.validate(r.templates().get(0), LIB).stream()
                .filter(TemplateError::isError).toList();
        assertEquals(es, TemplateJson.read(json, LIB).errors(), "read with a library validates the same");
        assertEquals(List.of(3, 4, 7, 8), es.stream().map(TemplateError::line).toList(), es::toString);
        assertTrue(es.get(0).message().contains("needs 'function'"), es.get(0).message());
        assertTrue(es.get(1).message().contains("unknown template \"zap\""), es.get(1).message());
        assertTrue(es.get(2).message().contains("no parameter 'fn'"), es.get(2).message());
        assertTrue(es.get(3).message().contains("'q' is not defined"), es.get(3).message());
    }
}
