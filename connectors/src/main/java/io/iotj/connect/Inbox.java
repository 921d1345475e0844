package io.iotj.connect;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bounded hand-over between a client's thread (which receives messages) and the graph's part
 * (which takes them): at most {@code capacity} messages wait. When it is full, {@link Overflow#BLOCK}
 * makes the receiving thread wait (and so the sender), {@link Overflow#DROP_OLDEST} drops the
 * oldest waiting message and counts it.
 *
 * @param <M> the messages
 */
public final class Inbox<M> {
    private final ArrayDeque<M> queue;
    private final int capacity;
    private final Overflow overflow;
    private final Runnable arrived;
    private final AtomicLong dropped = new AtomicLong();
    private boolean closed;

    /**
     * @param arrived called (outside the lock) after a message is queued, to wake the part
     */
    public Inbox(int capacity, Overflow overflow, Runnable arrived) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.queue = new ArrayDeque<>(Math.min(capacity, 1024));
        this.capacity = capacity;
        this.overflow = overflow;
        this.arrived = arrived;
    }

    /**
     * Queues a message (waiting for room when the policy is to block).
     *
     * @return the message dropped to make room, or {@code null}
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public M put(M m) throws InterruptedException {
        M drop = null;
        synchronized (this) {
            while (queue.size() >= capacity && !closed) {
                if (overflow == Overflow.DROP_OLDEST) {
                    drop = queue.poll();
                    dropped.incrementAndGet();
                    break;
                }
                wait();
            }
            if (closed) {
                return m;
            }
            queue.add(m);
        }
        arrived.run();
        return drop;
    }

    /**
     * Queues a message when there is room (or, dropping the oldest, always) without waiting.
     *
     * @return false when the inbox is full and its policy is to block
     */
    public boolean offer(M m) {
        synchronized (this) {
            if (closed) {
                return true;
            }
            if (queue.size() >= capacity) {
                if (overflow == Overflow.BLOCK) {
                    return false;
                }
                queue.poll();
                dropped.incrementAndGet();
            }
            queue.add(m);
        }
        arrived.run();
        return true;
    }

    /** Moves up to {@code max} waiting messages into {@code into}, oldest first; returns how many. */
    public int drainTo(List<M> into, int max) {
        int n = 0;
        synchronized (this) {
            while (n < max && !queue.isEmpty()) {
                into.add(queue.poll());
                n++;
            }
            if (n > 0) {
                notifyAll();
            }
        }
        return n;
    }

    /** Messages waiting. */
    public synchronized int size() {
        return queue.size();
    }

    /** Messages dropped by {@link Overflow#DROP_OLDEST}. */
    public long dropped() {
        return dropped.get();
    }

    /** Lets waiting receivers go and takes no more messages (the graph stopped). */
    public synchronized void close() {
        closed = true;
        queue.clear();
        notifyAll();
    }
}
