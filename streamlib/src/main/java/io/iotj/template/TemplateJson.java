package io.iotj.template;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes IoTpy's template JSON (IoTpy's format) exactly.
 *
 * <p>Keys: {@code name}, {@code assembly}, {@code inputs} and {@code outputs} (each entry
 * {@code "x"} or {@code ["stream", "x"]}), {@code optional}, {@code components}
 * ({@code [part, template]}), {@code externals} ({@code [ext, part, param(, index)]}) and
 * {@code internals} ({@code [src, srcParam(, srcIndex), dst, dstParam(, dstIndex)]}). Missing
 * lists read as empty, as in IoTpy's leaf entries, which have no components. IoTpy's habit of
 * storing a typed optional field as a one-element list ({@code [["x"]]}) is read as {@code "x"}.
 *
 * <p>The text may hold one template object, a list of them, or an IoTpy TinyDB file
 * ({@code {"_default": {"1": {"name": ..., "template": "<json>"}}}}).
 *
 * <p>Reading never throws for bad input: every problem is a positioned {@link TemplateError} in
 * the {@link TemplateResult}.
 */
public final class TemplateJson {
    private static final Set<String> KEYS = Set.of(
            "name", "assembly", "inputs", "outputs", "optional", "components", "externals", "internals");
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private TemplateJson() {
    }

    /** Reads one template, a list of templates, or an IoTpy TinyDB file. */
    public static TemplateResult read(String json) {
        List<TemplateError> problems = new ArrayList<>();
        List<ParsedTemplate> out = new ArrayList<>();
        JsonNode root;
        try {
            root = JsonTreeReader.read(json == null ? "" : json);
        } catch (JsonTreeReader.Failure f) {
            problems.add(TemplateError.error(json, f.position, f.getMessage()));
            return new TemplateResult(out, problems);
        }
        new Reading(json, problems).top(root, out);
        return new TemplateResult(out, problems);
    }

    /**
     * Reads templates and validates each against {@code library} ({@link TemplateValidator}); a
     * template may use those before it in the same text.
     */
    public static TemplateResult read(String json, TemplateLibrary library) {
        TemplateResult r = read(json);
        List<TemplateError> problems = new ArrayList<>(r.problems());
        TemplateLibrary scope = library.copy();
        for (ParsedTemplate p : r.templates()) {
            problems.addAll(TemplateValidator.validate(p, scope));
            if (!TemplateLibrary.isBuiltinLeaf(p.template().name())) {
                scope.register(p.template());
            }
        }
        return new TemplateResult(r.templates(), TemplateValidator.sorted(problems));
    }

    /** Reads exactly one template; a {@link TemplateException} lists the problems otherwise. */
    public static Template readTemplate(String json) {
        return read(json).template();
    }

    /** The template as JSON: one key per line, short lists inline, wirings one per line. */
    public static String write(Template t) {
        StringBuilder b = new StringBuilder();
        writeTo(b, t, "");
        return b.append('\n').toString();
    }

    /** Several templates as a JSON list, each written as by {@link #write(Template)}. */
    public static String write(List<Template> templates) {
        StringBuilder b = new StringBuilder("[\n");
        for (int i = 0; i < templates.size(); i++) {
            b.append("  ");
            writeTo(b, templates.get(i), "  ");
            b.append(i + 1 < templates.size() ? ",\n" : "\n");
        }
        return b.append("]\n").toString();
    }

    private static void writeTo(StringBuilder b, Template t, String indent) {
        String in = indent + "  ";
        b.append("{\n");
        b.append(in).append("\"name\": ").append(str(t.name())).append(",\n");
        b.append(in).append("\"assembly\": ").append(str(t.assembly())).append(",\n");
        b.append(in).append("\"inputs\": ").append(params(t.inputs())).append(",\n");
        b.append(in).append("\"outputs\": ").append(params(t.outputs())).append(",\n");
        b.append(in).append("\"optional\": ").append(strings(t.optional()));
        boolean bareLeaf = !t.isComposite() && t.components().isEmpty()
                && t.externals().isEmpty() && t.internals().isEmpty();
        if (!bareLeaf) {
            // IoTpy's leaves carry no component keys; composites always carry all three.
            b.append(",\n").append(in).append("\"components\": ");
            b.append(rows(t.components().stream().map(c -> List.<Object>of(c.part(), c.template())).toList(), in, false));
            b.append(",\n").append(in).append("\"externals\": ");
            b.append(rows(t.externals().stream().map(TemplateJson::row).toList(), in, true));
            b.append(",\n").append(in).append("\"internals\": ");
            b.append(rows(t.internals().stream().map(TemplateJson::row).toList(), in, true));
        }
        b.append('\n').append(indent).append('}');
    }

