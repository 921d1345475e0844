package io.iotj.connect.mqtt;

import io.iotj.assemble.LeafContext;
import io.iotj.connect.LeafParams;
import io.iotj.connect.Overflow;
import io.iotj.connect.PayloadEncoding;
import io.iotj.connect.PayloadFormat;
import io.iotj.connect.TopicTemplate;
import io.iotj.stream.IotStream;
import io.iotj.template.Param;
import io.iotj.template.Template;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The {@code mqtt} source and {@code mqtt_publish} sink:
 * <pre>
 * readings, bad = mqtt(topic="plant/+/temp", broker="mqtt://127.0.0.1:1883", qos=1, format="json",
 *                      fields=["temp:double"], time="ts", client_id="plant-reader");
 * mqtt_publish(in=alerts, topic="alerts/{key[1]}", qos=1, format="json");
 * </pre>
 */
public final class MqttLeaves {
    private static final List<String> COMMON = List.of("broker", "qos", "format", "client_id", "user", "password", "tls",
            "ca", "version");
    private static final List<String> SOURCE_ONLY = List.of("fields", "time", "buffer", "overflow");

    private MqttLeaves() {
    }

    /** The source's signature. */
    public static Template sourceTemplate() {
        List<Param> ins = new java.util.ArrayList<>(List.of(Param.of("topic")));
        COMMON.forEach(p -> ins.add(Param.of(p)));
        SOURCE_ONLY.forEach(p -> ins.add(Param.of(p)));
        List<String> optional = new java.util.ArrayList<>(COMMON);
        optional.addAll(SOURCE_ONLY);
        return new Template("mqtt", "mqtt", ins, List.of(new Param("out", Param.STREAM), new Param("errors", Param.STREAM)),
                optional, List.of(), List.of(), List.of());
    }

    /** The sink's signature. */
    public static Template publishTemplate() {
        List<Param> ins = new java.util.ArrayList<>(List.of(new Param("in", Param.STREAM), Param.of("topic")));
        COMMON.forEach(p -> ins.add(Param.of(p)));
        ins.add(Param.of("retain"));
        List<String> optional = new java.util.ArrayList<>(COMMON);
        optional.add("retain");
        return new Template("mqtt_publish", "mqtt_publish", ins, List.of(), optional, List.of(), List.of(), List.of());
    }

    private static MqttSession.Settings settings(LeafContext ctx, int qos, boolean source, String topic, int capacity) {
        String user = LeafParams.secret(ctx, "user");
        String password = LeafParams.secret(ctx, "password");
        boolean tls = LeafParams.bool(ctx, "tls", false);
        String ca = LeafParams.text(ctx, "ca", null);
        int version = (int) ctx.doubleValue("version", 5);
        if (version != 3 && version != 5) {
            throw ctx.error("version", "must be 3 (MQTT 3.1.1) or 5 (MQTT 5), was " + version);
        }
        MqttAddress address;
        try {
            address = MqttAddress.parse(LeafParams.text(ctx, "broker", null), user, password, tls);
        } catch (IllegalArgumentException e) {
            throw ctx.error("broker", e.getMessage());
        }
        String id = LeafParams.text(ctx, "client_id", null);
        boolean persistent = source && qos > 0;
        if (id == null) {
            // A QoS 1 subscriber needs the same id each time for the broker to keep its session;
            // name one explicitly when two graphs read the same topic from the same broker.
            id = persistent ? "iotj-" + HexFormat.of().formatHex(sha(address.display() + " " + topic + " "
                    + System.getProperty("user.name")), 0, 8)
                    : "iotj-" + UUID.randomUUID().toString().substring(0, 13);
        }
        return new MqttSession.Settings(address, id, version, persistent, ca, Math.max(1, Math.min(capacity, 65_535)));
    }

