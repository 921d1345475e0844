package io.iotj.kernel.output;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Text of one context that is not sent yet, kept as segments in write order. Consecutive
 * writes to the same stream merge into one segment, which is what turns a burst of
 * {@code println} calls into one message. Bytes are decoded as UTF-8; an incomplete
 * character at the end of a write waits for its remaining bytes.
 */
final class OutputBuffer {
    private final List<Segment> done = new ArrayList<>();
    private StreamName openStream;
    private final StringBuilder open = new StringBuilder();
    private final byte[][] carry = new byte[StreamName.values().length][];
    private long pendingChars;

    /** Appends bytes; returns true when the buffer was empty before (the caller then schedules a flush). */
    synchronized boolean append(StreamName stream, byte[] bytes, int off, int len) {
        boolean wasEmpty = pendingChars == 0;
        byte[] tail = carry[stream.ordinal()];
        byte[] data = bytes;
        int from = off;
        int count = len;
        if (tail != null) {
            data = new byte[tail.length + len];
            System.arraycopy(tail, 0, data, 0, tail.length);
            System.arraycopy(bytes, off, data, tail.length, len);
            from = 0;
            count = data.length;
            carry[stream.ordinal()] = null;
        }
        int complete = Utf8.completePrefix(data, from, count);
        if (complete < count) {
            byte[] rest = new byte[count - complete];
            System.arraycopy(data, from + complete, rest, 0, rest.length);
            carry[stream.ordinal()] = rest;
        }
        if (complete > 0) appendText(stream, new String(data, from, complete, StandardCharsets.UTF_8));
        return wasEmpty && pendingChars > 0;
    }

    /** Appends text; returns true when the buffer was empty before. */
    synchronized boolean append(StreamName stream, String text) {
        boolean wasEmpty = pendingChars == 0;
        appendText(stream, text);
        return wasEmpty && pendingChars > 0;
    }

    private void appendText(StreamName stream, String text) {
        if (text.isEmpty()) return;
        if (openStream != stream) {
            closeOpen();
            openStream = stream;
        }
        open.append(text);
        pendingChars += text.length();
    }

    private void closeOpen() {
        if (openStream != null && !open.isEmpty()) done.add(new Segment(openStream, open.toString()));
        open.setLength(0);
        openStream = null;
    }

    /** Takes every pending segment, oldest first, and wakes writers waiting for room. */
    synchronized List<Segment> take() {
        closeOpen();
        List<Segment> out = new ArrayList<>(done);
        done.clear();
        pendingChars = 0;
        notifyAll();
        return out;
    }

    synchronized long pendingChars() {
        return pendingChars;
    }

    /** Blocks while more than {@code limit} characters wait, so a runaway printer cannot exhaust memory. */
    synchronized void awaitRoom(long limit, long maxWaitMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxWaitMillis;
        while (pendingChars > limit) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) return;
            wait(left);
        }
    }
}
