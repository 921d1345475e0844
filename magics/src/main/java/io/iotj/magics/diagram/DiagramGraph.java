package io.iotj.magics.diagram;

import io.iotj.template.Component;
import io.iotj.template.External;
import io.iotj.template.Internal;
import io.iotj.template.Param;
import io.iotj.template.Template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The drawable content of a template: its parts (with the constants fed to them), its border
 * ports, and its wires. A leaf template is drawn as one part named after the template.
 */
record DiagramGraph(String title, List<Part> parts, List<String> inputs, List<String> outputs,
                    List<Wire> wires) {

    /** A box: the part's name, the template it instantiates, and constant parameters as lines. */
    record Part(String name, String template, List<String> constants) { }

    /**
     * A wire from {@code from} to {@code to}. Ends are parts, or the border: {@code fromPart} is
     * null when the wire starts at the template input {@code fromParam}; {@code toPart} is null
     * when it ends at the template output {@code toParam}.
     */
    record Wire(String fromPart, String fromParam, String toPart, String toParam) {
        String fromLabel() {
            return fromPart == null ? fromParam : fromPart + "." + fromParam;
        }

        String toLabel() {
            return toPart == null ? toParam : toPart + "." + toParam;
        }
    }

    /** Builds the drawable graph of {@code t}. */
    static DiagramGraph of(Template t) {
        List<String> ins = t.inputs().stream().map(Param::name).toList();
        List<String> outs = t.outputs().stream().map(Param::name).toList();
        String title = t.name() + "(" + signature(t.inputs()) + ") -> "
                + (t.outputs().isEmpty() ? "None" : signature(t.outputs()));
        if (!t.isComposite()) {
            return leaf(t, title, ins, outs);
        }
        Map<String, List<String>> constants = new LinkedHashMap<>();
        Set<String> known = new LinkedHashSet<>();
        for (Component c : t.components()) {
            known.add(c.part());
            constants.put(c.part(), new ArrayList<>());
        }
        List<Wire> wires = new ArrayList<>();
        List<Part> extra = new ArrayList<>();
        for (External e : t.externals()) {
            // An external may name a part missing from components (hand-written JSON); draw it
            // anyway so the mistake is visible rather than silently lost.
            if (known.add(e.part())) {
                constants.put(e.part(), new ArrayList<>());
                extra.add(new Part(e.part(), "?", constants.get(e.part())));
            }
            String param = indexed(e.param(), e.index());
            if (ins.contains(e.ext())) {
                wires.add(new Wire(null, e.ext(), e.part(), param));
            } else if (outs.contains(e.ext())) {
                wires.add(new Wire(e.part(), param, null, e.ext()));
            } else if (!"None".equals(e.ext())) {
                constants.get(e.part()).add(param + " = " + e.ext());
            }
        }
        for (Internal i : t.internals()) {
            for (String p : List.of(i.srcPart(), i.dstPart())) {
                if (known.add(p)) {
                    constants.put(p, new ArrayList<>());
                    extra.add(new Part(p, "?", constants.get(p)));
                }
            }
            wires.add(new Wire(i.srcPart(), indexed(i.srcParam(), i.srcIndex()),
                    i.dstPart(), indexed(i.dstParam(), i.dstIndex())));
        }
        List<Part> parts = new ArrayList<>();
        for (Component c : t.components()) {
            parts.add(new Part(c.part(), c.template(), List.copyOf(constants.get(c.part()))));
        }
        for (Part p : extra) {
            parts.add(new Part(p.name(), p.template(), List.copyOf(p.constants())));
        }
        return new DiagramGraph(title, parts, ins, outs, wires);
    }

    private static DiagramGraph leaf(Template t, String title, List<String> ins, List<String> outs) {
        List<Wire> wires = new ArrayList<>();
        for (String in : ins) {
            wires.add(new Wire(null, in, t.name(), in));
        }
        for (String out : outs) {
            wires.add(new Wire(t.name(), out, null, out));
        }
        Part only = new Part(t.name(), t.assembly(), List.of());
        return new DiagramGraph(title, List.of(only), ins, outs, wires);
    }

    private static String indexed(String param, Integer index) {
        return index == null ? param : param + "[" + index + "]";
    }

    private static String signature(List<Param> params) {
        StringBuilder sb = new StringBuilder();
        for (Param p : params) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(p.name());
            if (p.type() != null) {
                sb.append(':').append(p.type());
            }
        }
        return sb.toString();
    }
}
