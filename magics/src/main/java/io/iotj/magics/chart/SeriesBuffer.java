package io.iotj.magics.chart;

import java.util.Arrays;

/**
 * The last {@code capacity} points of one chart series, oldest first. A ring of two primitive
 * arrays: a chart fed for hours keeps exactly {@code capacity} points and allocates nothing per
 * point. Not thread-safe: {@link LiveChart} guards it.
 */
final class SeriesBuffer {
    private final double[] xs;
    private final double[] ys;
    private int start;
    private int size;
    private long added;

    SeriesBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a series keeps at least 1 point, got " + capacity);
        }
        xs = new double[capacity];
        ys = new double[capacity];
    }

    void add(double x, double y) {
        int capacity = xs.length;
        int at = (start + size) % capacity;
        if (size == capacity) {
            start = (start + 1) % capacity; // the oldest point gives way
        } else {
            size++;
        }
        xs[at] = x;
        ys[at] = y;
        added++;
    }

    void clear() {
        start = 0;
        size = 0;
    }

    int size() {
        return size;
    }

    int capacity() {
        return xs.length;
    }

    /** Points added since the series was created, including those that gave way. */
    long added() {
        return added;
    }

    double[] xs() {
        return copy(xs);
    }

    double[] ys() {
        return copy(ys);
    }

    private double[] copy(double[] ring) {
        double[] out = new double[size];
        int capacity = ring.length;
        int first = Math.min(size, capacity - start);
        System.arraycopy(ring, start, out, 0, first);
        System.arraycopy(ring, 0, out, first, size - first);
        return out;
    }

    @Override
    public String toString() {
        return Arrays.toString(ys());
    }
}
