package io.iotj.assemble;

/** A class a template constructs with {@code func} and uses through {@code attribute}. */
public final class Counter {
    /** A public field read through {@code attribute}. */
    public final int step;
    private int total;

    /** A counter adding {@code step} times each value. */
    public Counter(int step) {
        this.step = step;
    }

    /** Adds {@code v * step} to the running total and returns the total. */
    public int add(int v) {
        total += v * step;
        return total;
    }

    /** A static method named as {@code io.iotj.assemble.Counter.triple}. */
    public static long triple(long v) {
        return 3 * v;
    }

    /** Throws on zero. */
    public static int inverse(int v) {
        return 100 / v;
    }
}
