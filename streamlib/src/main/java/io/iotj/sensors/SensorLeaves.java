package io.iotj.sensors;

import io.iotj.assemble.LeafContext;
import io.iotj.assemble.LeafRegistry;
import io.iotj.stream.Event;
import io.iotj.stream.IotStream;
import io.iotj.template.Param;
import io.iotj.template.Template;
import io.iotj.template.TemplateLibrary;
import java.time.Duration;
import java.util.List;

/**
 * The {@code sensors} leaf: a simulated fleet ({@link SensorFleet}) as a template source.
 * <pre>
 * sensors(devices*, rate*, noise*, drift*, anomalies*, delayed*, max_delay*, disorder*, outage_every*,
 *         outage*, speed*, count*, seed*, prefix*) -&gt; out, injected
 * </pre>
 * Durations are seconds or text ({@code "5s"}, {@code "2m"}); {@code out} carries every reading as
 * an {@link Event} keyed by device, {@code injected} the anomalies injected among them (the truth
 * to compare a detector with). Example:
 * <pre>
 * readings, truth = sensors(devices=20, rate=2, anomalies=0.01, disorder="2s");
 * </pre>
 */
public final class SensorLeaves {
    /** The leaf's name in templates. */
    public static final String NAME = "sensors";

    private static final List<String> OPTIONAL = List.of("devices", "rate", "noise", "drift", "anomalies", "delayed",
            "max_delay", "disorder", "outage_every", "outage", "speed", "count", "seed", "prefix");

    private SensorLeaves() {
    }

    /** The leaf's signature. */
    public static Template template() {
        return new Template(NAME, NAME, OPTIONAL.stream().map(Param::of).toList(),
                List.of(new Param("out", Param.STREAM), new Param("injected", Param.STREAM)),
                OPTIONAL, List.of(), List.of(), List.of());
    }

    /** Adds the signature to a template library (for the parser and validation). */
    public static TemplateLibrary register(TemplateLibrary library) {
        return library.register(template());
    }

    /** Adds the implementation to a leaf registry (for the assembler). */
    public static LeafRegistry register(LeafRegistry leaves) {
        leaves.register(NAME, SensorLeaves::assemble);
        return leaves;
    }

    @SuppressWarnings("unchecked")
    private static void assemble(LeafContext ctx) {
        double devices = ctx.doubleValue("devices", 10);
        double rate = ctx.doubleValue("rate", 1);
        double noise = ctx.doubleValue("noise", 0.2);
        double drift = ctx.doubleValue("drift", 0);
        double anomalies = ctx.doubleValue("anomalies", 0);
        double delayed = ctx.doubleValue("delayed", 0);
        double maxDelay = ctx.seconds("max_delay", 0);
        double disorder = ctx.seconds("disorder", 0);
        double outageEvery = ctx.seconds("outage_every", 0);
        double outage = ctx.seconds("outage", 0);
        double speed = ctx.doubleValue("speed", 1);
        double count = ctx.doubleValue("count", -1);
        double seed = ctx.doubleValue("seed", 0);
        String prefix = String.valueOf(ctx.optional("prefix", "d"));
        IotStream<Object> out = ctx.stream("out");
        IotStream<Object> truth = ctx.wired("injected") ? ctx.stream("injected") : null;

        whole(ctx, "devices", devices);
        whole(ctx, "count", count);
        whole(ctx, "seed", seed);
        if (delayed > 0 && maxDelay == 0) {
            throw ctx.error("max_delay", "is needed when delayed > 0: how late may a delayed reading arrive (e.g. \"30s\")");
        }
        if (outage > 0 && outageEvery == 0) {
            throw ctx.error("outage_every", "is needed when outage > 0: how often a device goes offline (e.g. \"10m\")");
        }
        SensorFleet fleet;
        try {
            fleet = SensorFleet.of((int) devices).rate(rate).noise(noise).drift(drift).anomalies(anomalies)
                    .delays(delayed, millis(maxDelay)).disorder(millis(disorder))
                    .outages(millis(outageEvery), millis(outage)).seed((long) seed).prefix(prefix);
        } catch (IllegalArgumentException e) {
            throw ctx.error(paramOf(e.getMessage()), e.getMessage());
        }
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw ctx.error("speed", "must be >= 0 (1: real time, 10: ten times faster, 0: as fast as possible), was " + speed);
        }
        ctx.add(new SensorSource(fleet, (IotStream<Event<Double>>) (IotStream<?>) out,
                (IotStream<Event<Double>>) (IotStream<?>) truth, speed, (long) count));
    }

    private static Duration millis(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static void whole(LeafContext ctx, String param, double v) {
        if (v != Math.rint(v)) {
            throw ctx.error(param, "must be a whole number, was " + v);
        }
    }

    private static String paramOf(String message) {
        for (String p : OPTIONAL) {
            if (message.startsWith(p)) {
                return p;
            }
        }
        if (message.startsWith("delay")) {
            return "delayed";
        }
        return message.startsWith("an outage") ? "outage" : "devices";
    }
}
