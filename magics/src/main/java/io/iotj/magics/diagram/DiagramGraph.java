package io.iotj.magics.diagram;

import io.iotj.template.Component;
import io.iotj.template.External;
import io.iotj.template.Internal;
import io.iotj.template.Param;
import io.iotj.template.Template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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

    /** Builds the drawable graph of {@code t}, knowing nothing of the templates its parts use. */
    static DiagramGraph of(Template t) {
        return of(t, name -> Optional.empty());
    }

    /**
     * Builds the drawable graph of {@code t}; {@code templates} finds the templates its parts use,
     * whose signatures say which way each external flows.
     *
     * <p>An external {@code [ext, part, param]} joins a template stream (or a constant) to a part's
     * parameter; values flow into the part when the parameter is one of its inputs, out of it when
     * one of its outputs. A template output can be both made by one part and read by another
     * (IoTpy's {@code regression_chart}: {@code z} comes out of the regression and into a zip):
     * the reader's wire then starts at the part that makes it, not at the border.
     */
    static DiagramGraph of(Template t, Function<String, Optional<Template>> templates) {
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
        Map<String, String> partTemplate = new HashMap<>();
        for (Component c : t.components()) {
            partTemplate.put(c.part(), c.template());
        }
        List<Wire> wires = new ArrayList<>();
        List<Part> extra = new ArrayList<>();
        // Per template stream: the parts' parameters that make it and those that read it.
        Map<String, List<String[]>> makers = new LinkedHashMap<>();
        Map<String, List<String[]>> readers = new LinkedHashMap<>();
        for (External e : t.externals()) {
            // An external may name a part missing from components (hand-written JSON); draw it
            // anyway so the mistake is visible rather than silently lost.
            if (known.add(e.part())) {
                constants.put(e.part(), new ArrayList<>());
                extra.add(new Part(e.part(), "?", constants.get(e.part())));
            }
            String param = indexed(e.param(), e.index());
            boolean stream = ins.contains(e.ext()) || outs.contains(e.ext());
            if (!stream) {
                if (!"None".equals(e.ext())) {
                    constants.get(e.part()).add(param + " = " + e.ext());
                }
                continue;
            }
            Boolean out = isOutput(templates, partTemplate.get(e.part()), e.param());
            if (out == null) {
                out = !ins.contains(e.ext()); // unknown part: a template output is made by it
            }
            (out ? makers : readers).computeIfAbsent(e.ext(), k -> new ArrayList<>())
                    .add(new String[] {e.part(), param});
        }
        for (String in : ins) {
            for (String[] r : readers.getOrDefault(in, List.of())) {
                wires.add(new Wire(null, in, r[0], r[1]));
            }
        }
        for (String o : outs) {
            List<String[]> made = makers.getOrDefault(o, List.of());
            for (String[] m : made) {
                wires.add(new Wire(m[0], m[1], null, o));
            }
            for (String[] r : readers.getOrDefault(o, List.of())) {
                if (made.isEmpty()) {
                    // Read but made by no part: said on the reader, where the mistake shows.
                    constants.get(r[0]).add(r[1] + " = " + o + " (made by no part)");
                }
                for (String[] m : made) {
                    wires.add(new Wire(m[0], m[1], r[0], r[1]));
                }
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

    /**
     * Whether {@code param} is an output (true) or an input (false) of the template called {@code
     * template}; null when the template or the parameter is unknown.
     */
    private static Boolean isOutput(Function<String, Optional<Template>> templates, String template, String param) {
        if (template == null) {
            return null;
        }
        Optional<Template> found = templates.apply(template);
        if (found.isEmpty()) {
            return null;
        }
        if (found.get().outputs().stream().anyMatch(p -> p.name().equals(param))) {
            return true;
        }
        if (found.get().inputs().stream().anyMatch(p -> p.name().equals(param))) {
            return false;
        }
        return null;
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
