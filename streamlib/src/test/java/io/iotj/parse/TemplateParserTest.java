package io.iotj.parse;

import com.google.gson.JsonParser;
import io.iotj.template.External;
import io.iotj.template.Internal;
import io.iotj.template.Param;
import io.iotj.template.Template;
import io.iotj.template.TemplateError;
import io.iotj.template.TemplateJson;
import io.iotj.template.TemplateLibrary;
import io.iotj.template.TemplateResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.iotj.parse.Fixtures.mlLibrary;
import static io.iotj.parse.Fixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text to IoTpy's JSON, as IoTpy's parser made it. */
class TemplateParserTest {

    /** Parses, expects no error, and compares with the JSON resource both as model and as JSON. */
    private static Template assertParsesTo(String textResource, String jsonResource, TemplateLibrary lib) {
        TemplateResult r = TemplateParser.parse(resource(textResource), lib);
        assertTrue(r.ok(), r::format);
        Template parsed = r.template();
        Template expected = TemplateJson.readTemplate(resource(jsonResource));
        assertEquals(expected, parsed);
        assertEquals(JsonParser.parseString(resource(jsonResource)), JsonParser.parseString(TemplateJson.write(parsed)),
                "the JSON written equals the expected JSON (keys in any order)");
        return parsed;
    }

    @Test
    void thesisTestTextGivesTheThesisJson() {
        Template t = assertParsesTo("thesis_test.txt", "thesis_test.json", TemplateLibrary.standard());
        assertEquals(List.of(new External("z", "zip0", "out"), new External("x", "map0", "in"),
                new External("\"times_two\"", "map0", "function"), new External("x", "map1", "in"),
                new External("\"iden\"", "map1", "function")), t.externals());
        assertEquals(List.of(new Internal("map0", "out", null, "zip0", "in", 0),
                new Internal("map1", "out", null, "zip0", "in", 1)), t.internals());
    }

    @Test
    void thesisTestWarnsThatYIsNeverUsed() {
        TemplateResult r = TemplateParser.parse(resource("thesis_test.txt"), TemplateLibrary.standard());
        assertEquals(List.of(), r.errors());
        assertEquals(1, r.warnings().size(), r::format);
        TemplateError w = r.warnings().get(0);
        assertEquals(1, w.line());
        assertEquals(16, w.column(), "points at y in the header");
        assertTrue(w.message().contains("'y'") && w.message().contains("never used"), w.message());
    }

    @Test
    void thesisMeetupTextGivesIoTpysJson() {
        assertParsesTo("thesis_meetup.txt", "thesis_meetup.json", mlLibrary());
    }

    @Test
    void thesisLinearRegressionTextGivesIoTpysJson() {
        // function=train is a bare word at a function parameter: IoTpy kept it as the name of a function.
        assertParsesTo("thesis_linear_regression.txt", "thesis_linear_regression.json", mlLibrary());
    }

    @Test
    void iotpysOwnLinearRegressionExampleSendsItsUnusedModelToNone() {
        // The version of the example in IoTpy's repository (examples/linear_regression.txt): its
        // stored JSON ends its externals with ["None", "train0", "model"].
        String text = """
                linear_regression() -> None
                {
                    train = source(function="ML.examples.linear_regression.source", initial_state=0, time_interval=0.1);
                    m = func(function="ML.LinearRegression.LinearRegressionStream", parameters=[1, 1]);
                    f_train = attribute(in=m, attribute="train");
                    model = train(in=train, function=f_train, min_window_size=1, max_window_size=100, step_size=1, num_features=1);
                }
                """;
        TemplateResult r = TemplateParser.parse(text, mlLibrary());
        assertTrue(r.ok(), r::format);
        Template t = r.template();
        assertEquals(List.of(new Internal("func0", "out", "attribute0", "in"),
                new Internal("source0", "out", "train0", "in"),
                new Internal("attribute0", "out", "train0", "function")), t.internals());
        assertEquals(List.of(
                new External("\"ML.examples.linear_regression.source\"", "source0", "function"),
                new External("0", "source0", "initial_state"),
                new External("0.1", "source0", "time_interval"),
                new External("\"ML.LinearRegression.LinearRegressionStream\"", "func0", "function"),
                new External("1", "func0", "parameters", 0),
                new External("1", "func0", "parameters", 1),
                new External("\"train\"", "attribute0", "attribute"),
                new External("1", "train0", "min_window_size"),
                new External("100", "train0", "max_window_size"),
                new External("1", "train0", "step_size"),
                new External("1", "train0", "num_features"),
                new External("None", "train0", "model")), t.externals());
        assertEquals(List.of(), t.inputs());
        assertEquals(List.of(), t.outputs());
    }

