package io.iotj.connect.files;

import io.iotj.assemble.LeafContext;
import io.iotj.connect.LeafParams;
import io.iotj.connect.PayloadFormat;
import io.iotj.stream.IotStream;
import io.iotj.template.Param;
import io.iotj.template.Template;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code files} source: {@code lines = files(dir="incoming", pattern="*.txt");} reads each new
 * file of a directory once, line by line. What was read is remembered in
 * {@code $IOTJ_HOME/files-read/} (or the file {@code state}), so a restarted kernel does not read
 * it again. {@code format}, {@code fields}, {@code time} as for {@code mqtt}.
 */
public final class FilesLeaf {
    private FilesLeaf() {
    }

    /** The leaf's signature. */
    public static Template template() {
        return new Template("files", "files",
                List.of(Param.of("dir"), Param.of("pattern"), Param.of("format"), Param.of("fields"), Param.of("time"),
                        Param.of("state")),
                List.of(new Param("out", Param.STREAM), new Param("errors", Param.STREAM)),
                List.of("pattern", "format", "fields", "time", "state"), List.of(), List.of(), List.of());
    }

    /** Builds the part; the directory is watched once the graph starts. */
    public static void assemble(LeafContext ctx) {
        String dir = LeafParams.text(ctx, "dir", null);
        String pattern = LeafParams.text(ctx, "pattern", "*");
        String format = LeafParams.text(ctx, "format", "text");
        List<Object> fields = ctx.list("fields");
        String time = LeafParams.text(ctx, "time", null);
        String state = LeafParams.text(ctx, "state", null);
        IotStream<Object> out = ctx.stream("out");
        IotStream<Object> errors = ctx.wired("errors") ? ctx.stream("errors") : null;
        if (dir == null || dir.isBlank()) {
            throw ctx.error("dir", "is required: the directory to watch, e.g. dir=\"incoming\"");
        }
        PayloadFormat pf;
        try {
            pf = PayloadFormat.of(format, fields, time);
        } catch (IllegalArgumentException e) {
            throw ctx.error("format", e.getMessage());
        }
        Path d = Path.of(dir).toAbsolutePath().normalize();
        Path st = state != null ? Path.of(state).toAbsolutePath() : stateDir().resolve(HexFormat.of().formatHex(
                sha(d + "\n" + pattern), 0, 12) + ".txt");
        ctx.add(new DirectorySource(out, errors, pf, d, pattern, st, 10_000));
    }

    private static Path stateDir() {
        String home = System.getenv("IOTJ_HOME");
        Path base = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".iotj");
        return base.resolve("files-read");
    }

    private static byte[] sha(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
