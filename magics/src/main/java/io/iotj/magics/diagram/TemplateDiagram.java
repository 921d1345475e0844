package io.iotj.magics.diagram;

import io.iotj.magics.html.Xml;
import io.iotj.magics.diagram.DiagramGraph.Part;
import io.iotj.magics.diagram.DiagramGraph.Wire;
import io.iotj.magics.diagram.DiagramLayout.Box;
import io.iotj.magics.diagram.DiagramLayout.Point;
import io.iotj.template.Template;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Draws a {@link Template} as SVG: parts as boxes labelled with the part's name, its template and
 * the constants fed to it; wires as arrows labelled with the parameters they join; the template's
 * inputs on the left border and its outputs on the right. A pure function of the model.
 *
 * <p>Every element carries its identity for tools and tests: parts are {@code <g class="part"
 * data-part="map0" data-template="map">}, border ports {@code <g class="port input"
 * data-port="x">}, wires {@code <g class="wire" data-from="map0.out" data-to="zip0.in[0]">}, in the
 * direction values flow.
 *
 * <p>The drawing has its natural size but never more than the width it is shown in: a template
 * wider than a notebook cell is scaled down to fit, not cut off behind a scroll bar. Its width is
 * therefore 100 % (capped at the natural width by its style) and its height the natural one: the
 * classic notebook sizes the box around an SVG from these two attributes, so a width in pixels
 * would fix the box wider than the cell.
 */
public final class TemplateDiagram {
    private static final String PART_FILL = "#eef4fb";
    private static final String PART_STROKE = "#4a78b0";
    private static final String PORT_FILL = "#fdf3e1";
    private static final String PORT_STROKE = "#c08a2b";
    private static final String WIRE = "#555555";
    private static final String LABEL = "#7a7a7a";

    private TemplateDiagram() {
    }

    /**
     * The SVG document (one {@code <svg>} element, no XML prolog) drawing {@code template}, without
     * the signatures of the templates its parts use (see {@link #svg(Template, Function)}).
     */
    public static String svg(Template template) {
        return svg(template, name -> Optional.empty());
    }