    @Test
    void listOutputsAreIndicesOfOneOutputAndCommaOutputsAreSeveral() {
        TemplateLibrary lib = TemplateLibrary.standard().register(Fixtures.signature("two",
                List.of(new Param("in", "stream")), List.of(new Param("lo", "stream"), new Param("hi", "stream"))));
        String text = """
                split(x:stream) -> p:stream, q:stream {
                    [a, p] = unzip(in=x);
                    q, c = two(in=a);
                    sink(function=show, in=c);
                }
                """;
        TemplateResult r = TemplateParser.parse(text, lib);
        assertTrue(r.ok(), r::format);
        Template t = r.template();
        assertEquals(List.of(new External("p", "unzip0", "out", 1), new External("q", "two0", "lo"),
                new External("x", "unzip0", "in"), new External("show", "sink0", "function")), t.externals());
        assertEquals(List.of(new Internal("unzip0", "out", 0, "two0", "in", null),
                new Internal("two0", "hi", null, "sink0", "in", null)), t.internals());
    }

    @Test
    void typesOptionalFieldsNoneAndLeaves() {
        String text = """
                # A leaf: an empty body, as IoTpy's own leaves were declared.
                scale(function:function, factor*, in:stream) -> out:stream {
                }
                double(x:stream, k*:number) -> y:stream {
                    y = scale(function="mul", in=x, factor=-2.5e-1);  # negative numbers and exponents
                }
                """;
        TemplateResult r = TemplateParser.parse(text, TemplateLibrary.standard());
        assertTrue(r.ok(), r::format);
        Template leaf = r.templatesOrThrow().get(0);
        assertEquals("scale", leaf.assembly());
        assertEquals(List.of("factor"), leaf.optional());
        assertEquals(List.of(), leaf.components());
        Template dbl = r.templatesOrThrow().get(1);
        assertEquals(List.of(new Param("x", "stream"), new Param("k", "number")), dbl.inputs());
        assertEquals(List.of("k"), dbl.optional(), "a typed optional field is a plain name, not IoTpy's [name]");
        assertTrue(dbl.externals().contains(new External("-2.5e-1", "scale0", "factor")));
        assertEquals(List.of("the input 'k' of 'double' is never used"),
                r.warnings().stream().map(TemplateError::message).toList());
    }

    @Test
    void emptyOutputsAreWrittenNone() {
        TemplateResult r = TemplateParser.parse("show(x:stream) -> None { sink(function=print, in=x); }",
                TemplateLibrary.standard());
        assertTrue(r.ok(), r::format);
        assertEquals(List.of(), r.template().outputs());
        assertEquals(List.of(new External("print", "sink0", "function"), new External("x", "sink0", "in")),
                r.template().externals());
    }

    @Test
    void aTemplateOutputMayAlsoFeedAnotherLine() {
        // IoTpy routes both through the externals: the same name, the same value.
        TemplateResult r = TemplateParser.parse("""
                t(x:stream) -> z:stream {
                    z = map(in=x, function=f);
                    sink(in=z, function=g);
                }
                """, TemplateLibrary.standard());
        assertTrue(r.ok(), r::format);
        assertEquals(List.of(new External("z", "map0", "out"), new External("x", "map0", "in"),
                new External("f", "map0", "function"), new External("z", "sink0", "in"),
                new External("g", "sink0", "function")), r.template().externals());
        assertEquals(List.of(), r.template().internals());
    }
}
