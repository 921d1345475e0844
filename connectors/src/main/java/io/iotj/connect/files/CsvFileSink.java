package io.iotj.connect.files;

import io.iotj.stream.ConnectorStats;
import io.iotj.stream.Event;
import io.iotj.stream.IotStream;
import io.iotj.stream.Operator;
import io.iotj.stream.Tuple;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a stream as CSV rows: an event as {@code key,time,arrival} then its value's cells (a map's
 * values, a record's components, a tuple's items, or the value); a header row from the first value.
 * When the file reaches {@code maxBytes} it is rotated: {@code out.csv} becomes {@code out.1.csv}
 * (the older ones {@code out.2.csv} …, at most {@code keep}), and a new {@code out.csv} starts.
 */
final class CsvFileSink extends Operator implements ConnectorStats {
    private final Path path;
    private final long maxBytes;
    private final int keep;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile Link link = Link.CONNECTING;
    private volatile String lastError;
    private BufferedWriter out;
    private long bytes;
    private String header;

    CsvFileSink(IotStream<?> in, Path path, long maxBytes, int keep) {
        super("csv_file", List.of(in), List.of());
        this.path = path;
        this.maxBytes = maxBytes;
        this.keep = keep;
    }

    @Override
    public void open() {
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            out = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            bytes = Files.size(path);
            link = Link.CONNECTED;
        } catch (IOException e) {
            throw new IllegalStateException("csv_file: cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int step(int max) {
        IotStream.Reader<Object> r = reader(0);
        int n = r.acquire(max);
        if (n == 0) {
            return 0;
        }
        try {
            for (int i = 0; i < n; i++) {
                Object v = r.get(i);
                if (header == null) {
                    header = String.join(",", names(v));
                    if (bytes == 0) {
                        line(header);
                    }
                }
                line(row(v));
                written.incrementAndGet();
            }
            out.flush();
        } catch (IOException e) {
            failed.addAndGet(n);
            lastError = "writing " + path + " failed: " + e.getMessage();
        }
        r.advance(n);
        return n;
    }

    private void line(String s) throws IOException {
        if (bytes > 0 && bytes + s.length() + 1 > maxBytes) {
            rotate();
            if (header != null && !s.equals(header)) {
                line(header);
            }
        }
        out.write(s);
        out.write('\n');
        bytes += s.getBytes(StandardCharsets.UTF_8).length + 1;
    }

    private void rotate() throws IOException {
        out.close();
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        Files.deleteIfExists(path.resolveSibling(base + "." + keep + ext));
        for (int i = keep - 1; i >= 1; i--) {
            Path from = path.resolveSibling(base + "." + i + ext);
            if (Files.exists(from)) {
                Files.move(from, path.resolveSibling(base + "." + (i + 1) + ext), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(path, path.resolveSibling(base + ".1" + ext), StandardCopyOption.REPLACE_EXISTING);
        out = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        bytes = 0;
    }

    private static List<String> names(Object v) {
        List<String> out = new ArrayList<>();
        Object payload = v;
        if (v instanceof Event<?> e) {
            out.addAll(List.of("key", "time", "arrival"));
            payload = e.value();
        }
        if (payload instanceof Map<?, ?> m) {
            m.keySet().forEach(k -> out.add(cell(String.valueOf(k))));
        } else if (payload instanceof Record rec && !(payload instanceof Tuple)) {
            for (RecordComponent c : rec.getClass().getRecordComponents()) {
                out.add(c.getName());
            }
        } else if (Tuple.itemsOf(payload) != null) {
            for (int i = 0; i < Tuple.itemsOf(payload).size(); i++) {
                out.add("v" + i);
            }
        } else {
            out.add("value");
        }
        return out;
    }

    private static String row(Object v) {
        List<String> cells = new ArrayList<>();
        Object payload = v;
        if (v instanceof Event<?> e) {
            cells.add(cell(e.key()));
            cells.add(Instant.ofEpochMilli(e.time()).toString());
            cells.add(Instant.ofEpochMilli(e.arrival()).toString());
            payload = e.value();
        }
        if (payload instanceof Map<?, ?> m) {
            m.values().forEach(x -> cells.add(cell(x)));
        } else if (payload instanceof Record rec && !(payload instanceof Tuple)) {
            for (RecordComponent c : rec.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    cells.add(cell(c.getAccessor().invoke(rec)));
                } catch (ReflectiveOperationException | RuntimeException ex) {
                    cells.add("");
                }
            }
        } else if (Tuple.itemsOf(payload) != null) {
            Tuple.itemsOf(payload).forEach(x -> cells.add(cell(x)));
        } else {
            cells.add(cell(payload));
        }
        return String.join(",", cells);
    }

    /** A CSV cell: quoted when it holds a comma, quote or line break. */
    private static String cell(Object o) {
        if (o == null) {
            return "";
        }
        String s = String.valueOf(o);
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    @Override
    public void close() {
        link = Link.CLOSED;
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // closing
            }
        }
    }

    @Override
    public Counts connectorCounts() {
        return new Counts(path.toString(), link, valuesIn(), 0, 0, written.get(), failed.get(), lastError);
    }
}
