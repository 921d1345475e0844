package io.iotj.remote.node;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import io.iotj.assemble.Assembler;
import io.iotj.assemble.AssemblyException;
import io.iotj.assemble.FunctionResolver;
import io.iotj.assemble.TemplateSource;
import io.iotj.remote.transport.StreamId;
import io.iotj.remote.transport.Values;
import io.iotj.stream.IotStream;
import io.iotj.template.Component;
import io.iotj.template.External;
import io.iotj.template.Internal;
import io.iotj.template.Param;
import io.iotj.template.Template;
import io.iotj.template.TemplateLibrary;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One part on a node, built by streamlib's own {@link Assembler} from the leaf template the part
 * instantiates, so a template means the same on a node as in the notebook. Its stream parameters
 * are local streams: batches from the broker are appended to the input streams, which runs the
 * leaf's operator in the receiving thread (no runtime is needed for one part), and the values it
 * appends to its output streams are taken at once and sent on.
 */
public final class StreamlibPart implements PartLogic {
    private static final Pattern INDEXED = Pattern.compile("(.+)\\[(\\d+)]");

    private final Map<String, IotStream<Object>> inputs = new LinkedHashMap<>();       // "param" or "param[i]"
    private final Map<String, IotStream.Reader<Object>> outputs = new LinkedHashMap<>(); // "param" or "param[i]"

    private StreamlibPart() {}

    /**
     * Assembles the part described by {@code spec}, resolving function names with {@code functions}
     * first (the snippets shipped with it), then streamlib's built-ins and classpath methods.
     *
     * @throws AssemblyException naming the part and parameter when the template, a parameter or a function is wrong
     */
    public static StreamlibPart assemble(PartSpec spec, FunctionResolver functions) {
        // The part is wrapped in a one-part composite whose own parameters are wired to the leaf's:
        // parameters the spec does not give stay unwired, so the leaf applies its defaults.
        StreamlibPart p = new StreamlibPart();
        Map<String, Object> args = new LinkedHashMap<>();
        List<Param> ins = new ArrayList<>(), outs = new ArrayList<>();
        List<External> externals = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e : spec.args().entrySet()) {
            String own = "arg_" + e.getKey();
            ins.add(Param.of(own));
            args.put(own, fromJson(e.getValue()));
            externals.add(new External(own, spec.part(), e.getKey()));
        }
        for (PartSpec.Input in : spec.inputs()) {
            String key = key(in.param(), in.index());
            String own = "in_" + own(key);
            IotStream<Object> s = new IotStream<>(spec.part() + "." + key);
            p.inputs.put(key, s);
            ins.add(new Param(own, Param.STREAM));
            args.put(own, s);
            externals.add(new External(own, spec.part(), in.param(), in.index() == StreamId.NO_INDEX ? null : in.index()));
        }
        for (String out : spec.outputs().keySet()) {
            Matcher m = INDEXED.matcher(out);
            String param = m.matches() ? m.group(1) : out;
            Integer index = m.matches() ? Integer.valueOf(m.group(2)) : null;
            String own = "out_" + own(out);
            IotStream<Object> s = new IotStream<>(spec.part() + "." + out);
            p.outputs.put(out, s.reader());
            outs.add(new Param(own, Param.STREAM));
            args.put(own, s);
            externals.add(new External(own, spec.part(), param, index));
        }
        // value parts (func, attribute) the part needs are built here too, wired as in the template
        List<Component> components = new ArrayList<>();
        for (JsonElement le : spec.locals()) {
            com.google.gson.JsonObject l = le.getAsJsonObject();
            String part = l.get("part").getAsString();
            components.add(new Component(part, l.get("template").getAsString()));
            for (Map.Entry<String, JsonElement> e : l.getAsJsonObject("args").entrySet()) {
                String own = "l_" + part + "_" + e.getKey();
                ins.add(Param.of(own));
                args.put(own, fromJson(e.getValue()));
                externals.add(new External(own, part, e.getKey()));
            }
        }
        components.add(new Component(spec.part(), spec.template()));
        List<Internal> internals = new ArrayList<>();
        for (JsonElement we : spec.wires()) {
            JsonArray w = we.getAsJsonArray();
            internals.add(new Internal(w.get(0).getAsString(), w.get(1).getAsString(), index(w.get(2)),
                    w.get(3).getAsString(), w.get(4).getAsString(), index(w.get(5))));
        }
        Template wrapper = new Template("node_" + spec.part(), Template.ASSEMBLE, ins, outs, List.of(),
                components, externals, internals);
        Assembler a = Assembler.standard(TemplateSource.library(TemplateLibrary.standard()), functions);
        a.assemble(spec.graph() + "/" + spec.part(), wrapper, args);
        return p;
    }

    private static Integer index(JsonElement e) {
        return e == null || e.isJsonNull() ? null : e.getAsInt();
    }

    private static String own(String key) {
        return key.replace('[', '_').replace("]", "");
    }

    private static String key(String param, int index) {
        return index == StreamId.NO_INDEX ? param : param + "[" + index + "]";
    }

    /** JSON constants as IoTpy's template constants: integers as Integer (Long when large), decimals as Double. */
    static Object fromJson(JsonElement e) {
        if (e == null || e.isJsonNull()) return null;
        if (e.isJsonArray()) {
            List<Object> l = new ArrayList<>();
            for (JsonElement x : (JsonArray) e) l.add(fromJson(x));
            return l;
        }
        if (e.isJsonObject()) throw new IllegalArgumentException("an object is not a template constant: " + e);
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) return p.getAsBoolean();
        if (p.isString()) return p.getAsString();
        String n = p.getAsString();
        if (n.contains(".") || n.contains("e") || n.contains("E")) return p.getAsDouble();
        long l = p.getAsLong();
        return l == (int) l ? (Object) (int) l : (Object) l;
    }

    @Override
    public void accept(String param, int index, Object value, Emitter out) throws Exception {
        stream(param, index).append(value);
        drain(out);
    }

    @Override
    public void acceptBatch(String param, int index, Values values, Emitter out) throws Exception {
        stream(param, index).extend(new AbstractList<>() {
            @Override public Object get(int i) { return values.get(i); }
            @Override public int size() { return values.size(); }
        });
        drain(out);
    }

    private IotStream<Object> stream(String param, int index) {
        IotStream<Object> s = inputs.get(key(param, index));
        if (s == null) throw new IllegalArgumentException("this part has no input " + key(param, index) + "; its inputs: " + inputs.keySet());
        return s;
    }

    /** Sends on everything the operator appended to the output streams. */
    private void drain(Emitter out) throws InterruptedException {
        for (Map.Entry<String, IotStream.Reader<Object>> e : outputs.entrySet()) {
            IotStream.Reader<Object> r = e.getValue();
            int n;
            while ((n = r.acquire(4096)) > 0) {
                for (int i = 0; i < n; i++) out.emit(e.getKey(), r.get(i));
                r.advance(n);
            }
        }
    }
}
