package io.iotj.connect.amqp;

import io.iotj.assemble.LeafContext;
import io.iotj.connect.LeafParams;
import io.iotj.connect.PayloadEncoding;
import io.iotj.connect.PayloadFormat;
import io.iotj.connect.TopicTemplate;
import io.iotj.stream.IotStream;
import io.iotj.template.Param;
import io.iotj.template.Template;
import java.util.List;

/**
 * The {@code amqp} source and {@code amqp_publish} sink (RabbitMQ):
 * <pre>
 * orders, bad = amqp(queue="orders", broker="amqp://guest:guest@127.0.0.1:5672", prefetch=1000, format="json");
 * amqp_publish(in=alerts, exchange="", routing_key="alerts", format="json");
 * </pre>
 */
public final class AmqpLeaves {
    private AmqpLeaves() {
    }

    /** The source's signature. */
    public static Template sourceTemplate() {
        return new Template("amqp", "amqp",
                List.of(Param.of("queue"), Param.of("broker"), Param.of("prefetch"), Param.of("format"), Param.of("fields"),
                        Param.of("time"), Param.of("declare")),
                List.of(new Param("out", Param.STREAM), new Param("errors", Param.STREAM)),
                List.of("broker", "prefetch", "format", "fields", "time", "declare"), List.of(), List.of(), List.of());
    }

    /** The sink's signature. */
    public static Template publishTemplate() {
        return new Template("amqp_publish", "amqp_publish",
                List.of(new Param("in", Param.STREAM), Param.of("exchange"), Param.of("routing_key"), Param.of("broker"),
                        Param.of("format")),
                List.of(), List.of("exchange", "broker", "format"), List.of(), List.of(), List.of());
    }

    /** Builds an {@code amqp} source part. */
    public static void source(LeafContext ctx) {
        String queue = LeafParams.text(ctx, "queue", null);
        String broker = LeafParams.secret(ctx, "broker");
        double prefetch = ctx.doubleValue("prefetch", 1000);
        String format = LeafParams.text(ctx, "format", "text");
        List<Object> fields = ctx.list("fields");
        String time = LeafParams.text(ctx, "time", null);
        boolean declare = LeafParams.bool(ctx, "declare", true);
        IotStream<Object> out = ctx.stream("out");
        IotStream<Object> errors = ctx.wired("errors") ? ctx.stream("errors") : null;
        if (queue == null || queue.isBlank()) {
            throw ctx.error("queue", "is required: the name of a RabbitMQ queue");
        }
        if (prefetch != Math.rint(prefetch) || prefetch < 1 || prefetch > 65_535) {
            throw ctx.error("prefetch", "must be a whole number from 1 to 65535, was " + prefetch);
        }
        try {
            AmqpLink.check(broker);
        } catch (IllegalArgumentException e) {
            throw ctx.error("broker", e.getMessage());
        }
        PayloadFormat pf;
        try {
            pf = PayloadFormat.of(format, fields, time);
        } catch (IllegalArgumentException e) {
            throw ctx.error("format", e.getMessage());
        }
        ctx.add(new AmqpSource(out, errors, pf, broker, queue, (int) prefetch, declare));
    }

    /** Builds an {@code amqp_publish} sink part. */
    public static void publish(LeafContext ctx) {
        String exchange = LeafParams.text(ctx, "exchange", "");
        String key = LeafParams.text(ctx, "routing_key", null);
        String broker = LeafParams.secret(ctx, "broker");
        String format = LeafParams.text(ctx, "format", "json");
        IotStream<Object> in = ctx.stream("in");
        if (key == null) {
            throw ctx.error("routing_key", "is required (with the default exchange \"\", the queue's name), e.g. \"alerts.{key}\"");
        }
        try {
            AmqpLink.check(broker);
        } catch (IllegalArgumentException e) {
            throw ctx.error("broker", e.getMessage());
        }
        TopicTemplate rk;
        PayloadEncoding enc;
        try {
            rk = TopicTemplate.of(key);
        } catch (IllegalArgumentException e) {
            throw ctx.error("routing_key", e.getMessage());
        }
        try {
            enc = PayloadEncoding.of(format);
        } catch (IllegalArgumentException e) {
            throw ctx.error("format", e.getMessage());
        }
        ctx.add(new AmqpPublish(in, broker, exchange, rk, enc));
    }
}
