package io.iotj.parse;

import io.iotj.template.Component;
import io.iotj.template.External;
import io.iotj.template.Internal;
import io.iotj.template.Param;
import io.iotj.template.Template;
import io.iotj.template.TemplateException;
import io.iotj.template.TemplateLibrary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The model written back as template text, so JSON written by IoTpy (or by hand) can be read and
 * edited in the language. Parsing what it prints gives the same model for any model the parser
 * produced (text to JSON to text to JSON is stable). Variable names are not in the model, so each
 * wire between parts gets one made from its source, such as {@code map0_out}.
 *
 * <p>The library supplies each part's outputs, in order, as a line's left side is positional. For
 * a part whose template is unknown, its outputs are inferred from the wiring.
 *
 * <p>Some hand-written JSON cannot be said in the language (a constant holding a quote, a list with
 * a gap, a leaf whose assembly is not its name, a composite without parts); printing it throws a
 * {@link TemplateException} saying what. An output left unconnected before a connected one gets a
 * placeholder name, which reads back as IoTpy's {@code ["None", part, param]}, which means the same.
 */
public final class TemplatePrinter {
    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.]+|-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern STRING = Pattern.compile("\"[^\"\\\\\\n\\r]*\"");
    private static final String INDENT = "    ";

    private final Template t;
    private final TemplateLibrary library;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> taken = new HashSet<>();
    /** Variable name of each wired output slot "part param index". */
    private final Map<String, String> variables = new HashMap<>();

    private TemplatePrinter(Template t, TemplateLibrary library) {
        this.t = t;
        this.library = library;
    }

    /**
     * The text of {@code t}.
     *
     * @throws TemplateException when the model cannot be written in the language
     */
    public static String print(Template t, TemplateLibrary library) {
        return new TemplatePrinter(t, library).print();
    }

    /** The texts of several templates, one after another. */
    public static String print(List<Template> ts, TemplateLibrary library) {
        StringBuilder b = new StringBuilder();
        for (Template t : ts) {
            if (!b.isEmpty()) {
                b.append('\n');
            }
            b.append(print(t, library));
        }
        return b.toString();
    }

    private String print() {
        StringBuilder b = new StringBuilder();
        name(t.name(), NAME, "template name");
        b.append(t.name()).append('(');
        List<String> ins = new ArrayList<>();
        for (Param p : t.inputs()) {
            ins.add(field(p));
        }
        b.append(String.join(", ", ins)).append(") -> ");
        List<String> outs = new ArrayList<>();
        for (Param p : t.outputs()) {
            outs.add(field(p));
        }
        b.append(outs.isEmpty() ? "None" : String.join(", ", outs)).append(" {\n");
        for (Param p : t.inputs()) {
            taken.add(p.name());
        }
        for (Param p : t.outputs()) {
            taken.add(p.name());
        }
        if (t.isComposite()) {
            if (t.components().isEmpty()) {
                problems.add("a composite without parts reads back as a leaf");
            }
            lines(b);
        } else {
            if (!t.assembly().equals(t.name())) {
                problems.add("a leaf is written as text only when its assembly is its own name (here \""
                        + t.assembly() + "\")");
            }
            if (!t.components().isEmpty() || !t.externals().isEmpty() || !t.internals().isEmpty()) {
                problems.add("a leaf with parts cannot be written as text");
            }
        }
        b.append("}\n");
        if (!problems.isEmpty()) {
            throw new TemplateException("'" + t.name() + "' cannot be written as template text: "
                    + String.join("; ", new LinkedHashSet<>(problems)));
        }
        return b.toString();
    }

    private String field(Param p) {
        name(p.name(), ID, "parameter name");
        StringBuilder s = new StringBuilder(p.name());
        if (t.optional().contains(p.name())) {
            s.append('*');
        }
        if (p.type() != null) {
            name(p.type(), ID, "type");
            s.append(':').append(p.type());
        }
        return s.toString();
    }

    private void lines(StringBuilder b) {
        Map<String, List<String>> outputsOf = new HashMap<>();
        for (Component c : t.components()) {
            name(c.template(), NAME, "template name");
            outputsOf.put(c.part(), outputParams(c));
        }
        // Name every output slot first: a line may use a variable assigned by a later line.
        Map<String, Map<String, TreeMap<Integer, String>>> lhs = new HashMap<>();
        for (Component c : t.components()) {
            lhs.put(c.part(), new LinkedHashMap<>());
        }
        for (External e : t.externals()) {
            List<String> outs = outputsOf.get(e.part());
            if (outs != null && outs.contains(e.param()) && !e.ext().equals("None")) {
                String slot = slot(e.part(), e.param(), e.index());
                String earlier = variables.putIfAbsent(slot, e.ext());
                if (earlier != null && !earlier.equals(e.ext())) {
                    problems.add("the output " + shown(e.part(), e.param(), e.index()) + " has two names, '"
                            + earlier + "' and '" + e.ext() + "'");
                }
                put(lhs, e.part(), e.param(), e.index(), e.ext());
            }
        }
        for (Internal i : t.internals()) {
            String slot = slot(i.srcPart(), i.srcParam(), i.srcIndex());
            if (!variables.containsKey(slot)) {
                String v = fresh(i.srcPart() + "_" + i.srcParam() + (i.srcIndex() == null ? "" : "_" + i.srcIndex()));
                variables.put(slot, v);
                put(lhs, i.srcPart(), i.srcParam(), i.srcIndex(), v);
            }
        }
        for (External e : t.externals()) {
            List<String> outs = outputsOf.get(e.part());
            if (outs != null && outs.contains(e.param()) && e.ext().equals("None")
                    && !variables.containsKey(slot(e.part(), e.param(), e.index()))) {
                String v = fresh(e.part() + "_" + e.param() + (e.index() == null ? "" : "_" + e.index()));
                variables.put(slot(e.part(), e.param(), e.index()), v);
                put(lhs, e.part(), e.param(), e.index(), v);
            }
        }
        for (Component c : t.components()) {
            b.append(INDENT);
            String left = left(c, outputsOf.get(c.part()), lhs.getOrDefault(c.part(), Map.of()));
            if (!left.isEmpty()) {
                b.append(left).append(" = ");
            }
            b.append(c.template()).append('(').append(String.join(", ", args(c, outputsOf.get(c.part()))))
             .append(");\n");
        }
    }

    /** The left side: one target per output, up to the last one that is connected. */
    private String left(Component c, List<String> outputs, Map<String, TreeMap<Integer, String>> slots) {
        int last = -1;
        for (int i = 0; i < outputs.size(); i++) {
            if (slots.containsKey(outputs.get(i))) {
                last = i;
            }
        }
        List<String> targets = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            String o = outputs.get(i);
            TreeMap<Integer, String> s = slots.get(o);
            if (s == null) {
                targets.add(fresh(c.part() + "_" + o)); // reads back as ["None", part, o]
            } else if (s.containsKey(-1)) {
                if (s.size() > 1) {
                    problems.add("the output " + shown(c.part(), o, null) + " is wired both as a list and alone");
                }
                targets.add(s.get(-1));
            } else {
                List<String> names = new ArrayList<>();
                for (int j = 0; j <= s.lastKey(); j++) {
                    names.add(s.containsKey(j) ? s.get(j) : fresh(c.part() + "_" + o + "_" + j));
                }
                targets.add("[" + String.join(", ", names) + "]");
            }
        }
        return String.join(", ", targets);
    }

    /** The arguments of a line, in an order that reads back to the same externals and internals. */
    private List<String> args(Component c, List<String> outputs) {
        Map<String, TreeMap<Integer, String>> values = new LinkedHashMap<>();
        List<String> externalOrder = new ArrayList<>();
        List<String> internalOrder = new ArrayList<>();
        for (External e : t.externals()) {
            if (e.part().equals(c.part()) && !outputs.contains(e.param())) {
                if (!externalOrder.contains(e.param())) {
                    externalOrder.add(e.param());
                }
                addValue(values, c.part(), e.param(), e.index(), value(e.ext()));
            }
        }
        for (Internal i : t.internals()) {
            if (i.dstPart().equals(c.part())) {
                if (!internalOrder.contains(i.dstParam())) {
                    internalOrder.add(i.dstParam());
                }
                addValue(values, c.part(), i.dstParam(), i.dstIndex(),
                        variables.get(slot(i.srcPart(), i.srcParam(), i.srcIndex())));
            }
        }
        List<String> args = new ArrayList<>();
        for (String param : merge(externalOrder, internalOrder)) {
            name(param, ID, "parameter name");
            TreeMap<Integer, String> v = values.get(param);
            if (v.containsKey(-1)) {
                if (v.size() > 1) {
                    problems.add(shown(c.part(), param, null) + " is wired both as a list and alone");
                }
                args.add(param + "=" + v.get(-1));
            } else {
                if (v.lastKey() != v.size() - 1) {
                    problems.add("the list " + shown(c.part(), param, null) + " has a gap in its indices");
                }
                args.add(param + "=[" + String.join(", ", v.values()) + "]");
            }
        }
        return args;
    }

    private void addValue(Map<String, TreeMap<Integer, String>> values, String part, String param, Integer index,
                          String text) {
        TreeMap<Integer, String> v = values.computeIfAbsent(param, k -> new TreeMap<>());
        if (v.putIfAbsent(index == null ? -1 : index, text) != null) {
            problems.add(shown(part, param, index) + " is wired twice");
        }
    }

    /**
     * Parameter names in an order that keeps both the order of first appearance among externals
     * and among internals (both come from the same line of text, so such an order exists). Where
     * both orders leave it free, wires between parts (internals) come first, constants after.
     */
    private static List<String> merge(List<String> externals, List<String> internals) {
        return mergeOrders(internals, externals);
    }

    /** A sequence holding both {@code a} and {@code b} in their orders, preferring {@code a}. */
    static List<String> mergeOrders(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && out.contains(a.get(i))) {
                i++;
            } else if (j < b.size() && out.contains(b.get(j))) {
                j++;
            } else if (i < a.size() && (j >= b.size() || !b.subList(j + 1, b.size()).contains(a.get(i))
                    || a.subList(i + 1, a.size()).contains(b.get(j)))) {
                // a[i] is not waiting for something later in b, or b[j] must wait for a: take a[i].
                out.add(a.get(i++));
            } else {
                out.add(b.get(j++));
            }
        }
        return out;
    }

    /** The output parameters of a part: its template's, or what the wiring shows when unknown. */
    private List<String> outputParams(Component c) {
        Optional<Template> called = library.find(c.template());
        if (called.isPresent()) {
            return called.get().outputs().stream().map(Param::name).toList();
        }
        List<String> outs = new ArrayList<>();
        Set<String> own = new HashSet<>();
        t.outputs().forEach(p -> own.add(p.name()));
        for (External e : t.externals()) {
            if (e.part().equals(c.part()) && (e.ext().equals("None") || own.contains(e.ext()))
                    && !outs.contains(e.param())) {
                outs.add(e.param());
            }
        }
        for (Internal i : t.internals()) {
            if (i.srcPart().equals(c.part()) && !outs.contains(i.srcParam())) {
                outs.add(i.srcParam());
            }
        }
        return outs;
    }

    private String value(String ext) {
        if (STRING.matcher(ext).matches()) {
            return ext;
        }
        if (ext.startsWith("\"")) {
            problems.add("the constant " + ext + " holds a quote, backslash or line end, which template strings cannot");
        } else if (!WORD.matcher(ext).matches()) {
            problems.add("the value '" + ext + "' is neither a name, a number nor a quoted string");
        }
        return ext;
    }

    private void name(String s, Pattern shape, String what) {
        if (!shape.matcher(s).matches()) {
            problems.add("'" + s + "' is not a valid " + what + " in the template language");
        }
    }

    private String fresh(String base) {
        String b = ID.matcher(base).matches() ? base : "v_" + base.replaceAll("[^A-Za-z0-9_]", "_");
        String v = b;
        for (int n = 2; taken.contains(v); n++) {
            v = b + "_" + n;
        }
        taken.add(v);
        return v;
    }

    private static void put(Map<String, Map<String, TreeMap<Integer, String>>> lhs, String part, String param,
                            Integer index, String name) {
        Map<String, TreeMap<Integer, String>> m = lhs.get(part);
        if (m != null) {
            m.computeIfAbsent(param, k -> new TreeMap<>()).putIfAbsent(index == null ? -1 : index, name);
        }
    }

    private static String slot(String part, String param, Integer index) {
        return part + " " + param + " " + index;
    }

    private static String shown(String part, String param, Integer index) {
        return "'" + param + (index == null ? "" : "[" + index + "]") + "' of " + part;
    }
}
