package io.iotj.remote.node;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.iotj.remote.transport.StreamId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a node needs to run one stream part of a graph, as the {@code assemble} command carries it.
 *
 * <pre>{@code
 * {"graph":"g1", "part":"map0", "template":"map", "args":{"function":"times_two"},
 *  "inputs":[{"param":"in","index":-1}],
 *  "outputs":{"out":[{"part":"zip0","param":"in","index":0}]},
 *  "snippets":["int times_two(int x) { return 2 * x; }"],
 *  "batch":4096, "lingerMs":20, "window":32, "prefetch":16,
 *  "resume":{"inputs":[{"param":"in","index":-1,"producer":"x","position":0}], "outputs":{"out":0}}}
 * }</pre>
 *
 * @param graph    the graph's id
 * @param part     the part's name (its queue and routing key)
 * @param template the leaf template it instantiates
 * @param args     constants and function names, by parameter
 * @param inputs   the stream parameters it receives
 * @param outputs  for each output parameter, where its values go
 * @param snippets JShell sources the part's functions need
 * @param batch    values per batch
 * @param lingerMs longest a value waits in a partial batch
 * @param window   unconfirmed batches per publisher
 * @param prefetch unacknowledged batches per receiver
 * @param resumeInputs  where to resume each input stream (empty for a new graph)
 * @param resumeOutputs the position of each output's next value (empty for a new graph)
 */
public record PartSpec(String graph, String part, String template, JsonObject args, List<Input> inputs,
                       Map<String, List<Destination>> outputs, List<String> snippets, int batch, long lingerMs,
                       int window, int prefetch, Map<StreamId, Long> resumeInputs, Map<String, Long> resumeOutputs) {

    /** A stream parameter of the part. */
    public record Input(String param, int index) {}

    /** Where an output's values go. */
    public record Destination(String part, String param, int index) {}

    /** The producer id of this part's output {@code param}: {@code part.param}. */
    public String producer(String param) {
        return part + "." + param;
    }

    /** Reads a spec, with an error naming the missing or wrong field. */
    public static PartSpec fromJson(JsonObject o) {
        try {
            List<Input> inputs = new ArrayList<>();
            for (JsonElement e : array(o, "inputs")) {
                JsonObject i = e.getAsJsonObject();
                inputs.add(new Input(str(i, "param"), intOr(i, "index", StreamId.NO_INDEX)));
            }
            Map<String, List<Destination>> outputs = new LinkedHashMap<>();
            JsonObject outs = o.has("outputs") ? o.getAsJsonObject("outputs") : new JsonObject();
            for (Map.Entry<String, JsonElement> e : outs.entrySet()) {
                List<Destination> ds = new ArrayList<>();
                for (JsonElement d : e.getValue().getAsJsonArray()) {
                    JsonObject dj = d.getAsJsonObject();
                    ds.add(new Destination(str(dj, "part"), str(dj, "param"), intOr(dj, "index", StreamId.NO_INDEX)));
                }
                outputs.put(e.getKey(), ds);
            }
            List<String> snippets = new ArrayList<>();
            for (JsonElement e : array(o, "snippets")) snippets.add(e.getAsString());
            Map<StreamId, Long> resumeIn = new LinkedHashMap<>();
            Map<String, Long> resumeOut = new LinkedHashMap<>();
            if (o.has("resume")) {
                JsonObject r = o.getAsJsonObject("resume");
                for (JsonElement e : array(r, "inputs")) {
                    JsonObject p = e.getAsJsonObject();
                    resumeIn.put(new StreamId(str(p, "param"), intOr(p, "index", StreamId.NO_INDEX), str(p, "producer")),
                            p.get("position").getAsLong());
                }
                if (r.has("outputs")) {
                    for (Map.Entry<String, JsonElement> e : r.getAsJsonObject("outputs").entrySet())
                        resumeOut.put(e.getKey(), e.getValue().getAsLong());
                }
            }
            return new PartSpec(str(o, "graph"), str(o, "part"), str(o, "template"),
                    o.has("args") ? o.getAsJsonObject("args") : new JsonObject(), List.copyOf(inputs), outputs,
                    List.copyOf(snippets), intOr(o, "batch", 4096), intOr(o, "lingerMs", 20), intOr(o, "window", 32),
                    intOr(o, "prefetch", 16), resumeIn, resumeOut);
        } catch (IllegalStateException | ClassCastException | UnsupportedOperationException | NullPointerException e) {
            throw new IllegalArgumentException("malformed part spec: " + e.getMessage());
        }
    }

    private static JsonArray array(JsonObject o, String key) {
        return o.has(key) ? o.getAsJsonArray(key) : new JsonArray();
    }

    private static String str(JsonObject o, String key) {
        if (!o.has(key) || o.get(key).isJsonNull()) throw new IllegalArgumentException("part spec lacks '" + key + "'");
        return o.get(key).getAsString();
    }

    private static int intOr(JsonObject o, String key, int dflt) {
        return o.has(key) ? o.get(key).getAsInt() : dflt;
    }
}
