package io.iotj.magics.diagram;

import io.iotj.template.Component;
import io.iotj.template.External;
import io.iotj.template.Internal;
import io.iotj.template.Param;
import io.iotj.template.Template;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateDiagramTest {

    /** IoTpy's {@code test} template (section 3.1.2). */
    static Template thesisTest() {
        return new Template("test", Template.ASSEMBLE,
                List.of(new Param("x", "stream"), new Param("y", "stream")),
                List.of(new Param("z", "stream")), List.of(),
                List.of(new Component("map0", "map"), new Component("map1", "map"),
                        new Component("zip0", "zip")),
                List.of(new External("z", "zip0", "out"), new External("x", "map0", "in"),
                        new External("\"times_two\"", "map0", "function"),
                        new External("x", "map1", "in"),
                        new External("\"iden\"", "map1", "function")),
                List.of(new Internal("map0", "out", null, "zip0", "in", 0),
                        new Internal("map1", "out", null, "zip0", "in", 1)));
    }

    record Rect(double x, double y, double w, double h) {
        boolean overlaps(Rect o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(
                new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> groups(Document d, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList gs = d.getElementsByTagName("g");
        for (int i = 0; i < gs.getLength(); i++) {
            Element g = (Element) gs.item(i);
            if (List.of(g.getAttribute("class").split(" ")).contains(cls)) {
                out.add(g);
            }
        }
        return out;
    }

    static Rect rectOf(Element g) {
        Element r = (Element) g.getElementsByTagName("rect").item(0);
        return new Rect(Double.parseDouble(r.getAttribute("x")), Double.parseDouble(r.getAttribute("y")),
                Double.parseDouble(r.getAttribute("width")), Double.parseDouble(r.getAttribute("height")));
    }

    static Set<String> wires(Document d) {
        Set<String> out = new HashSet<>();
        for (Element g : groups(d, "wire")) {
            out.add(g.getAttribute("data-from") + " -> " + g.getAttribute("data-to"));
        }
        return out;
    }

    @Test
    void thesisTestTemplateShowsEveryPartWireAndConstant() throws Exception {
        String svg = TemplateDiagram.svg(thesisTest());
        Document d = parse(svg);
        assertEquals("svg", d.getDocumentElement().getLocalName());
        Map<String, String> parts = new HashMap<>();
        for (Element g : groups(d, "part")) {
            parts.put(g.getAttribute("data-part"), g.getAttribute("data-template"));
        }
        assertEquals(Map.of("map0", "map", "map1", "map", "zip0", "zip"), parts);
        assertEquals(Set.of("x -> map0.in", "x -> map1.in", "map0.out -> zip0.in[0]",
                "map1.out -> zip0.in[1]", "zip0.out -> z"), wires(d));
        assertTrue(d.getDocumentElement().getTextContent().contains("function = \"times_two\""));
        assertTrue(d.getDocumentElement().getTextContent().contains("function = \"iden\""));
        Set<String> inputs = new HashSet<>();
        for (Element g : groups(d, "input")) {
            inputs.add(g.getAttribute("data-port"));
        }
        assertEquals(Set.of("x", "y"), inputs, "y is declared though unused: it still shows");
        assertEquals(1, groups(d, "output").size());
    }

    @Test
    void inputsSitLeftOfEveryPartAndOutputsRight() throws Exception {
        Document d = parse(TemplateDiagram.svg(thesisTest()));
        double minPartX = Double.MAX_VALUE;
        double maxPartRight = 0;
        for (Element g : groups(d, "part")) {
            Rect r = rectOf(g);
            minPartX = Math.min(minPartX, r.x);
            maxPartRight = Math.max(maxPartRight, r.x + r.w);
        }
        for (Element g : groups(d, "input")) {
            Rect r = rectOf(g);
            assertTrue(r.x + r.w < minPartX, "input port right of a part");
        }
        for (Element g : groups(d, "output")) {
            assertTrue(rectOf(g).x > maxPartRight, "output port left of a part");
        }
    }

    /** A 20-part template: 4 sources fan out through 3 layers of maps into zips and a sink. */
    static Template twentyParts() {
        List<Component> cs = new ArrayList<>();
        List<External> es = new ArrayList<>();
        List<Internal> is = new ArrayList<>();
        List<Param> ins = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            ins.add(new Param("sensor_" + s, "stream"));
            for (int layer = 0; layer < 4; layer++) {
                String part = "map" + (s * 4 + layer);
                cs.add(new Component(part, "map"));
                es.add(new External("\"scale_" + layer + "\"", part, "function"));
                if (layer == 0) {
                    es.add(new External("sensor_" + s, part, "in"));
                } else {
                    is.add(new Internal("map" + (s * 4 + layer - 1), "out", part, "in"));
                }
            }
        }
        cs.add(new Component("zip0", "zip"));
        cs.add(new Component("zip1", "zip"));
        cs.add(new Component("zip2", "zip"));
        cs.add(new Component("sink0", "sink"));
        is.add(new Internal("map3", "out", null, "zip0", "in", 0));
        is.add(new Internal("map7", "out", null, "zip0", "in", 1));
        is.add(new Internal("map11", "out", null, "zip1", "in", 0));
        is.add(new Internal("map15", "out", null, "zip1", "in", 1));
        is.add(new Internal("zip0", "out", null, "zip2", "in", 0));
        is.add(new Internal("zip1", "out", null, "zip2", "in", 1));
        is.add(new Internal("zip2", "out", "sink0", "in"));
        is.add(new Internal("map0", "out", null, "zip2", "in", 2));
        es.add(new External("merged", "zip2", "out"));
        return new Template("big", Template.ASSEMBLE, ins, List.of(new Param("merged", "stream")),
                List.of(), cs, es, is);
    }

    @Test
    void twentyPartsAreReadableNoBoxesOverlapAndEverythingFits() throws Exception {
        Template t = twentyParts();
        assertEquals(20, t.components().size());
        Document d = parse(TemplateDiagram.svg(t));
        Element svg = d.getDocumentElement();
        String[] box = svg.getAttribute("viewBox").split(" ");
        double width = Double.parseDouble(box[2]);
        double height = Double.parseDouble(box[3]);

        List<Rect> boxes = new ArrayList<>();
        Map<String, Rect> byPart = new HashMap<>();
        for (Element g : groups(d, "part")) {
            Rect r = rectOf(g);
            byPart.put(g.getAttribute("data-part"), r);
            boxes.add(r);
            NodeList texts = g.getElementsByTagName("text");
            for (int i = 0; i < texts.getLength(); i++) {
                // 7 px per character is the widest a 12 px monospace glyph renders.
                assertTrue(texts.item(i).getTextContent().length() * 7.0 <= r.w,
                        "text overflows its box: " + texts.item(i).getTextContent());
            }
        }
        for (String port : List.of("input", "output")) {
            groups(d, port).forEach(g -> boxes.add(rectOf(g)));
        }
        assertEquals(20, byPart.size());
        assertEquals(25, boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            Rect a = boxes.get(i);
            assertTrue(a.x >= 0 && a.y >= 0 && a.x + a.w <= width && a.y + a.h <= height,
                    "box outside the drawing: " + a);
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(a.overlaps(boxes.get(j)), a + " overlaps " + boxes.get(j));
            }
        }
        Set<String> expected = new HashSet<>();
        for (Internal in : t.internals()) {
            expected.add(in.srcPart() + "." + in.srcParam() + " -> " + in.dstPart() + "."
                    + in.dstParam() + (in.dstIndex() == null ? "" : "[" + in.dstIndex() + "]"));
            // Left to right: every wire goes to a column further right.
            assertTrue(byPart.get(in.dstPart()).x > byPart.get(in.srcPart()).x + byPart.get(in.srcPart()).w,
                    in + " does not point right");
        }
        for (int s = 0; s < 4; s++) {
            expected.add("sensor_" + s + " -> map" + (s * 4) + ".in");
        }
        expected.add("zip2.out -> merged");
        assertEquals(expected, wires(d));
    }

    /** Points along a path written with M, C and L commands (the forms the diagram uses). */
    static List<double[]> sample(String d) {
        List<double[]> pts = new ArrayList<>();
        String[] tok = d.trim().split("[ ,]+|(?=[MCL])");
        List<String> t = new ArrayList<>();
        for (String s : tok) {
            if (!s.isEmpty()) {
                t.add(s);
            }
        }
        double cx = 0;
        double cy = 0;
        int i = 0;
        while (i < t.size()) {
            String cmd = t.get(i).substring(0, 1);
            String first = t.get(i).substring(1);
            List<Double> nums = new ArrayList<>();
            if (!first.isEmpty()) {
                nums.add(Double.parseDouble(first));
            }
            i++;
            while (i < t.size() && !Character.isLetter(t.get(i).charAt(0))) {
                nums.add(Double.parseDouble(t.get(i++)));
            }
            switch (cmd) {
                case "M", "L" -> {
                    for (int k = 0; k <= 20 && cmd.equals("L"); k++) {
                        double u = k / 20.0;
                        pts.add(new double[] {cx + u * (nums.get(0) - cx), cy + u * (nums.get(1) - cy)});
                    }
                    cx = nums.get(0);
                    cy = nums.get(1);
                }
                case "C" -> {
                    for (int k = 0; k <= 20; k++) {
                        double u = k / 20.0;
                        double a = (1 - u) * (1 - u) * (1 - u);
                        double b = 3 * (1 - u) * (1 - u) * u;
                        double c = 3 * (1 - u) * u * u;
                        double e = u * u * u;
                        pts.add(new double[] {a * cx + b * nums.get(0) + c * nums.get(2) + e * nums.get(4),
                                a * cy + b * nums.get(1) + c * nums.get(3) + e * nums.get(5)});
                    }
                    cx = nums.get(4);
                    cy = nums.get(5);
                }
                default -> throw new AssertionError("unexpected path command " + cmd);
            }
        }
        return pts;
    }

    @Test
    void noWireRunsThroughAPartItDoesNotJoin() throws Exception {
        Document d = parse(TemplateDiagram.svg(twentyParts()));
        Map<String, Rect> byPart = new HashMap<>();
        for (Element g : groups(d, "part")) {
            byPart.put(g.getAttribute("data-part"), rectOf(g));
        }
        for (Element g : groups(d, "wire")) {
            String from = g.getAttribute("data-from").split("\\.")[0];
            String to = g.getAttribute("data-to").split("\\.")[0];
            String path = ((Element) g.getElementsByTagName("path").item(0)).getAttribute("d");
            for (double[] p : sample(path)) {
                byPart.forEach((name, r) -> {
                    if (!name.equals(from) && !name.equals(to)) {
                        boolean inside = p[0] > r.x + 1 && p[0] < r.x + r.w - 1
                                && p[1] > r.y + 1 && p[1] < r.y + r.h - 1;
                        assertFalse(inside, "wire " + from + " -> " + to + " crosses " + name);
                    }
                });
            }
        }
    }

    @Test
    void feedbackLoopsAreDrawnWithoutHanging() throws Exception {
        Template loop = new Template("loop", Template.ASSEMBLE, List.of(new Param("x", "stream")),
                List.of(new Param("y", "stream")), List.of(),
                List.of(new Component("mix0", "mix"), new Component("map0", "map")),
                List.of(new External("x", "mix0", "in", 0), new External("y", "map0", "out")),
                List.of(new Internal("mix0", "out", "map0", "in"),
                        new Internal("map0", "out", null, "mix0", "in", 1)));
        Document d = parse(TemplateDiagram.svg(loop));
        assertTrue(wires(d).contains("map0.out -> mix0.in[1]"));
        assertTrue(wires(d).contains("mix0.out -> map0.in"));
    }

    @Test
    void markupInNamesAndConstantsStaysWellFormed() throws Exception {
        Template t = new Template("odd<&>", Template.ASSEMBLE, List.of(new Param("x", null)),
                List.of(), List.of(), List.of(new Component("p\"0", "map")),
                List.of(new External("x", "p\"0", "in"),
                        new External("\"a<b && c>'d'\u0001\"", "p\"0", "function")),
                List.of());
        Document d = parse(TemplateDiagram.svg(t));
        assertEquals("odd<&>", d.getDocumentElement().getAttribute("data-template"));
        assertTrue(d.getDocumentElement().getTextContent().contains("a<b && c>'d'"));
        assertEquals("p\"0", groups(d, "part").get(0).getAttribute("data-part"));
    }

    @Test
    void leafTemplateIsOneBoxBetweenItsPorts() throws Exception {
        Template map = new Template("map", "map",
                List.of(new Param("in", "stream"), new Param("function", "function")),
                List.of(new Param("out", "stream")), List.of(), List.of(), List.of(), List.of());
        Document d = parse(TemplateDiagram.svg(map));
        assertEquals(1, groups(d, "part").size());
        assertEquals(Set.of("in -> map.in", "function -> map.function", "map.out -> out"), wires(d));
    }
}
