package io.iotj.magics;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The threads that have run parts of the session's graphs, held weakly: how many are still alive
 * tells whether stopping graphs left any thread behind.
 */
final class GraphThreads {
    private final Set<Thread> threads = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    // seen() runs each time a part wakes; the flag keeps the shared lock to a thread's first wake.
    private final ThreadLocal<Boolean> noted = ThreadLocal.withInitial(() -> false);

    /** Notes that the calling thread runs graph work. */
    void seen() {
        if (noted.get()) return;
        noted.set(true);
        threads.add(Thread.currentThread());
    }

    /** How many of the threads that ran graph work are alive. */
    int alive() {
        synchronized (threads) {
            return (int) threads.stream().filter(Thread::isAlive).count();
        }
    }
}
