package io.iotj.connect.net;

import io.iotj.assemble.LeafContext;
import io.iotj.connect.LeafParams;
import io.iotj.connect.Overflow;
import io.iotj.connect.PayloadFormat;
import io.iotj.stream.IotStream;
import io.iotj.template.Param;
import io.iotj.template.Template;
import java.util.List;

/**
 * The {@code socket} source: {@code lines = socket(host="127.0.0.1", port=9999);} reads lines from
 * a TCP server. {@code format} (text), {@code fields}, {@code time} as for {@code mqtt};
 * {@code buffer} lines may wait for the graph (10000); when they do, {@code overflow}
 * {@code "drop_oldest"} (the default, counted) or {@code "block"} (stop reading: TCP slows the sender).
 */
public final class SocketLeaf {
    private SocketLeaf() {
    }

    /** The leaf's signature. */
    public static Template template() {
        List<String> optional = List.of("host", "format", "fields", "time", "buffer", "overflow");
        return new Template("socket", "socket",
                List.of(Param.of("host"), Param.of("port"), Param.of("format"), Param.of("fields"), Param.of("time"),
                        Param.of("buffer"), Param.of("overflow")),
                List.of(new Param("out", Param.STREAM), new Param("errors", Param.STREAM)), optional, List.of(), List.of(), List.of());
    }

    /** Builds the part; connecting waits for the graph's start. */
    public static void assemble(LeafContext ctx) {
        String host = LeafParams.text(ctx, "host", "127.0.0.1");
        double port = ctx.doubleValue("port");
        String format = LeafParams.text(ctx, "format", "text");
        List<Object> fields = ctx.list("fields");
        String time = LeafParams.text(ctx, "time", null);
        double buffer = ctx.doubleValue("buffer", 10_000);
        String overflow = LeafParams.text(ctx, "overflow", "drop_oldest");
        IotStream<Object> out = ctx.stream("out");
        IotStream<Object> errors = ctx.wired("errors") ? ctx.stream("errors") : null;
        if (port != Math.rint(port) || port < 1 || port > 65_535) {
            throw ctx.error("port", "must be a TCP port from 1 to 65535, was " + port);
        }
        if (buffer != Math.rint(buffer) || buffer < 1 || buffer > 10_000_000) {
            throw ctx.error("buffer", "must be a whole number from 1 to 10000000, was " + buffer);
        }
        PayloadFormat pf;
        Overflow of;
        try {
            pf = PayloadFormat.of(format, fields, time);
        } catch (IllegalArgumentException e) {
            throw ctx.error("format", e.getMessage());
        }
        try {
            of = Overflow.of(overflow);
        } catch (IllegalArgumentException e) {
            throw ctx.error("overflow", e.getMessage());
        }
        ctx.add(new SocketSource(out, errors, pf, host, (int) port, (int) buffer, of));
    }
}
