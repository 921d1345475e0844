package io.iotj.magics.diagram;

import io.iotj.magics.chart.PlotLeaf;
import io.iotj.ml.MlLeaves;
import io.iotj.parse.TemplateParser;
import io.iotj.template.Param;
import io.iotj.template.Template;
import io.iotj.template.TemplateLibrary;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.iotj.magics.diagram.TemplateDiagramTest.groups;
import static io.iotj.magics.diagram.TemplateDiagramTest.parse;
import static io.iotj.magics.diagram.TemplateDiagramTest.rectOf;
import static io.iotj.magics.diagram.TemplateDiagramTest.wires;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every wire of a diagram points the way values flow: out of a part's output, into a part's input,
 * from a template input, to a template output; for templates whose externals and internals carry
 * indexes ({@code in[1]}, {@code out[0]}) and whose outputs are read inside them.
 */
class DiagramDirectionTest {

    private static TemplateLibrary library() {
        TemplateLibrary lib = PlotLeaf.register(MlLeaves.register(TemplateLibrary.standard()));
        lib.register(TemplateParser.parseTemplate("""
                linear_regression(x:stream, y:stream) -> z:stream {
                    model = train(in=x, function=train, num_features=2, min_window_size=5, max_window_size=30, step_size=2);
                    z = predict(in=y, function=predict, model=model, num_features=2);
                }
                """, lib));
        return lib;
    }

    @Test
    void aTemplateOutputReadInsideTheTemplateFlowsFromItsMaker() throws Exception {
        // Notebook 04: the external ["z", "zip0", "in", 1] feeds z, which the regression makes,
        // into the zip's second input; it was drawn as an arrow from zip0 to the output z.
        TemplateLibrary lib = library();
        Template chart = TemplateParser.parseTemplate("""
                regression_chart(x:stream, y:stream) -> z:stream {
                    z = linear_regression(x=x, y=y);
                    measured = map(in=y, function="actual");
                    both = zip(in=[measured, z]);
                    plot(in=both, title="prediction against actual", series=["actual", "predicted"]);
                }
                """, lib);
        Document d = parse(TemplateDiagram.svg(chart, lib::find));
        assertEquals(Set.of("x -> linear_regression0.x", "y -> linear_regression0.y", "y -> map0.in",
                "linear_regression0.z -> z", "linear_regression0.z -> zip0.in[1]", "map0.out -> zip0.in[0]",
                "zip0.out -> plot0.in"), wires(d));
        assertFlowsWithSignatures(d, chart, lib);
    }

    @Test
    void indexedOutputsAndInputsPointTheWayValuesGo() throws Exception {
        TemplateLibrary lib = library();
        Template halves = TemplateParser.parseTemplate("""
                halves(x:stream) -> low:stream, high:stream {
                    [low, high] = unzip(in=x);
                    both = zip(in=[high, x]);
                    sink(in=both, function="show");
                }
                """, lib);
        Document d = parse(TemplateDiagram.svg(halves, lib::find));
        assertEquals(Set.of("x -> unzip0.in", "unzip0.out[0] -> low", "unzip0.out[1] -> high",
                "unzip0.out[1] -> zip0.in[0]", "x -> zip0.in[1]", "zip0.out -> sink0.in"), wires(d));
        assertFlowsWithSignatures(d, halves, lib);

        Template test = TemplateDiagramTest.thesisTest(); // internals into zip0.in[0] and in[1]
        Document t = parse(TemplateDiagram.svg(test, lib::find));
        assertFlowsWithSignatures(t, test, lib);
    }

    @Test
    void aDiagramFitsTheWidthItIsShownIn() throws Exception {
        Document d = parse(TemplateDiagram.svg(TemplateDiagramTest.twentyParts()));
        Element svg = d.getDocumentElement();
        String[] box = svg.getAttribute("viewBox").split(" ");
        double width = Double.parseDouble(box[2]);
        assertTrue(width > 1000, "a wide drawing");
        assertEquals("100%", svg.getAttribute("width"), "as wide as the cell at most");
        assertEquals(box[3], svg.getAttribute("height"), "its own height");
        assertTrue(svg.getAttribute("style").contains("max-width:" + box[2] + "px"), "never wider than drawn");
        assertEquals("xMinYMin meet", svg.getAttribute("preserveAspectRatio"), "scaled down whole, from the left");
    }