    /**
     * The SVG document (one {@code <svg>} element, no XML prolog) drawing {@code template};
     * {@code templates} finds the templates its parts use, whose inputs and outputs say which way
     * each of the template's streams flows.
     */
    public static String svg(Template template, Function<String, Optional<Template>> templates) {
        DiagramGraph graph = DiagramGraph.of(template, templates);
        DiagramLayout layout = DiagramLayout.of(graph);
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"iotj-template\"")
                .append(" data-template=\"").append(Xml.escape(template.name())).append('"')
                .append(" width=\"100%\" height=\"").append(n(layout.height))
                .append("\" viewBox=\"0 0 ").append(n(layout.width)).append(' ').append(n(layout.height))
                .append("\" preserveAspectRatio=\"xMinYMin meet\"")
                .append(" style=\"max-width:").append(n(layout.width)).append("px\"")
                .append(" font-family=\"monospace\" font-size=\"12\">\n");
        sb.append("<title>").append(Xml.escape(graph.title())).append("</title>\n");
        sb.append("<defs><marker id=\"iotj-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
                .append(" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"").append(WIRE)
                .append("\"/></marker></defs>\n");
        sb.append("<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append("<text x=\"").append(n(DiagramLayout.MARGIN)).append("\" y=\"")
                .append(n(DiagramLayout.MARGIN + 14)).append("\" font-size=\"14\"")
                .append(" font-weight=\"bold\">").append(Xml.escape(graph.title()))
                .append("</text>\n");
        writeWires(sb, layout);
        for (Part p : graph.parts()) {
            writePart(sb, p, layout.parts.get(p.name()));
        }
        layout.inputs.forEach((name, box) -> writePort(sb, "input", name, box));
        layout.outputs.forEach((name, box) -> writePort(sb, "output", name, box));
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static void writePart(StringBuilder sb, Part p, Box b) {
        sb.append("<g class=\"part\" data-part=\"").append(Xml.escape(p.name()))
                .append("\" data-template=\"").append(Xml.escape(p.template())).append("\">")
                .append("<title>").append(Xml.escape(p.name() + ": " + p.template()))
                .append("</title>");
        rect(sb, b, 6, PART_FILL, PART_STROKE);
        List<String> lines = DiagramLayout.lines(p);
        for (int i = 0; i < lines.size(); i++) {
            double y = b.y() + DiagramLayout.PAD / 2 + (i + 1) * DiagramLayout.LINE_HEIGHT - 4;
            sb.append("<text x=\"").append(n(b.x() + b.w() / 2)).append("\" y=\"").append(n(y))
                    .append("\" text-anchor=\"middle\"");
            if (i == 0) {
                sb.append(" font-weight=\"bold\"");
            } else if (i == 1) {
                sb.append(" font-style=\"italic\" fill=\"").append(PART_STROKE).append('"');
            } else {
                sb.append(" font-size=\"11\" fill=\"#333333\"");
            }
            sb.append('>').append(Xml.escape(lines.get(i))).append("</text>");
        }
        sb.append("</g>\n");
    }

    private static void writePort(StringBuilder sb, String kind, String name, Box b) {
        sb.append("<g class=\"port ").append(kind).append("\" data-port=\"")
                .append(Xml.escape(name)).append("\"><title>").append(kind).append(' ')
                .append(Xml.escape(name)).append("</title>");
        rect(sb, b, 11, PORT_FILL, PORT_STROKE);
        sb.append("<text x=\"").append(n(b.x() + b.w() / 2)).append("\" y=\"")
                .append(n(b.cy() + 4)).append("\" text-anchor=\"middle\">")
                .append(Xml.escape(name)).append("</text></g>\n");
    }

    private static void rect(StringBuilder sb, Box b, double r, String fill, String stroke) {
        sb.append("<rect x=\"").append(n(b.x())).append("\" y=\"").append(n(b.y()))
                .append("\" width=\"").append(n(b.w())).append("\" height=\"").append(n(b.h()))
                .append("\" rx=\"").append(n(r)).append("\" fill=\"").append(fill)
                .append("\" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\"/>");
    }

    /** Wires leave a box's right side and enter the next box's left side. */
    private static void writeWires(StringBuilder sb, DiagramLayout layout) {
        for (Wire w : layout.graph.wires()) {
            List<Point> pts = layout.routes.get(w);
            Point first = pts.get(0);
            Point last = pts.getLast();
            StringBuilder d = new StringBuilder("M").append(n(first.x())).append(',')
                    .append(n(first.y()));
            if (layout.backWires.contains(w)) {
                // A feedback wire: out of the right side, down below everything, back to the left.
                double ly = layout.loopY;
                d.append(" C").append(n(first.x() + 60)).append(',').append(n(ly)).append(' ')
                        .append(n(last.x() - 60)).append(',').append(n(ly)).append(' ')
                        .append(n(last.x())).append(',').append(n(last.y()));
            } else {
                for (int i = 1; i < pts.size(); i++) {
                    Point a = pts.get(i - 1);
                    Point b = pts.get(i);
                    if (i % 2 == 1) {
                        double dx = Math.max(30, (b.x() - a.x()) / 2);
                        d.append(" C").append(n(a.x() + dx)).append(',').append(n(a.y()))
                                .append(' ').append(n(b.x() - dx)).append(',').append(n(b.y()))
                                .append(' ').append(n(b.x())).append(',').append(n(b.y()));
                    } else {
                        d.append(" L").append(n(b.x())).append(',').append(n(b.y()));
                    }
                }
            }
            sb.append("<g class=\"wire\" data-from=\"").append(Xml.escape(w.fromLabel()))
                    .append("\" data-to=\"").append(Xml.escape(w.toLabel())).append("\"><title>")
                    .append(Xml.escape(w.fromLabel() + " \u2192 " + w.toLabel()))
                    .append("</title><path d=\"").append(d).append("\" fill=\"none\" stroke=\"")
                    .append(WIRE).append("\" stroke-width=\"1.4\"")
                    .append(" marker-end=\"url(#iotj-arrow)\"/>");
            if (w.fromPart() != null) {
                label(sb, first.x() + 4, first.y() - 4, "start", w.fromParam());
            }
            if (w.toPart() != null) {
                label(sb, last.x() - 9, last.y() - 4, "end", w.toParam());
            }
            sb.append("</g>\n");
        }
    }

    private static void label(StringBuilder sb, double x, double y, String anchor, String text) {
        sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" text-anchor=\"").append(anchor).append("\" font-size=\"10\" fill=\"")
                .append(LABEL).append("\">").append(Xml.escape(text)).append("</text>");
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
