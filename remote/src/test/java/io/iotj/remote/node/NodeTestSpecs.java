package io.iotj.remote.node;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.List;

/** Part specs for tests. */
public final class NodeTestSpecs {
    private NodeTestSpecs() {}

    /** A {@code map} part {@code part} reading {@code in}, applying {@code function}, sending {@code out} to {@code to}. */
    public static JsonObject map(String graph, String part, String to, String function, List<String> snippets, int batch) {
        JsonObject s = new JsonObject();
        s.addProperty("graph", graph);
        s.addProperty("part", part);
        s.addProperty("template", "map");
        JsonObject args = new JsonObject();
        args.addProperty("function", function);
        s.add("args", args);
        JsonArray inputs = new JsonArray();
        JsonObject in = new JsonObject();
        in.addProperty("param", "in");
        inputs.add(in);
        s.add("inputs", inputs);
        JsonObject outputs = new JsonObject();
        JsonArray dests = new JsonArray();
        JsonObject d = new JsonObject();
        d.addProperty("part", to);
        d.addProperty("param", "in");
        dests.add(d);
        outputs.add("out", dests);
        s.add("outputs", outputs);
        JsonArray sn = new JsonArray();
        snippets.forEach(sn::add);
        s.add("snippets", sn);
        s.addProperty("batch", batch);
        s.addProperty("lingerMs", 10);
        return s;
    }
}
