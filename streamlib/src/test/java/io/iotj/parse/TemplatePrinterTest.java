package io.iotj.parse;

import io.iotj.template.Template;
import io.iotj.template.TemplateException;
import io.iotj.template.TemplateJson;
import io.iotj.template.TemplateLibrary;
import io.iotj.template.TemplateResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.iotj.parse.Fixtures.mlLibrary;
import static io.iotj.parse.Fixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Model to text, and text to JSON to text to JSON is stable. */
class TemplatePrinterTest {

    /** text → model → text → model: the models equal, and the second text prints as itself. */
    private static void assertStable(String text, TemplateLibrary lib) {
        TemplateResult first = TemplateParser.parse(text, lib);
        assertTrue(first.ok(), () -> first.format() + "\n" + text);
        for (Template t1 : first.templatesOrThrow()) {
            String json1 = TemplateJson.write(t1);
            String printed = TemplatePrinter.print(TemplateJson.readTemplate(json1), lib);
            TemplateResult second = TemplateParser.parse(printed, lib);
            assertTrue(second.ok(), () -> second.format() + "\n" + printed);
            String json2 = TemplateJson.write(second.template());
            assertEquals(json1, json2, () -> "original:\n" + text + "\nprinted:\n" + printed);
            assertEquals(printed, TemplatePrinter.print(second.template(), lib));
        }
    }

    @Test
    void printsTheThesisTestJsonAsReadableText() {
        Template t = TemplateJson.readTemplate(resource("thesis_test.json"));
        assertEquals("""
                test(x:stream, y:stream) -> z:stream {
                    map0_out = map(in=x, function="times_two");
                    map1_out = map(in=x, function="iden");
                    z = zip(in=[map0_out, map1_out]);
                }
                """, TemplatePrinter.print(t, TemplateLibrary.standard()));
    }

    @Test
    void printsMeetupKeepingTheOrderOfEveryWire() {
        Template t = TemplateJson.readTemplate(resource("thesis_meetup.json"));
        assertEquals("""
                meetup() -> None {
                    source0_out = source(function="ML.examples.meetup.source", initial_state=0);
                    func0_out = func(function="ML.KMeans.KMeansStream", parameters=[0, 0, 5]);
                    attribute0_out = attribute(in=func0_out, attribute="train");
                    train0_model = train(in=source0_out, function=attribute0_out, num_features=2, min_window_size=5, max_window_size=30, step_size=2);
                    plot(in=source0_out, model=train0_model, function="ML.examples.meetup.plot", num_features=2, min_window_size=5, max_window_size=100, step_size=2);
                }
                """, TemplatePrinter.print(t, mlLibrary()));
    }

    @Test
    void thesisTemplatesAreStable() {
        assertStable(resource("thesis_test.txt"), TemplateLibrary.standard());
        assertStable(resource("thesis_meetup.txt"), mlLibrary());
        assertStable(resource("thesis_linear_regression.txt"), mlLibrary());
    }

    @Test
    void unusedOutputsListOutputsAndLeavesAreStable() {
        assertStable("""
                t(x:stream, f*:function) -> p:stream, q {
                    [a, p, c] = unzip(in=x);
                    unused = map(in=a, function=f);
                    q = attribute(in=c, attribute="n");
                    m = mix(in=[a, c, a]);
                    sink(function="print", in=m, parameters=[1, -2.5, None, "s"]);
                }
                leaf(in:stream, k*) -> out:stream {
                }
                """, TemplateLibrary.standard());
    }

    @Test
    void iotpysLeafSignaturesPrintAndReadBack() {
        TemplateLibrary lib = TemplateLibrary.standard();
        String text = TemplatePrinter.print(TemplateLibrary.leaves(), lib);
        assertTrue(text.startsWith("map(function:function, initial_state*, parameters*, in:stream) -> out:stream {\n}\n"),
                text);
        assertEquals(TemplateLibrary.leaves(), TemplateParser.parse(text, lib).templatesOrThrow());
    }

    @Test
    void generatedTemplatesAreStable() {
        TemplateGenerator gen = new TemplateGenerator(42);
        for (int i = 0; i < 300; i++) {
            assertStable(gen.next("g" + i), TemplateLibrary.standard());
        }
    }

    @Test
    void partsOfUnknownTemplatesGetOutputsFromTheirWiring() {
        // Without train and plot in the library the printer infers train0's output from the wiring.
        Template t = TemplateJson.readTemplate(resource("thesis_meetup.json"));
        String printed = TemplatePrinter.print(t, TemplateLibrary.standard());
        assertTrue(printed.contains("train0_model = train("), printed);
        assertEquals(t, TemplateParser.parse(printed, mlLibrary()).template());
    }

    @Test
    void whatTheLanguageCannotSayIsAnError() {
        Template quoted = TemplateJson.readTemplate("""
                {"name": "t", "assembly": "assemble", "inputs": [["stream", "x"]], "outputs": [],
                 "components": [["sink0", "sink"]],
                 "externals": [["x", "sink0", "in"], ["\\"a\\"b\\"", "sink0", "function"]]}
                """);
        TemplateException e = assertThrows(TemplateException.class,
                () -> TemplatePrinter.print(quoted, TemplateLibrary.standard()));
        assertTrue(e.getMessage().contains("holds a quote"), e.getMessage());

        Template gap = TemplateJson.readTemplate("""
                {"name": "t", "assembly": "assemble", "inputs": [["stream", "x"]], "outputs": [["stream", "z"]],
                 "components": [["zip0", "zip"]],
                 "externals": [["z", "zip0", "out"], ["x", "zip0", "in", 0], ["x", "zip0", "in", 2]]}
                """);
        e = assertThrows(TemplateException.class, () -> TemplatePrinter.print(gap, TemplateLibrary.standard()));
        assertTrue(e.getMessage().contains("gap"), e.getMessage());

        Template renamedLeaf = new Template("double", "map", List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
        e = assertThrows(TemplateException.class, () -> TemplatePrinter.print(renamedLeaf, TemplateLibrary.standard()));
        assertTrue(e.getMessage().contains("assembly"), e.getMessage());
    }
}
