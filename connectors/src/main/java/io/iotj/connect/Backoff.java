package io.iotj.connect;

import io.iotj.stream.Operator;

/**
 * Waits between attempts to reach something that went away: 100 ms, doubling up to a ceiling.
 * A graph being stopped interrupts the wait, which then unwinds the part with {@link Operator.Stopped}.
 */
public final class Backoff {
    private final long firstMillis;
    private final long maxMillis;
    private long next;

    /** A backoff from {@code firstMillis}, doubling up to {@code maxMillis}. */
    public Backoff(long firstMillis, long maxMillis) {
        this.firstMillis = firstMillis;
        this.maxMillis = maxMillis;
        this.next = firstMillis;
    }

    /** Sleeps the next interval. */
    public void pause() {
        try {
            Thread.sleep(next);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Operator.Stopped();
        }
        next = Math.min(maxMillis, next * 2);
    }

    /** Starts again from the first interval (after a success). */
    public void reset() {
        next = firstMillis;
    }
}