    /** An external as its JSON list. */
    public static List<Object> row(External e) {
        List<Object> r = new ArrayList<>(List.of(e.ext(), e.part(), e.param()));
        if (e.index() != null) {
            r.add(e.index());
        }
        return r;
    }

    /** An internal as its JSON list, in IoTpy's order. */
    public static List<Object> row(Internal i) {
        List<Object> r = new ArrayList<>(List.of(i.srcPart(), i.srcParam()));
        if (i.srcIndex() != null) {
            r.add(i.srcIndex());
        }
        r.add(i.dstPart());
        r.add(i.dstParam());
        if (i.dstIndex() != null) {
            r.add(i.dstIndex());
        }
        return r;
    }

    private static String rows(List<List<Object>> rows, String indent, boolean onePerLine) {
        if (rows.isEmpty()) {
            return "[]";
        }
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < rows.size(); i++) {
            if (onePerLine) {
                b.append('\n').append(indent).append("  ");
            } else if (i > 0) {
                b.append(' ');
            }
            // a space after each comma between elements, never inside a string constant
            List<Object> row = rows.get(i);
            b.append('[');
            for (int j = 0; j < row.size(); j++) {
                b.append(j > 0 ? ", " : "").append(GSON.toJson(row.get(j)));
            }
            b.append(']');
            if (i + 1 < rows.size()) {
                b.append(',');
            }
        }
        if (onePerLine) {
            b.append('\n').append(indent);
        }
        return b.append(']').toString();
    }

    private static String params(List<Param> ps) {
        List<Object> l = new ArrayList<>();
        for (Param p : ps) {
            l.add(p.type() == null ? p.name() : List.of(p.type(), p.name()));
        }
        return inline(l);
    }

    private static String strings(List<String> l) {
        return inline(new ArrayList<>(l));
    }

    /** A list on one line with a space after each comma between elements. */
    private static String inline(List<Object> l) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            Object o = l.get(i);
            if (o instanceof List<?> sub) {
                b.append('[');
                for (int j = 0; j < sub.size(); j++) {
                    b.append(j > 0 ? ", " : "").append(GSON.toJson(sub.get(j)));
                }
                b.append(']');
            } else {
                b.append(GSON.toJson(o));
            }
        }
        return b.append(']').toString();
    }

    private static String str(String s) {
        return GSON.toJson(s);
    }

    /** One reading: the source text (for excerpts) and the problems found so far. */
    private static final class Reading {
        private final String source;
        private final List<TemplateError> problems;

        Reading(String source, List<TemplateError> problems) {
            this.source = source;
            this.problems = problems;
        }

        void top(JsonNode root, List<ParsedTemplate> out) {
            if (root.kind == JsonNode.Kind.ARRAY) {
                for (JsonNode item : root.items) {
                    ParsedTemplate t = template(item);
                    if (t != null) {
                        out.add(t);
                    }
                }
            } else if (root.kind == JsonNode.Kind.OBJECT && root.fields.containsKey("_default")
                    && !root.fields.containsKey("name")) {
                tinyDb(root.fields.get("_default"), out);
            } else {
                ParsedTemplate t = template(root);
                if (t != null) {
                    out.add(t);
                }
            }
        }

        /** IoTpy keeps templates in TinyDB: each entry holds the template's JSON as a string. */
        private void tinyDb(JsonNode table, List<ParsedTemplate> out) {
            if (table.kind != JsonNode.Kind.OBJECT) {
                error(table.position, "\"_default\" should be an object of entries, found " + table.describe());
                return;
            }
            for (JsonNode entry : table.fields.values()) {
                JsonNode text = entry.kind == JsonNode.Kind.OBJECT ? entry.fields.get("template") : null;
                if (text == null || !text.isString()) {
                    error(entry.position, "a TinyDB entry should have a \"template\" string");
                    continue;
                }
                TemplateResult inner = TemplateJson.read(text.text);
                for (TemplateError e : inner.problems()) {
                    // Positions inside the embedded string mean little to a reader of the file.
                    problems.add(TemplateError.at(e.severity(), source, text.position,
                            "in the stored template: " + e.message()
                                    + (e.line() > 0 ? " (at line " + e.line() + ", column " + e.column()
                                    + " of the stored string)" : "")));
                }
                for (ParsedTemplate p : inner.templates()) {
                    out.add(new ParsedTemplate(p.template(), new SourceMap.Builder(source)
                            .header(text.position).build()));
                }
            }
        }

        private ParsedTemplate template(JsonNode node) {
            if (node.kind != JsonNode.Kind.OBJECT) {
                error(node.position, "a template should be a JSON object, found " + node.describe());
                return null;
            }
            int before = errorCount();
            SourceMap.Builder map = new SourceMap.Builder(source).header(node.position);
            for (var key : node.keyPositions.entrySet()) {
                if (!KEYS.contains(key.getKey())) {
                    problems.add(TemplateError.warning(source, key.getValue(),
                            "unknown key \"" + key.getKey() + "\" is ignored; template keys are " + String.join(", ",
                                    List.of("name", "assembly", "inputs", "outputs", "optional", "components",
                                            "externals", "internals"))));
                }
            }
            String name = requiredString(node, "name");
            String assembly = requiredString(node, "assembly");
            if (name != null) {
                map.header(node.fields.get("name").position);
            }
            List<Param> inputs = params(node, "inputs", map::input);
            List<Param> outputs = params(node, "outputs", map::output);
            List<String> optional = optional(node);
            List<Component> components = new ArrayList<>();
            for (JsonNode row : list(node, "components")) {
                List<JsonNode> r = row(row, "a component", 2, 2, "[part, template]");
                if (r != null && string(r.get(0), "part name") && string(r.get(1), "template name")) {
                    components.add(new Component(r.get(0).text, r.get(1).text));
                    map.component(row.position);
                }
            }
            List<External> externals = new ArrayList<>();
            for (JsonNode row : list(node, "externals")) {
                List<JsonNode> r = row(row, "an external", 3, 4, "[ext, part, param] or [ext, part, param, index]");
                if (r == null || !string(r.get(0), "external name") | !string(r.get(1), "part name")
                        | !string(r.get(2), "parameter name")) {
                    continue;
                }
                Integer index = r.size() == 4 ? index(r.get(3)) : null;
                if (r.size() == 4 && index == null) {
                    continue;
                }
                externals.add(new External(r.get(0).text, r.get(1).text, r.get(2).text, index));
                map.external(new SourceMap.Wire(r.get(2).position, r.get(0).position));
            }
            List<Internal> internals = new ArrayList<>();
            for (JsonNode row : list(node, "internals")) {
                Internal i = internal(row);
                if (i != null) {
                    // The destination parameter, and the source part, as the places to point at.
                    List<JsonNode> r = row.items;
                    Position dstParam = r.get(i.dstIndex() == null ? r.size() - 1 : r.size() - 2).position;
                    map.internal(new SourceMap.Wire(dstParam, r.get(0).position));
                    internals.add(i);
                }
            }
            if (errorCount() > before) {
                return null;
            }
            Template t = new Template(name, assembly, inputs, outputs, optional, components, externals, internals);
            return new ParsedTemplate(t, map.build());
        }

        private Internal internal(JsonNode row) {
            List<JsonNode> r = row(row, "an internal", 4, 6,
                    "[src, srcParam, dst, dstParam] with an index after srcParam and/or dstParam");
            if (r == null) {
                return null;
            }
            JsonNode src;
            JsonNode srcParam;
            JsonNode srcIndex = null;
            JsonNode dst;
            JsonNode dstParam;
            JsonNode dstIndex = null;
            src = r.get(0);
            srcParam = r.get(1);
            if (r.size() == 4) {
                dst = r.get(2);
                dstParam = r.get(3);
            } else if (r.size() == 5 && r.get(2).kind == JsonNode.Kind.NUMBER) {
                // IoTpy tells the two five-element forms apart by whether the third is a number.
                srcIndex = r.get(2);
                dst = r.get(3);
                dstParam = r.get(4);
            } else if (r.size() == 5) {
                dst = r.get(2);
                dstParam = r.get(3);
                dstIndex = r.get(4);
            } else {
                srcIndex = r.get(2);
                dst = r.get(3);
                dstParam = r.get(4);
                dstIndex = r.get(5);
            }
            boolean ok = string(src, "source part name") & string(srcParam, "source parameter name")
                    & string(dst, "destination part name") & string(dstParam, "destination parameter name");
            Integer si = srcIndex == null ? null : index(srcIndex);
            Integer di = dstIndex == null ? null : index(dstIndex);
            if (!ok || (srcIndex != null && si == null) || (dstIndex != null && di == null)) {
                return null;
            }
            return new Internal(src.text, srcParam.text, si, dst.text, dstParam.text, di);
        }

        private String requiredString(JsonNode obj, String key) {
            JsonNode v = obj.fields.get(key);
            if (v == null) {
                error(obj.position, "the template has no \"" + key + "\" key");
                return null;
            }
            if (!v.isString() || v.text.isEmpty()) {
                error(v.position, "\"" + key + "\" should be a non-empty string, found " + v.describe());
                return null;
            }
            return v.text;
        }

        private List<JsonNode> list(JsonNode obj, String key) {
            JsonNode v = obj.fields.get(key);
            if (v == null) {
                return List.of();
            }
            if (v.kind != JsonNode.Kind.ARRAY) {
                error(v.position, "\"" + key + "\" should be a list, found " + v.describe());
                return List.of();
            }
            return v.items;
        }

        private List<Param> params(JsonNode obj, String key, java.util.function.Consumer<Position> where) {
            List<Param> ps = new ArrayList<>();
            for (JsonNode item : list(obj, key)) {
                if (item.isString()) {
                    if (nonEmpty(item)) {
                        ps.add(Param.of(item.text));
                        where.accept(item.position);
                    }
                } else if (item.kind == JsonNode.Kind.ARRAY && item.items.size() == 2
                        && item.items.get(0).isString() && item.items.get(1).isString()) {
                    if (nonEmpty(item.items.get(0)) && nonEmpty(item.items.get(1))) {
                        ps.add(new Param(item.items.get(1).text, item.items.get(0).text));
                        where.accept(item.items.get(1).position);
                    }
                } else {
                    error(item.position, "each of \"" + key + "\" should be \"name\" or [\"type\", \"name\"], found "
                            + item.describe());
                }
            }
            return ps;
        }

        private List<String> optional(JsonNode obj) {
            List<String> names = new ArrayList<>();
            for (JsonNode item : list(obj, "optional")) {
                JsonNode n = item;
                if (item.kind == JsonNode.Kind.ARRAY && item.items.size() == 1) {
                    n = item.items.get(0); // IoTpy stored typed optional fields as [name]
                }
                if (n.isString() && nonEmpty(n)) {
                    names.add(n.text);
                } else if (!n.isString()) {
                    error(item.position, "each of \"optional\" should be a parameter name, found " + item.describe());
                }
            }
            return names;
        }

        private List<JsonNode> row(JsonNode row, String what, int min, int max, String shape) {
            if (row.kind != JsonNode.Kind.ARRAY || row.items.size() < min || row.items.size() > max) {
                error(row.position, what + " should be " + shape + ", found "
                        + (row.kind == JsonNode.Kind.ARRAY ? "a list of " + row.items.size() : row.describe()));
                return null;
            }
            return row.items;
        }

        private boolean string(JsonNode n, String what) {
            if (!n.isString()) {
                error(n.position, "the " + what + " should be a string, found " + n.describe());
                return false;
            }
            return nonEmpty(n);
        }

        private boolean nonEmpty(JsonNode n) {
            if (n.text.isEmpty()) {
                error(n.position, "an empty name");
                return false;
            }
            return true;
        }

        private Integer index(JsonNode n) {
            if (n.kind == JsonNode.Kind.NUMBER) {
                try {
                    int i = Integer.parseInt(n.text);
                    if (i >= 0) {
                        return i;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
            }
            error(n.position, "an index should be a whole number 0 or more, found " + n.describe());
            return null;
        }

        private void error(Position p, String message) {
            problems.add(TemplateError.error(source, p, message));
        }

        private int errorCount() {
            return (int) problems.stream().filter(TemplateError::isError).count();
        }
    }
}
