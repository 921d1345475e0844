package io.iotj.magics.live;

/**
 * Values per second of a growing count, measured over roughly the last {@code window}
 * nanoseconds from a few remembered samples (a fixed ring, so memory stays constant).
 */
final class RateMeter {
    private static final int SLOTS = 16;
    private final long window;
    private final long[] times = new long[SLOTS];
    private final long[] counts = new long[SLOTS];
    private int size;
    private int head;

    RateMeter(long windowNanos) {
        this.window = windowNanos;
    }

    /** Records that the count was {@code count} at {@code nanos}; returns the rate then. */
    synchronized double sample(long nanos, long count) {
        if (size > 0) {
            int last = (head + size - 1) % SLOTS;
            // Samples closer than window/SLOTS apart would only shorten how far back we see.
            if (nanos - times[last] < window / SLOTS) {
                return rate(nanos, count);
            }
        }
        if (size == SLOTS) {
            head = (head + 1) % SLOTS;
            size--;
        }
        int slot = (head + size) % SLOTS;
        times[slot] = nanos;
        counts[slot] = count;
        size++;
        while (size > 2 && nanos - times[(head + 1) % SLOTS] >= window) {
            head = (head + 1) % SLOTS;
            size--;
        }
        return rate(nanos, count);
    }

    private double rate(long nanos, long count) {
        if (size == 0) {
            return 0;
        }
        long dt = nanos - times[head];
        return dt <= 0 ? 0 : (count - counts[head]) * 1e9 / dt;
    }
}