    /**
     * For every wire: its start is a template input or an output of the part's template, its end
     * a template output or an input of the part's template, and it is drawn from the right side of
     * where it starts to the left side of where it ends (where its arrow head is).
     */
    static void assertFlowsWithSignatures(Document d, Template t, TemplateLibrary lib) {
        Map<String, String> partTemplate = new HashMap<>();
        Map<String, TemplateDiagramTest.Rect> boxes = new HashMap<>();
        for (Element g : groups(d, "part")) {
            partTemplate.put(g.getAttribute("data-part"), g.getAttribute("data-template"));
            boxes.put(g.getAttribute("data-part"), rectOf(g));
        }
        Map<String, TemplateDiagramTest.Rect> inPorts = new HashMap<>();
        Map<String, TemplateDiagramTest.Rect> outPorts = new HashMap<>();
        groups(d, "input").forEach(g -> inPorts.put(g.getAttribute("data-port"), rectOf(g)));
        groups(d, "output").forEach(g -> outPorts.put(g.getAttribute("data-port"), rectOf(g)));
        List<String> ins = t.inputs().stream().map(Param::name).toList();
        List<String> outs = t.outputs().stream().map(Param::name).toList();
        for (Element w : groups(d, "wire")) {
            String from = w.getAttribute("data-from");
            String to = w.getAttribute("data-to");
            TemplateDiagramTest.Rect fromBox;
            TemplateDiagramTest.Rect toBox;
            if (from.contains(".")) {
                String part = from.substring(0, from.indexOf('.'));
                String param = from.substring(from.indexOf('.') + 1).replaceAll("\\[\\d+]$", "");
                assertTrue(lib.get(partTemplate.get(part)).outputs().stream().anyMatch(p -> p.name().equals(param)),
                        from + " -> " + to + " starts at an output of " + partTemplate.get(part));
                fromBox = boxes.get(part);
            } else {
                assertTrue(ins.contains(from), from + " -> " + to + " starts at a template input");
                fromBox = inPorts.get(from);
            }
            if (to.contains(".")) {
                String part = to.substring(0, to.indexOf('.'));
                String param = to.substring(to.indexOf('.') + 1).replaceAll("\\[\\d+]$", "");
                assertTrue(lib.get(partTemplate.get(part)).inputs().stream().anyMatch(p -> p.name().equals(param)),
                        from + " -> " + to + " ends at an input of " + partTemplate.get(part));
                toBox = boxes.get(part);
            } else {
                assertTrue(outs.contains(to), from + " -> " + to + " ends at a template output");
                toBox = outPorts.get(to);
            }
            double[] ends = ends(((Element) w.getElementsByTagName("path").item(0)).getAttribute("d"));
            assertEquals(fromBox.x() + fromBox.w(), ends[0], 1.0, from + " -> " + to + " leaves the right side of " + from);
            assertEquals(toBox.x(), ends[2], 1.0, from + " -> " + to + " arrives at the left side of " + to);
            assertTrue(ends[1] >= fromBox.y() && ends[1] <= fromBox.y() + fromBox.h(), from + " -> " + to + " starts on its box");
            assertTrue(ends[3] >= toBox.y() && ends[3] <= toBox.y() + toBox.h(), from + " -> " + to + " ends on its box");
        }
    }

    /** The first and last point of an SVG path: {x0, y0, x1, y1}. */
    private static double[] ends(String path) {
        Matcher m = Pattern.compile("(-?[\\d.]+),(-?[\\d.]+)").matcher(path);
        double[] out = new double[4];
        boolean first = true;
        while (m.find()) {
            if (first) {
                out[0] = Double.parseDouble(m.group(1));
                out[1] = Double.parseDouble(m.group(2));
                first = false;
            }
            out[2] = Double.parseDouble(m.group(1));
            out[3] = Double.parseDouble(m.group(2));
        }
        return out;
    }
}
