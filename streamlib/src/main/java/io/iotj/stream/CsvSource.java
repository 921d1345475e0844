package io.iotj.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a CSV file's rows as tuples at a given rate (rows per second; 0 for as fast as readers
 * take them). Cells that read as integers become {@code Long}, other numbers {@code Double}, the
 * rest stay strings; quoted cells may contain commas and doubled quotes.
 */
final class CsvSource extends SourceOp {
    private final Path file;
    private final boolean header;
    private BufferedReader in;
    private long line;

    CsvSource(IotStream<Tuple> out, Path file, double rowsPerSecond, boolean header) {
        super("csv_source", out, rowsPerSecond > 0 ? 1.0 / rowsPerSecond : 0, -1);
        this.file = file;
        this.header = header;
    }

    @Override
    protected boolean produce() {
        try {
            if (in == null) {
                in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                if (header) {
                    in.readLine();
                    line++;
                }
            }
            String s;
            do {
                s = in.readLine();
                line++;
                if (s == null) {
                    return false;
                }
            } while (s.isBlank());
            write(parse(s));
            return true;
        } catch (IOException e) {
            throw new ValueFailure(file + ":" + line, new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e));
        } catch (IllegalArgumentException e) {
            throw new ValueFailure(file + ":" + line, e);
        }
    }

    static Tuple parse(String s) {
        List<Object> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                cells.add(value(cell.toString(), wasQuoted));
                cell.setLength(0);
                wasQuoted = false;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote in CSV row: " + s);
        }
        cells.add(value(cell.toString(), wasQuoted));
        return new Tuple(cells);
    }

    private static Object value(String cell, boolean quoted) {
        if (quoted) {
            return cell;
        }
        String t = cell.strip();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            // not an integer
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return t;
        }
    }

    @Override
    public void close() {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // reading is over; nothing to lose
            }
            in = null;
        }
    }
}
