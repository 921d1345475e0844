package io.iotj.magics.live;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The throttle is driven with a made-up clock: each test is exact and takes no time. */
class DisplayThrottleTest {
    static final long MS = 1_000_000L;
    static final long INTERVAL = 250 * MS;

    final AtomicLong version = new AtomicLong();
    final AtomicBoolean finished = new AtomicBoolean();
    final List<Long> sentAt = new ArrayList<>();
    long now;

    DisplayThrottle throttle() {
        return new DisplayThrottle(version::get, finished::get, () -> sentAt.add(now), INTERVAL, 0);
    }

    @Test
    void nothingIsSentWhileNothingChanges() {
        DisplayThrottle t = throttle();
        for (now = 0; now < 10_000 * MS; now += 50 * MS) {
            t.tick(now);
        }
        assertEquals(List.of(), sentAt);
    }

    @Test
    void aFastSourceGetsAtMostFourUpdatesPerSecond() {
        DisplayThrottle t = throttle();
        // A value every millisecond for ten seconds, ticks every 50 ms with some jitter.
        for (now = 0; now < 10_000 * MS; now += MS) {
            version.incrementAndGet();
            if (now % (50 * MS) == (now / (50 * MS) % 3) * MS) {
                t.tick(now);
            }
        }
        assertTrue(sentAt.size() <= 40, "sent " + sentAt.size());
        assertTrue(sentAt.size() >= 30, "a changing display keeps updating: " + sentAt.size());
        for (int i = 1; i < sentAt.size(); i++) {
            assertTrue(sentAt.get(i) - sentAt.get(i - 1) >= INTERVAL, "updates closer than 250 ms");
        }
        assertTrue(sentAt.getFirst() >= INTERVAL, "the first display counts as a send");
    }

    @Test
    void oneFinalUpdateAfterTheGraphFinishesThenNothing() {
        DisplayThrottle t = throttle();
        now = 300 * MS;
        version.incrementAndGet();
        assertTrue(t.tick(now));
        finished.set(true);
        now = 320 * MS;
        assertFalse(t.tick(now), "the final update also waits for the interval");
        now = 560 * MS;
        assertTrue(t.tick(now), "final update");
        assertTrue(t.done());
        for (now = 600 * MS; now < 5_000 * MS; now += 50 * MS) {
            version.incrementAndGet();
            assertFalse(t.tick(now));
        }
        assertEquals(List.of(300 * MS, 560 * MS), sentAt);
    }

    @Test
    void theFinalUpdateIsSentEvenWhenTheCountsDidNotChange() {
        DisplayThrottle t = throttle();
        finished.set(true);
        now = 1_000 * MS;
        assertTrue(t.tick(now));
        assertEquals(1, t.sent());
    }

    @Test
    void aFailingSenderStopsTheThrottleQuietly() {
        DisplayThrottle t = new DisplayThrottle(version::get, finished::get, () -> {
            throw new IllegalStateException("kernel closed");
        }, INTERVAL, 0);
        version.incrementAndGet();
        assertFalse(t.tick(INTERVAL));
        assertTrue(t.done());
        assertNotNull(t.failure());
    }
}
