package io.iotj.magics.live;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Decides when a live display is sent again: only when what it shows changed, never sooner than
 * {@code interval} after the previous send, and once more, finally, when its graph finished
 * (stopped or failed), after which it sends nothing.
 *
 * <p>It does not keep time itself: its owner calls {@link #tick(long)} often (every few tens of
 * milliseconds); the throttle turns those ticks into at most one update per interval.
 */
public final class DisplayThrottle {
    /** The shortest time between two updates: at most four a second. */
    public static final long DEFAULT_INTERVAL_NANOS = 250_000_000L;

    private final LongSupplier version;
    private final BooleanSupplier finished;
    private final Runnable update;
    private final long interval;
    private long lastSent;
    private long lastVersion;
    private boolean done;
    private int sent;
    private Throwable failure;

    /**
     * @param version  a number that changes when the display's content changes
     * @param finished true once the source will not change any more
     * @param update   renders and sends the display; may throw (the throttle then stops)
     * @param interval the shortest time between two updates, in nanoseconds
     * @param now      the time of the first display, which counts as a send
     */
    public DisplayThrottle(LongSupplier version, BooleanSupplier finished, Runnable update,
                           long interval, long now) {
        this.version = version;
        this.finished = finished;
        this.update = update;
        this.interval = interval;
        this.lastSent = now;
        this.lastVersion = version.getAsLong();
    }

    /**
     * Sends an update if one is due at time {@code now} (nanoseconds).
     *
     * @return true when an update was sent
     */
    public synchronized boolean tick(long now) {
        if (done || now - lastSent < interval) {
            return false;
        }
        if (finished.getAsBoolean()) {
            done = true;
            return send(now, version.getAsLong());
        }
        long v = version.getAsLong();
        return v != lastVersion && send(now, v);
    }

    /**
     * Sends the last update now, whatever the interval, when the display would read differently
     * (its source finished, or its content changed since the previous send); nothing is sent
     * after. For the kernel's shutdown, when no tick will come.
     *
     * @return true when an update was sent
     */
    public synchronized boolean finish(long now) {
        if (done) {
            return false;
        }
        done = true;
        long v = version.getAsLong();
        return (finished.getAsBoolean() || v != lastVersion) && send(now, v);
    }

    private boolean send(long now, long v) {
        try {
            update.run();
        } catch (RuntimeException | Error e) {
            // A display that cannot be sent (kernel closing, renderer bug) must not take the
            // scheduler down; the view simply stops updating.
            failure = e;
            done = true;
            return false;
        }
        lastSent = now;
        lastVersion = v;
        sent++;
        return true;
    }

    /** True once the final update was sent (or sending failed): no more ticks are needed. */
    public synchronized boolean done() {
        return done;
    }

    /** How many updates were sent (the first display not counted). */
    public synchronized int sent() {
        return sent;
    }

    /** Why sending failed, or null. */
    public synchronized Throwable failure() {
        return failure;
    }
}
