package io.iotj.remote.runtime;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.iotj.assemble.AssemblyException;
import io.iotj.assemble.TemplateSource;
import io.iotj.remote.node.PartSpec;
import io.iotj.remote.transport.StreamId;
import io.iotj.template.Component;
import io.iotj.template.External;
import io.iotj.template.Internal;
import io.iotj.template.Param;
import io.iotj.template.Template;
import io.iotj.template.TemplateLibrary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How a composite template is spread over nodes, as IoTpy's section 6 does it: each of its parts
 * becomes an {@code assemble} command ({@link PartSpec} JSON) naming the leaf template, its constant
 * arguments and function names, the streams it receives and where each of its outputs goes. Parts
 * without streams ({@code func}, {@code attribute}) are not sent anywhere by themselves: each stream
 * part that uses their values gets them as locals, built on its node (section 5: they are
 * sequential, so they are built where they are needed). The
 * template's own input streams are sent by the kernel, and its output streams come back to the
 * kernel's queue {@value #KERNEL}.
 *
 * @param graph   the graph's id (its exchange and queues)
 * @param parts   one spec per part
 * @param inputs  for each template input stream, the parts' parameters it feeds
 * @param outputs the template's output streams, which come back to the kernel
 */
public record GraphPlan(String graph, List<JsonObject> parts, Map<String, List<PartSpec.Destination>> inputs,
                        List<String> outputs) {
    /** The part name of the kernel's own queue, where output streams arrive ('_' cannot start a template part). */
    public static final String KERNEL = "_kernel";

    /** Names of all parts, the kernel's included (for declaring and deleting queues). */
    public List<String> queueParts() {
        List<String> ps = new ArrayList<>();
        for (JsonObject p : parts) ps.add(p.get("part").getAsString());
        ps.add(KERNEL);
        return ps;
    }

    /**
     * Plans {@code t}.
     *
     * @param args     the caller's arguments for non-stream parameters (constants, function names)
     * @param snippets the notebook sources needed by the named functions (empty for built-ins)
     * @throws AssemblyException naming the part when the template cannot be spread (a composite part,
     *                           a non-constant argument)
     */
    public static GraphPlan of(String graph, Template t, Map<String, ?> args, TemplateSource templates,
                               Function<Collection<String>, List<String>> snippets, int batch) {
        if (!t.isComposite())
            throw new AssemblyException(null, null, "distributed mode runs composite templates; " + t.name() + " is a leaf");
        t = TemplateFlattener.flatten(t, templates); // parts made of parts: their leaves go to nodes
        Map<String, JsonObject> specs = new LinkedHashMap<>();
        Map<String, Template> leafOf = new LinkedHashMap<>();
        Map<String, Set<String>> functionsOf = new LinkedHashMap<>();
        Map<String, JsonObject> locals = new LinkedHashMap<>(); // value parts: built beside the stream parts that use them
        for (Component c : t.components()) {
            Template leaf = leaf(c, templates);
            leafOf.put(c.part(), leaf);
            functionsOf.put(c.part(), new LinkedHashSet<>());
            if (!hasStream(leaf)) {
                JsonObject l = new JsonObject();
                l.addProperty("part", c.part());
                l.addProperty("template", c.template());
                l.add("args", new JsonObject());
                locals.put(c.part(), l);
                continue;
            }
            if (leaf.inputs().stream().noneMatch(Param::isStream))
                throw new AssemblyException(c.part(), null, "a " + c.template() + " part makes values by itself and needs a runtime "
                        + "thread; distributed mode does not run sources on nodes yet (feed the template's input instead)");
            JsonObject s = new JsonObject();
            s.addProperty("graph", graph);
            s.addProperty("part", c.part());
            s.addProperty("template", c.template());
            s.add("args", new JsonObject());
            s.add("inputs", new JsonArray());
            s.add("outputs", new JsonObject());
            s.addProperty("batch", batch);
            s.addProperty("lingerMs", 20);
            specs.put(c.part(), s);
        }
        Set<String> ownInputs = new LinkedHashSet<>(), ownOutputs = new LinkedHashSet<>();
        t.inputs().forEach(p -> ownInputs.add(p.name()));
        t.outputs().forEach(p -> ownOutputs.add(p.name()));
        Map<String, List<PartSpec.Destination>> inputs = new LinkedHashMap<>();
        List<String> outputs = new ArrayList<>();
        for (External e : t.externals()) {
            Template leaf = leafOf.get(e.part());
            if (leaf == null) spec(specs, e.part(), t); // names the unknown part
            JsonObject s = locals.containsKey(e.part()) ? locals.get(e.part()) : spec(specs, e.part(), t);
            if (locals.containsKey(e.part()) && isStream(leaf, e.param()))
                throw new AssemblyException(e.part(), e.param(), "a value part cannot be wired to a stream");
            int index = e.index() == null ? StreamId.NO_INDEX : e.index();
            boolean stream = isStream(leaf, e.param());
            if (ownInputs.contains(e.ext()) && stream) {
                inputs.computeIfAbsent(e.ext(), k -> new ArrayList<>()).add(new PartSpec.Destination(e.part(), e.param(), index));
                addInput(s, e.param(), index);
            } else if (ownOutputs.contains(e.ext()) && stream) {
                destinations(s, key(e.param(), index)).add(destination(KERNEL, e.ext(), StreamId.NO_INDEX));
                if (!outputs.contains(e.ext())) outputs.add(e.ext());
            } else if (e.ext().equals("None")) {
                destinations(s, key(e.param(), index)); // an output nobody reads: made, not sent
            } else {
                Object value = ownInputs.contains(e.ext()) || ownOutputs.contains(e.ext()) ? args.get(e.ext()) : constant(e.ext(), e.part());
                if (value == null) continue; // not given: the leaf's default, or its own error on the node
                s.getAsJsonObject("args").add(e.param(), json(value, e.part(), e.param()));
                if (value instanceof String name && isFunction(leaf, e.param())) functionsOf.get(e.part()).add(name);
            }
        }
        Map<String, List<JsonArray>> wiresInto = new LinkedHashMap<>(); // by destination part
        for (Internal i : t.internals()) {
            if (locals.containsKey(i.srcPart())) {
                if (!locals.containsKey(i.dstPart())) spec(specs, i.dstPart(), t);
                JsonArray w = new JsonArray();
                w.add(i.srcPart());
                w.add(i.srcParam());
                w.add(i.srcIndex());
                w.add(i.dstPart());
                w.add(i.dstParam());
                w.add(i.dstIndex());
                wiresInto.computeIfAbsent(i.dstPart(), k -> new ArrayList<>()).add(w);
                continue;
            }
            if (locals.containsKey(i.dstPart()))
                throw new AssemblyException(i.dstPart(), i.dstParam(), "a value part cannot take the stream of " + i.srcPart());
            JsonObject src = spec(specs, i.srcPart(), t), dst = spec(specs, i.dstPart(), t);
            int dstIndex = i.dstIndex() == null ? StreamId.NO_INDEX : i.dstIndex();
            int srcIndex = i.srcIndex() == null ? StreamId.NO_INDEX : i.srcIndex();
            destinations(src, key(i.srcParam(), srcIndex)).add(destination(i.dstPart(), i.dstParam(), dstIndex));
            addInput(dst, i.dstParam(), dstIndex);
        }
        for (Map.Entry<String, JsonObject> e : specs.entrySet()) {
            // the value parts this part needs, transitively, in template order, with their wires
            Set<String> needed = new LinkedHashSet<>();
            List<String> todo = new ArrayList<>(List.of(e.getKey()));
            JsonArray wires = new JsonArray();
            while (!todo.isEmpty()) {
                String dst = todo.removeLast();
                for (JsonArray w : wiresInto.getOrDefault(dst, List.of())) {
                    wires.add(w);
                    if (needed.add(w.get(0).getAsString())) todo.add(w.get(0).getAsString());
                }
            }
            JsonArray ls = new JsonArray();
            Set<String> fs = new LinkedHashSet<>(functionsOf.get(e.getKey()));
            for (String l : locals.keySet()) {
                if (!needed.contains(l)) continue;
                ls.add(locals.get(l));
                fs.addAll(functionsOf.get(l));
            }
            e.getValue().add("locals", ls);
            e.getValue().add("wires", wires);
            JsonArray sn = new JsonArray();
            if (!fs.isEmpty()) snippets.apply(fs).forEach(sn::add);
            e.getValue().add("snippets", sn);
        }
        return new GraphPlan(graph, List.copyOf(specs.values()), inputs, outputs);
    }

    private static Template leaf(Component c, TemplateSource templates) {
        Optional<Template> t = templates.find(c.template());
        if (t.isEmpty()) t = TemplateLibrary.standard().find(c.template());
        if (t.isEmpty()) throw new AssemblyException(c.part(), null, "unknown template \"" + c.template() + "\"");
        if (t.get().isComposite())
            throw new AssemblyException(c.part(), null, "distributed mode runs parts that are leaf templates; "
                    + c.template() + " is a composite (assemble its parts into the template directly)");
        return t.get();
    }

    /** Stream parts go to nodes; the others (func, attribute) are built where their values are used. */
    private static boolean hasStream(Template leaf) {
        return leaf.inputs().stream().anyMatch(Param::isStream) || leaf.outputs().stream().anyMatch(Param::isStream);
    }

    private static boolean isStream(Template leaf, String param) {
        for (Param p : leaf.inputs()) if (p.name().equals(param)) return p.isStream();
        for (Param p : leaf.outputs()) if (p.name().equals(param)) return p.isStream();
        return false;
    }

    private static boolean isFunction(Template leaf, String param) {
        for (Param p : leaf.inputs()) if (p.name().equals(param)) return p.isFunction();
        return param.equals("function");
    }

    private static JsonObject spec(Map<String, JsonObject> specs, String part, Template t) {
        JsonObject s = specs.get(part);
        if (s == null) throw new AssemblyException(part, null, "template " + t.name() + " wires part " + part + ", which is not one of its components");
        return s;
    }

    private static void addInput(JsonObject spec, String param, int index) {
        JsonArray ins = spec.getAsJsonArray("inputs");
        for (var e : ins) {
            JsonObject o = e.getAsJsonObject();
            if (o.get("param").getAsString().equals(param) && o.get("index").getAsInt() == index) return;
        }
        JsonObject in = new JsonObject();
        in.addProperty("param", param);
        in.addProperty("index", index);
        ins.add(in);
    }

    private static JsonArray destinations(JsonObject spec, String key) {
        JsonObject outs = spec.getAsJsonObject("outputs");
        if (!outs.has(key)) outs.add(key, new JsonArray());
        return outs.getAsJsonArray(key);
    }

    private static JsonObject destination(String part, String param, int index) {
        JsonObject d = new JsonObject();
        d.addProperty("part", part);
        d.addProperty("param", param);
        d.addProperty("index", index);
        return d;
    }

    private static String key(String param, int index) {
        return index == StreamId.NO_INDEX ? param : param + "[" + index + "]";
    }

    /** IoTpy's constants in externals: {@code "\"times_two\""}, {@code "1"}, {@code "0.1"}. */
    static Object constant(String ext, String part) {
        String s = ext.strip();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'")))
            return s.substring(1, s.length() - 1);
        if (s.equals("True") || s.equals("true")) return true;
        if (s.equals("False") || s.equals("false")) return false;
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            // not an int
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            // not a long
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new AssemblyException(part, null, "is wired to \"" + ext + "\", which is neither a parameter nor a constant");
        }
    }

    private static com.google.gson.JsonElement json(Object v, String part, String param) {
        return switch (v) {
            case String s -> new JsonPrimitive(s);
            case Number n -> new JsonPrimitive(n);
            case Boolean b -> new JsonPrimitive(b);
            case List<?> l -> {
                JsonArray a = new JsonArray();
                for (Object x : l) a.add(json(x, part, param));
                yield a;
            }
            default -> throw new AssemblyException(part, param, "a " + v.getClass().getSimpleName()
                    + " cannot be sent to a node; pass a number, string, boolean, list, or a function by name");
        };
    }
}
