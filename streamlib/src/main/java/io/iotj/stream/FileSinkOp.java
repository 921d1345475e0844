package io.iotj.stream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Writes each value's text on its own line; flushes after every batch so the file is current. */
final class FileSinkOp extends Operator {
    private final IotStream.Reader<Object> in;
    private final Path file;
    private BufferedWriter w;

    FileSinkOp(IotStream<?> in, Path file) {
        super("file_sink", List.of(in), List.of());
        this.in = reader(0);
        this.file = file;
    }

    @Override
    public int step(int max) {
        int n = in.acquire(max);
        if (n == 0) {
            return 0;
        }
        try {
            if (w == null) {
                w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            }
            for (int i = 0; i < n; i++) {
                w.write(String.valueOf(in.get(i)));
                w.newLine();
            }
            w.flush();
        } catch (IOException e) {
            throw new ValueFailure(in.get(0), new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e));
        }
        in.advance(n);
        return n;
    }

    @Override
    public void close() {
        if (w != null) {
            try {
                w.close();
            } catch (IOException e) {
                // Everything was flushed after each batch; a failing close loses nothing.
            }
            w = null;
        }
    }
}
