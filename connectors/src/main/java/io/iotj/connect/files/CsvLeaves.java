package io.iotj.connect.files;

import io.iotj.assemble.LeafContext;
import io.iotj.connect.LeafParams;
import io.iotj.stream.IotStream;
import io.iotj.template.Param;
import io.iotj.template.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code csv} source and {@code csv_file} sink:
 * <pre>
 * rows = csv(path="recorded.csv", time="timestamp", speed=10);      # ten times the recorded pace
 * rows = csv(path="recorded.csv", rate=100);                        # 100 rows a second
 * csv_file(in=alerts, path="alerts.csv", max_bytes=10000000, keep=5);
 * </pre>
 */
public final class CsvLeaves {
    private CsvLeaves() {
    }

    /** The source's signature. */
    public static Template sourceTemplate() {
        return new Template("csv", "csv",
                List.of(Param.of("path"), Param.of("time"), Param.of("speed"), Param.of("rate"), Param.of("header")),
                List.of(new Param("out", Param.STREAM)), List.of("time", "speed", "rate", "header"), List.of(), List.of(), List.of());
    }

    /** The sink's signature. */
    public static Template sinkTemplate() {
        return new Template("csv_file", "csv_file",
                List.of(new Param("in", Param.STREAM), Param.of("path"), Param.of("max_bytes"), Param.of("keep")),
                List.of(), List.of("max_bytes", "keep"), List.of(), List.of(), List.of());
    }

    /** Builds a {@code csv} source part. */
    public static void source(LeafContext ctx) {
        String path = LeafParams.text(ctx, "path", null);
        String time = LeafParams.text(ctx, "time", null);
        double speed = ctx.doubleValue("speed", time == null ? 0 : 1);
        double rate = ctx.doubleValue("rate", 0);
        boolean header = LeafParams.bool(ctx, "header", true);
        IotStream<Object> out = ctx.stream("out");
        if (path == null) {
            throw ctx.error("path", "is required: the CSV file to replay");
        }
        if (!Files.isReadable(Path.of(path))) {
            throw ctx.error("path", "cannot read the file " + Path.of(path).toAbsolutePath());
        }
        if (!(speed >= 0) || !(rate >= 0) || Double.isInfinite(speed) || Double.isInfinite(rate)) {
            throw ctx.error(speed >= 0 ? "rate" : "speed", "must be >= 0");
        }
        if (time != null && !header) {
            throw ctx.error("time", "names a column of the header row; with header=false there is none");
        }
        if (speed > 0 && time == null && ctx.has("speed")) {
            throw ctx.error("speed", "replays at the recorded pace, which needs time=\"COLUMN\"; or give rate=ROWS_PER_SECOND");
        }
        ctx.add(new CsvReplay(out, Path.of(path), header, time, speed, rate));
    }

    /** Builds a {@code csv_file} sink part. */
    public static void sink(LeafContext ctx) {
        String path = LeafParams.text(ctx, "path", null);
        double maxBytes = ctx.doubleValue("max_bytes", 100_000_000);
        double keep = ctx.doubleValue("keep", 5);
        IotStream<Object> in = ctx.stream("in");
        if (path == null) {
            throw ctx.error("path", "is required: the CSV file to write");
        }
        if (maxBytes < 1024 || maxBytes != Math.rint(maxBytes)) {
            throw ctx.error("max_bytes", "must be a whole number of bytes >= 1024, was " + maxBytes);
        }
        if (keep < 1 || keep > 1000 || keep != Math.rint(keep)) {
            throw ctx.error("keep", "must be a whole number from 1 to 1000, was " + keep);
        }
        ctx.add(new CsvFileSink(in, Path.of(path).toAbsolutePath(), (long) maxBytes, (int) keep));
    }
}
