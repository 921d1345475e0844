package io.iotj.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bounded hand-over between a client's thread and the graph: what is kept, dropped and counted. */
class InboxTest {

    @Test
    void dropOldestKeepsTheNewestAndCountsTheRest() throws Exception {
        AtomicInteger woken = new AtomicInteger();
        Inbox<Integer> in = new Inbox<>(10, Overflow.DROP_OLDEST, woken::incrementAndGet);
        for (int i = 0; i < 25; i++) {
            in.put(i);
        }
        List<Integer> taken = new ArrayList<>();
        assertEquals(10, in.drainTo(taken, 100));
        assertEquals(List.of(15, 16, 17, 18, 19, 20, 21, 22, 23, 24), taken);
        assertEquals(15, in.dropped(), "every message dropped is counted: 10 kept + 15 dropped = 25 sent");
        assertEquals(25, woken.get());
    }

    @Test
    void blockMakesTheSenderWaitUntilTheGraphTakesSome() throws Exception {
        Inbox<Integer> in = new Inbox<>(2, Overflow.BLOCK, () -> { });
        in.put(1);
        in.put(2);
        assertFalse(in.offer(3), "full: no room without waiting");
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                in.put(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(100);
        assertTrue(sender.isAlive(), "the sender waits");
        List<Integer> taken = new ArrayList<>();
        in.drainTo(taken, 1);
        sender.join(5000);
        assertFalse(sender.isAlive());
        in.drainTo(taken, 10);
        assertEquals(List.of(1, 2, 3), taken);
        assertEquals(0, in.dropped());
    }

    @Test
    void closingLetsAWaitingSenderGo() throws Exception {
        Inbox<Integer> in = new Inbox<>(1, Overflow.BLOCK, () -> { });
        in.put(1);
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                in.put(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(50);
        in.close();
        sender.join(5000);
        assertFalse(sender.isAlive(), "a stopped graph never leaves a client thread waiting");
    }
}
