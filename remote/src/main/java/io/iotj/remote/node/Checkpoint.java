package io.iotj.remote.node;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.iotj.remote.transport.StreamId;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a part stood when it last made everything it had derived safe: the position of the next
 * value of each input stream, and the position of the next value of each output. Written to the
 * broker before the inputs are acknowledged, so a part restarted from it (on any node) neither
 * loses nor repeats a value: inputs before it are dropped as duplicates, outputs continue from it.
 *
 * @param inputs  next position of each input stream
 * @param outputs next position of each output parameter
 */
public record Checkpoint(Map<StreamId, Long> inputs, Map<String, Long> outputs) {
    public Checkpoint {
        inputs = Map.copyOf(inputs);
        outputs = Map.copyOf(outputs);
    }

    /** JSON bytes. */
    public byte[] toBytes() {
        JsonObject o = new JsonObject();
        JsonArray in = new JsonArray();
        inputs.forEach((s, p) -> {
            JsonObject e = new JsonObject();
            e.addProperty("param", s.param());
            e.addProperty("index", s.index());
            e.addProperty("producer", s.producer());
            e.addProperty("position", p);
            in.add(e);
        });
        o.add("inputs", in);
        JsonObject out = new JsonObject();
        outputs.forEach(out::addProperty);
        o.add("outputs", out);
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads {@link #toBytes()}. */
    public static Checkpoint fromBytes(byte[] bytes) {
        try {
            JsonObject o = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8)).getAsJsonObject();
            Map<StreamId, Long> in = new LinkedHashMap<>();
            for (JsonElement e : o.getAsJsonArray("inputs")) {
                JsonObject x = e.getAsJsonObject();
                in.put(new StreamId(x.get("param").getAsString(), x.get("index").getAsInt(), x.get("producer").getAsString()),
                        x.get("position").getAsLong());
            }
            Map<String, Long> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("outputs").entrySet()) out.put(e.getKey(), e.getValue().getAsLong());
            return new Checkpoint(in, out);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable checkpoint: " + e.getMessage());
        }
    }
}
