package io.iotj.kernel.output;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code System.in} of the notebook: when user code reads and nothing is buffered, it asks the
 * frontend for a line ({@code input_request}). The supplier returns {@code null} when the
 * running request does not allow input, which reads as end of input.
 */
public final class StdinStream extends InputStream {
    private final Supplier<String> lines;
    private byte[] buffer = new byte[0];
    private int pos;

    /** @param lines asks the frontend for one line (without its newline), or gives {@code null} */
    public StdinStream(Supplier<String> lines) {
        this.lines = lines;
    }

    private boolean fill() {
        if (pos < buffer.length) return true;
        String line = lines.get();
        if (line == null) return false;
        buffer = (line + "\n").getBytes(StandardCharsets.UTF_8);
        pos = 0;
        return true;
    }

    @Override
    public synchronized int read() {
        return fill() ? buffer[pos++] & 0xFF : -1;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        if (len == 0) return 0;
        if (!fill()) return -1;
        int n = Math.min(len, buffer.length - pos);
        System.arraycopy(buffer, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return buffer.length - pos;
    }
}
