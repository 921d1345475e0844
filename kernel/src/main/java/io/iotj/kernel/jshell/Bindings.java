package io.iotj.kernel.jshell;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands host objects to snippets: {@link JavaEvaluator#bind} parks the object here under a one-time key
 * and evaluates a declaration that takes it back. Public only because snippet code calls {@link #take}.
 */
public final class Bindings {
    private static final Map<String, Object> PARKED = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT = new AtomicLong();

    private Bindings() {
    }

    static String park(Object value) {
        String key = "b" + NEXT.incrementAndGet();
        PARKED.put(key, value == null ? NULL : value);
        return key;
    }

    /** Removes and returns the object parked under {@code key}. */
    public static Object take(String key) {
        Object value = PARKED.remove(key);
        return value == NULL ? null : value;
    }

    static void discard(String key) {
        PARKED.remove(key);
    }

    private static final Object NULL = new Object();
}
