package io.iotj.magics.live;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveDisplaysTest {

    static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    @Test
    void aFinishedDisplayGetsItsFinalUpdateAndIsDropped() throws Exception {
        AtomicLong version = new AtomicLong();
        AtomicBoolean finished = new AtomicBoolean();
        AtomicInteger updates = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch last = new CountDownLatch(1);
        try (LiveDisplays displays = new LiveDisplays()) {
            displays.start(version::get, finished::get, () -> {
                updates.incrementAndGet();
                first.countDown();
                if (finished.get()) {
                    last.countDown();
                }
            });
            assertEquals(1, displays.active());
            version.incrementAndGet();
            assertTrue(first.await(5, TimeUnit.SECONDS), "a change is sent");
            finished.set(true);
            assertTrue(last.await(5, TimeUnit.SECONDS), "the final update is sent");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (displays.active() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, displays.active());
            int after = updates.get();
            version.incrementAndGet();
            Thread.sleep(400);
            assertEquals(after, updates.get(), "nothing after the final update");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (threadAlive("iotj-live-display") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(threadAlive("iotj-live-display"), "close ends the thread");
    }

    @Test
    void closingSendsTheLastStateOfAGraphThatJustStopped() {
        AtomicBoolean finished = new AtomicBoolean();
        AtomicInteger finalUpdates = new AtomicInteger();
        LiveDisplays displays = new LiveDisplays();
        displays.start(() -> finished.get() ? 1 : 0, finished::get, () -> {
            if (finished.get()) {
                finalUpdates.incrementAndGet();
            }
        });
        finished.set(true); // shutdown stops the graph, then closes the displays at once
        displays.close();
        assertEquals(1, finalUpdates.get(), "the table shows the graph stopped");
        assertEquals(0, displays.active());
    }

    @Test
    void closingSendsNothingForADisplayThatDidNotChange() {
        AtomicInteger updates = new AtomicInteger();
        LiveDisplays displays = new LiveDisplays();
        displays.start(() -> 7, () -> false, updates::incrementAndGet);
        displays.close();
        assertEquals(0, updates.get());
    }
}
