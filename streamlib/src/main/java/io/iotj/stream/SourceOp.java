package io.iotj.stream;

import java.util.List;

/**
 * A source: produces values on its own, one per call of {@link #produce()}, either every
 * {@code interval} (IoTpy's {@code time_interval}) or, with interval 0, as fast as its readers take
 * them; stops after {@code numSteps} values when that is not negative.
 */
public abstract class SourceOp extends Operator implements Chaining.Chainer {
    private final IotStream<?> out;
    private Downstream down;
    private final long intervalNanos;
    private final long numSteps;
    private long steps;
    private long due = Long.MIN_VALUE;
    private boolean done;

    /**
     * @param kind            the operator kind ({@code source}, {@code csv_source}, …)
     * @param out             the stream this source writes
     * @param intervalSeconds seconds between values, 0 for as fast as possible
     * @param numSteps        values to produce, negative for unlimited
     */
    protected SourceOp(String kind, IotStream<?> out, double intervalSeconds, long numSteps) {
        super(kind, List.of(), List.of(out));
        if (!(intervalSeconds >= 0) || Double.isInfinite(intervalSeconds)) {
            throw new IllegalArgumentException(kind + ": time interval must be a number >= 0, was " + intervalSeconds);
        }
        this.out = out;
        this.down = new Downstream.Into(out);
        this.intervalNanos = (long) (intervalSeconds * 1e9);
        this.numSteps = numSteps;
    }

    /**
     * Produces the next value with {@link #write(Object)} (or nothing), returning false when the
     * source is exhausted.
     */
    protected abstract boolean produce();

    /**
     * Writes one value to the source's stream (or, when a runtime chained the stream's reader to this
     * source, hands it over at once).
     */
    protected final void write(Object value) {
        down.accept(value);
    }

    @Override
    public final void downstream(Downstream d) {
        down = d;
    }

    /** The stream written. */
    protected IotStream<?> out() {
        return out;
    }

    @Override
    public final boolean isSource() {
        return true;
    }

    @Override
    public final long nextDueNanos() {
        return done ? Long.MAX_VALUE : due;
    }

    /** True once the source produced all its values. */
    public final boolean finished() {
        return done;
    }

    @Override
    public final int step(int max) {
        if (done) {
            return 0;
        }
        int n = 0;
        try {
            if (intervalNanos > 0) {
                long now = System.nanoTime();
                if (due != Long.MIN_VALUE && now - due < 0) {
                    return 0;
                }
                // Keep a steady rate, but never catch up a backlog of missed ticks in a burst.
                due = (due == Long.MIN_VALUE || now - due > intervalNanos) ? now + intervalNanos : due + intervalNanos;
                n = once() ? 1 : 0;
            } else {
                while (n < max && once()) {
                    n++;
                }
            }
        } catch (ValueFailure e) {
            down.flush(); // the values before the failed one count (a part chained behind may have failed)
            throw e;
        }
        down.flush();
        if (done) {
            close();
        }
        return Math.max(n, done ? 1 : 0);
    }

    private boolean once() {
        if (numSteps >= 0 && steps >= numSteps) {
            done = true;
            return false;
        }
        steps++;
        if (!produce()) {
            done = true;
            return false;
        }
        return true;
    }
}
