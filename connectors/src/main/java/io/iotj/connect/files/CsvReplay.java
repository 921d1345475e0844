package io.iotj.connect.files;

import io.iotj.stream.Event;
import io.iotj.stream.IotStream;
import io.iotj.stream.Operator;
import io.iotj.stream.Sources;
import io.iotj.stream.Tuple;
import io.iotj.stream.ValueFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a recorded CSV file: at its recorded pace ({@code speed} 1, from the times in its
 * {@code time} column), a multiple of it ({@code speed} 10), as fast as readers take rows
 * ({@code speed} 0), or at a fixed {@code rate} of rows per second. With a header row, each row is
 * an event whose value maps column names to cells; without, a tuple. The file is opened when the
 * graph starts, a row at a time, so files of any size replay in bounded memory.
 */
final class CsvReplay extends Operator {
    private final IotStream<Object> out;
    private final Path file;
    private final boolean header;
    private final String timeColumn;
    private final double speed;
    private final double rate;
    private BufferedReader in;
    private List<String> names;
    private int timeIndex = -1;
    private Event<Object> next;
    private boolean done;
    private long line;
    private long firstRecorded = Long.MIN_VALUE;
    private long startNanos;
    private long rows;

    CsvReplay(IotStream<Object> out, Path file, boolean header, String timeColumn, double speed, double rate) {
        super("csv", List.of(), List.of(out));
        this.out = out;
        this.file = file;
        this.header = header;
        this.timeColumn = timeColumn;
        this.speed = speed;
        this.rate = rate;
    }

    @Override
    public void open() {
        try {
            in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            if (header) {
                String h = in.readLine();
                line++;
                if (h == null) {
                    done = true;
                    return;
                }
                names = Sources.csvRow(h).items().stream().map(String::valueOf).map(String::strip).toList();
                if (timeColumn != null) {
                    timeIndex = names.indexOf(timeColumn);
                    if (timeIndex < 0) {
                        throw new IllegalStateException("csv: " + file + " has no column " + timeColumn + "; its columns: " + names);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("csv: cannot read " + file + ": " + e.getMessage(), e);
        }
        startNanos = System.nanoTime();
    }

    @Override
    public boolean isSource() {
        return true;
    }

    private Event<Object> peek() {
        if (next != null || done) {
            return next;
        }
        try {
            String s;
            do {
                s = in.readLine();
                line++;
                if (s == null) {
                    done = true;
                    return null;
                }
            } while (s.isBlank());
            Tuple row = Sources.csvRow(s);
            long now = System.currentTimeMillis();
            if (names == null) {
                next = new Event<>(file.getFileName().toString(), now, now, row);
                return next;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < names.size() && i < row.size(); i++) {
                m.put(names.get(i), row.get(i));
            }
            long t = timeIndex >= 0 && timeIndex < row.size() ? time(row.get(timeIndex)) : now;
            next = new Event<>(file.getFileName().toString(), t, now, m);
            return next;
        } catch (IOException e) {
            throw new ValueFailure(file + ":" + line, new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e));
        } catch (IllegalArgumentException e) {
            throw new ValueFailure(file + ":" + line, e);
        }
    }

    private long time(Object cell) {
        if (cell instanceof Number n) {
            double v = n.doubleValue();
            return Math.abs(v) < 1e11 ? Math.round(v * 1000) : Math.round(v);
        }
        try {
            return Instant.parse(String.valueOf(cell).strip()).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(String.valueOf(cell).strip().replace(' ', 'T'))
                        .toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("column " + timeColumn + " is not a time: \"" + cell + "\"");
            }
        }
    }

    /** When the next row is due, in nanoTime; MIN_VALUE when now. */
    private long due() {
        Event<Object> e = peek();
        if (e == null) {
            return Long.MAX_VALUE;
        }
        if (rate > 0) {
            return startNanos + (long) (rows * 1e9 / rate);
        }
        if (speed == 0 || timeIndex < 0) {
            return Long.MIN_VALUE;
        }
        if (firstRecorded == Long.MIN_VALUE) {
            firstRecorded = e.time();
        }
        return startNanos + (long) ((e.time() - firstRecorded) * 1e6 / speed);
    }

    @Override
    public long nextDueNanos() {
        if (in == null) {
            return Long.MIN_VALUE;
        }
        long d = due();
        return d == Long.MAX_VALUE || d == Long.MIN_VALUE || d - System.nanoTime() > 0 ? d : Long.MIN_VALUE;
    }

    @Override
    public int step(int max) {
        if (in == null) {
            open();
        }
        int n = 0;
        while (n < max) {
            long d = due();
            if (d == Long.MAX_VALUE || (d != Long.MIN_VALUE && d - System.nanoTime() > 0)) {
                break;
            }
            Event<Object> e = next;
            next = null;
            long now = System.currentTimeMillis();
            emit(out, new Event<>(e.key(), e.time(), now, e.value()));
            rows++;
            n++;
        }
        flush(out);
        if (done && next == null) {
            close();
        }
        return n;
    }

    @Override
    public void close() {
        done = true;
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // closing
            }
        }
    }
}
