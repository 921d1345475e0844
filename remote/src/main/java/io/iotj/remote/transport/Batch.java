package io.iotj.remote.transport;

import java.util.Objects;

/**
 * Consecutive values of one stream: the values at positions {@code position .. position + size - 1}.
 * Positions count values (not messages) from 0 for each {@link StreamId}, so a receiver can drop
 * what it already has, trim overlaps, and see gaps, whatever the batch boundaries were.
 *
 * @param stream   whose values these are
 * @param position the position of the first value
 * @param values   the values
 */
public record Batch(StreamId stream, long position, Values values) {
    public Batch {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(values, "values");
        if (position < 0) throw new IllegalArgumentException("position " + position);
    }

    /** Number of values. */
    public int size() {
        return values.size();
    }

    /** The position after the last value. */
    public long end() {
        return position + values.size();
    }
}
