package io.iotj.remote.transport;

import java.util.Arrays;
import java.util.List;

/**
 * The values of one batch, in stream order. Numeric streams keep primitive arrays so that a batch of
 * a million longs costs eight megabytes, not a million boxes; other values travel as a list.
 */
public sealed interface Values permits Values.Longs, Values.Doubles, Values.Objects {

    /** Number of values. */
    int size();

    /** The value at {@code i}, boxed. */
    Object get(int i);

    /** The values from {@code from} to the end (used to trim a batch that overlaps what was already received). */
    Values from(int from);

    /** Primitive longs; {@code data[0..size)} are the values. */
    record Longs(long[] data, int size) implements Values {
        public Longs {
            if (size < 0 || size > data.length) throw new IllegalArgumentException("size " + size + " outside 0.." + data.length);
        }
        @Override public Object get(int i) { return data[check(i, size)]; }
        @Override public Values from(int from) { return new Longs(Arrays.copyOfRange(data, from, size), size - from); }
    }

    /** Primitive doubles; {@code data[0..size)} are the values. */
    record Doubles(double[] data, int size) implements Values {
        public Doubles {
            if (size < 0 || size > data.length) throw new IllegalArgumentException("size " + size + " outside 0.." + data.length);
        }
        @Override public Object get(int i) { return data[check(i, size)]; }
        @Override public Values from(int from) { return new Doubles(Arrays.copyOfRange(data, from, size), size - from); }
    }

    /** Any values the {@link ValueCodec} can carry. */
    record Objects(List<Object> list) implements Values {
        public Objects {
            list = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
        }
        @Override public int size() { return list.size(); }
        @Override public Object get(int i) { return list.get(i); }
        @Override public Values from(int from) { return new Objects(list.subList(from, list.size())); }
    }

    private static int check(int i, int size) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("index " + i + " of " + size);
        return i;
    }
}
