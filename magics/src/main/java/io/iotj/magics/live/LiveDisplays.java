package io.iotj.magics.live;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Keeps every live display of a session up to date from one daemon thread: each display is
 * ticked every {@value #TICK_MILLIS} ms through its {@link DisplayThrottle}, and dropped once its
 * final update went out. One thread serves all graphs, so a thousand idle graphs cost no threads.
 */
public final class LiveDisplays implements AutoCloseable {
    /** How often displays are checked; updates still go out at most every 250 ms. */
    public static final long TICK_MILLIS = 50;

    private final ScheduledExecutorService scheduler;
    private final Set<Handle> live = ConcurrentHashMap.newKeySet();

    /** A scheduler whose one thread is named {@code iotj-live-display}. */
    public LiveDisplays() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "iotj-live-display");
            t.setDaemon(true);
            return t;
        });
    }

    /** A registered display; {@link #cancel()} stops its updates at once. */
    public final class Handle {
        private final DisplayThrottle throttle;
        private volatile ScheduledFuture<?> future;

        private Handle(DisplayThrottle throttle) {
            this.throttle = throttle;
        }

        /** The throttle deciding this display's updates. */
        public DisplayThrottle throttle() {
            return throttle;
        }

        /** Stops updating this display without a final update. */
        public void cancel() {
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
            live.remove(this);
        }

        private void tick() {
            throttle.tick(System.nanoTime());
            if (throttle.done()) {
                cancel();
                if (future == null) {
                    // Not yet cancellable: throwing is how a periodic task ends itself.
                    throw new java.util.concurrent.CancellationException("display finished");
                }
            }
        }
    }

    /**
     * Starts updating a display shown just now.
     *
     * @param version  changes when the display's content changes
     * @param finished true once nothing will change any more (a final update is then sent)
     * @param update   renders and sends the update ({@code update_display_data})
     */
    public Handle start(LongSupplier version, BooleanSupplier finished, Runnable update) {
        DisplayThrottle t = new DisplayThrottle(version, finished, update,
                DisplayThrottle.DEFAULT_INTERVAL_NANOS, System.nanoTime());
        Handle h = new Handle(t);
        live.add(h);
        h.future = scheduler.scheduleWithFixedDelay(h::tick, TICK_MILLIS, TICK_MILLIS,
                TimeUnit.MILLISECONDS);
        return h;
    }

    /** How many displays are still being updated. */
    public int active() {
        return live.size();
    }

    /**
     * Sends each display's last update (the kernel stops the graphs just before: their tables
     * must not keep reading "running" in the saved notebook), then stops all updates and ends
     * the thread.
     */
    @Override
    public void close() {
        long now = System.nanoTime();
        for (Handle h : live) {
            h.throttle.finish(now);
        }
        live.forEach(Handle::cancel);
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