    private static byte[] sha(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int qos(LeafContext ctx) {
        double q = ctx.doubleValue("qos", 0);
        if (q != 0 && q != 1) {
            throw ctx.error("qos", "must be 0 (at most once) or 1 (at least once), was " + q);
        }
        return (int) q;
    }

    /** Builds an {@code mqtt} source part. */
    public static void source(LeafContext ctx) {
        String topic = LeafParams.text(ctx, "topic", null);
        int qos = qos(ctx);
        String format = LeafParams.text(ctx, "format", "text");
        List<Object> fields = ctx.list("fields");
        String time = LeafParams.text(ctx, "time", null);
        double buffer = ctx.doubleValue("buffer", 10_000);
        String overflowWord = LeafParams.text(ctx, "overflow", null);
        IotStream<Object> out = ctx.stream("out");
        IotStream<Object> errors = ctx.wired("errors") ? ctx.stream("errors") : null;
        if (topic == null || topic.isBlank()) {
            throw ctx.error("topic", "is required: a topic filter such as \"plant/+/temp\"");
        }
        checkFilter(ctx, topic);
        if (buffer != Math.rint(buffer) || buffer < 1 || buffer > 10_000_000) {
            throw ctx.error("buffer", "must be a whole number from 1 to 10000000, was " + buffer);
        }
        PayloadFormat pf;
        try {
            pf = PayloadFormat.of(format, fields, time);
        } catch (IllegalArgumentException e) {
            throw ctx.error(e.getMessage().startsWith("fields") ? "fields" : e.getMessage().startsWith("time") ? "time" : "format",
                    e.getMessage());
        }
        Overflow overflow;
        try {
            overflow = overflowWord != null ? Overflow.of(overflowWord) : qos == 1 ? Overflow.BLOCK : Overflow.DROP_OLDEST;
        } catch (IllegalArgumentException e) {
            throw ctx.error("overflow", e.getMessage());
        }
        if (qos == 0 && overflow == Overflow.BLOCK) {
            throw ctx.error("overflow", "QoS 0 messages cannot be held back at the broker: use qos=1 to slow the sender, "
                    + "or overflow=\"drop_oldest\" (the dropped are counted)");
        }
        MqttSession.Settings s = settings(ctx, qos, true, topic, (int) buffer);
        ctx.add(new MqttSource(out, errors, pf, s, topic, qos, (int) buffer, overflow));
    }

    private static void checkFilter(LeafContext ctx, String t) {
        String[] levels = t.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String l = levels[i];
            if ((l.contains("#") && (!l.equals("#") || i != levels.length - 1)) || (l.contains("+") && !l.equals("+"))) {
                throw ctx.error("topic", "\"" + t + "\" is not a topic filter: + stands for one whole level, # for the "
                        + "rest and only at the end (plant/+/temp, plant/#)");
            }
        }
    }

    /** Builds an {@code mqtt_publish} sink part. */
    public static void publish(LeafContext ctx) {
        String topic = LeafParams.text(ctx, "topic", null);
        int qos = qos(ctx);
        String format = LeafParams.text(ctx, "format", "json");
        boolean retain = LeafParams.bool(ctx, "retain", false);
        IotStream<Object> in = ctx.stream("in");
        if (topic == null || topic.isBlank()) {
            throw ctx.error("topic", "is required, e.g. \"alerts/{key}\"");
        }
        if (topic.contains("+") || topic.contains("#")) {
            throw ctx.error("topic", "a topic to publish to has no wildcards (+, #): \"" + topic + "\"");
        }
        TopicTemplate tt;
        PayloadEncoding enc;
        try {
            tt = TopicTemplate.of(topic);
        } catch (IllegalArgumentException e) {
            throw ctx.error("topic", e.getMessage());
        }
        try {
            enc = PayloadEncoding.of(format);
        } catch (IllegalArgumentException e) {
            throw ctx.error("format", e.getMessage());
        }
        ctx.add(new MqttPublish(in, settings(ctx, qos, false, topic, 1000), tt, enc, qos, retain));
    }
}
