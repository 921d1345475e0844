package io.iotj.remote.transport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes encoded batches to one graph's exchange on its own channel, with publisher confirms.
 *
 * <p>Every batch is kept until the broker has confirmed it and every batch published before it, at
 * most {@code window} batches: {@link #publish} blocks when the window is full, which is how a slow
 * consumer (whose bounded queue makes the broker refuse batches) slows its producers.
 *
 * <p>When the broker refuses a batch (nack, or returned because no queue took it), or the connection
 * drops, the publisher goes back to the first batch that is not known to be delivered and sends it and
 * all later ones again, in order ("go back N"). Receivers keep per-stream positions, so they drop the
 * copies they already have and receive each value once, in order. A batch still unconfirmed when the
 * publisher closes is reported to the {@link TransportListener} as lost, never silently dropped.
 */
public final class Publisher implements AutoCloseable {
    private static final int MAX_BACKOFF_MS = 500;

    private final Connection connection;
    private final String exchange;
    private final int window;
    private final TransportListener listener;
    private final ScheduledExecutorService scheduler;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Pending> retained = new ArrayDeque<>();
    private final TreeMap<Long, Pending> inFlight = new TreeMap<>();
    private Channel channel;
    private long nextId;
    private int unsent;
    private boolean resendScheduled;
    private int backoffMs;
    private boolean closing, closed;
    private long published, confirmed, refused, resent, lostValues;
    private final Map<StreamId, Long> confirmedEnd = new java.util.HashMap<>();

    private static final class Pending {
        final long id;
        final String routingKey;
        final byte[] body;
        final StreamId stream;
        final long position;
        final int count;
        long tag = -1;
        boolean confirmed, returned;

        Pending(long id, String routingKey, byte[] body, StreamId stream, long position, int count) {
            this.id = id;
            this.routingKey = routingKey;
            this.body = body;
            this.stream = stream;
            this.position = position;
            this.count = count;
        }
    }

    Publisher(Connection connection, String exchange, int window, TransportListener listener,
              ScheduledExecutorService scheduler) throws IOException {
        if (window < 1) throw new IllegalArgumentException("window " + window);
        this.connection = connection;
        this.exchange = exchange;
        this.window = window;
        this.listener = listener;
        this.scheduler = scheduler;
        lock.lock();
        try {
            openChannel();
        } finally {
            lock.unlock();
        }
    }

    private void openChannel() throws IOException {
        Channel ch = connection.createChannel();
        ch.confirmSelect();
        ch.addConfirmListener(this::acked, this::nacked);
        ch.addReturnListener(r -> returned(r.getProperties(), r.getRoutingKey(), r.getReplyText()));
        if (ch instanceof Recoverable rec) {
            rec.addRecoveryListener(new RecoveryListener() {
                @Override public void handleRecovery(Recoverable recoverable) { afterReconnect(); }
                @Override public void handleRecoveryStarted(Recoverable recoverable) {}
            });
        }
        ch.addShutdownListener(cause -> {
            // A channel error (not a lost connection, which automatic recovery handles) closes only this
            // channel: open a new one and send again whatever was not confirmed.
            if (!cause.isHardError() && !cause.isInitiatedByApplication()) {
                listener.warning("data channel to " + exchange + " closed by the broker: " + cause.getMessage());
                scheduler.schedule(this::reopen, 100, TimeUnit.MILLISECONDS);
            }
        });
        channel = ch;
    }

    private void reopen() {
        lock.lock();
        try {
            if (closed) return;
            try {
                openChannel();
            } catch (IOException | AlreadyClosedException e) {
                scheduler.schedule(this::reopen, 500, TimeUnit.MILLISECONDS);
                return;
            }
            resetAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Publishes one encoded batch to {@code part}, blocking while {@code window} batches are unconfirmed.
     *
     * @throws InterruptedException  when interrupted while waiting for room
     * @throws IllegalStateException when the publisher is closed
     */
    public void publish(String part, byte[] body, StreamId stream, long position, int count) throws InterruptedException {
        lock.lock();
        try {
            while (retained.size() >= window && !closing) changed.await();
            enqueue(part, body, stream, position, count);
        } finally {
            lock.unlock();
        }
    }

    /** Publishes like {@link #publish} if the window has room now; returns false (sending nothing) if not. */
    public boolean tryPublish(String part, byte[] body, StreamId stream, long position, int count) {
        lock.lock();
        try {
            if (retained.size() >= window && !closing) return false;
            enqueue(part, body, stream, position, count);
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(String part, byte[] body, StreamId stream, long position, int count) {
            if (closing) throw new IllegalStateException("publisher to " + exchange + " is closed");
            Pending p = new Pending(nextId++, part, body, stream, position, count);
            retained.addLast(p);
            published++;
            unsent++;
            if (unsent == 1) {
                send(p); // nothing earlier waits to be resent, so order is kept
            } else {
                scheduleResend(0);
            }
    }

    /** Sends {@code p}; on failure leaves it unsent for the resend after reconnecting. Lock held. */
    private boolean send(Pending p) {
        try {
            long tag = channel.getNextPublishSeqNo();
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                    .deliveryMode(2).messageId(Long.toString(p.id)).build();
            channel.basicPublish(exchange, p.routingKey, true, props, p.body);
            p.tag = tag;
            inFlight.put(tag, p);
            unsent--;
            return true;
        } catch (IOException | ShutdownSignalException e) {
            return false;
        }
    }

    private void acked(long tag, boolean multiple) {
        lock.lock();
        try {
            for (Pending p : take(tag, multiple)) {
                if (p.returned) {
                    goBack(p);
                } else {
                    p.confirmed = true;
                    backoffMs = 0;
                }
            }
            while (!retained.isEmpty() && retained.peekFirst().confirmed) {
                Pending done = retained.pollFirst();
                confirmedEnd.merge(done.stream, done.position + done.count, Math::max);
                confirmed++;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void nacked(long tag, boolean multiple) {
        lock.lock();
        try {
            List<Pending> ps = take(tag, multiple);
            refused += ps.size();
            for (Pending p : ps) goBack(p);
        } finally {
            lock.unlock();
        }
    }

    private void returned(AMQP.BasicProperties props, String routingKey, String replyText) {
        lock.lock();
        try {
            long id = Long.parseLong(props.getMessageId());
            for (Pending p : retained) {
                if (p.id == id) {
                    p.returned = true; // the confirm that follows a return means "routed nowhere"
                    break;
                }
            }
        } catch (NumberFormatException e) {
            listener.warning("returned message without an iotj id");
        } finally {
            lock.unlock();
        }
        listener.warning("no queue for part '" + routingKey + "' on " + exchange + " (" + replyText + "); will retry");
    }

    private List<Pending> take(long tag, boolean multiple) {
        List<Pending> out = new ArrayList<>();
        if (multiple) {
            Map<Long, Pending> head = inFlight.headMap(tag, true);
            out.addAll(head.values());
            head.clear();
        } else {
            Pending p = inFlight.remove(tag);
            if (p != null) out.add(p);
        }
        return out;
    }

    /** Marks {@code from} and every later batch unsent and schedules sending them again. Lock held. */
    private void goBack(Pending from) {
        boolean after = false;
        for (Pending p : retained) {
            if (p == from) after = true;
            if (after) unmark(p);
        }
        resent++;
        backoffMs = backoffMs == 0 ? 5 : Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        scheduleResend(backoffMs);
    }

    private void unmark(Pending p) {
        if (p.tag >= 0) {
            inFlight.remove(p.tag);
            p.tag = -1;
            unsent++;
        } else if (p.confirmed) {
            unsent++;
        }
        p.confirmed = false;
        p.returned = false;
    }

    private void afterReconnect() {
        lock.lock();
        try {
            listener.warning("data channel to " + exchange + " recovered; resending " + retained.size() + " unconfirmed batches");
            resetAll();
        } finally {
            lock.unlock();
        }
    }

    /** After a new channel: nothing is in flight any more; send everything retained again. Lock held. */
    private void resetAll() {
        inFlight.clear();
        for (Pending p : retained) {
            p.tag = -1;
            p.confirmed = false;
            p.returned = false;
        }
        unsent = retained.size();
        scheduleResend(0);
    }

    private void scheduleResend(int delayMs) {
        if (resendScheduled || closed) return;
        resendScheduled = true;
        scheduler.schedule(this::resend, delayMs, TimeUnit.MILLISECONDS);
    }

    private void resend() {
        lock.lock();
        try {
            resendScheduled = false;
            if (closed) return;
            for (Pending p : retained) {
                if (p.tag >= 0 || p.confirmed) continue;
                if (!send(p)) return; // channel down: recovery calls afterReconnect
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The position after the last value of {@code stream} that the broker has confirmed, together
     * with every batch published before it (0 when none).
     */
    public long confirmedEnd(StreamId stream) {
        lock.lock();
        try {
            return confirmedEnd.getOrDefault(stream, 0L);
        } finally {
            lock.unlock();
        }
    }

    /** Batches waiting for the broker's confirm. */
    public int unconfirmed() {
        lock.lock();
        try {
            return retained.size();
        } finally {
            lock.unlock();
        }
    }

    /** Counters: batches published, confirmed, refused by the broker, go-back resends, values reported lost. */
    public Stats stats() {
        lock.lock();
        try {
            return new Stats(published, confirmed, refused, resent, lostValues);
        } finally {
            lock.unlock();
        }
    }

    /** Publisher counters. */
    public record Stats(long published, long confirmed, long refused, long resends, long lostValues) {}

    private volatile Runnable onClose = () -> {};

    void onClose(Runnable r) {
        onClose = r;
    }

    /** Waits up to 10 s for confirms, then closes; see {@link #close(Duration)}. */
    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    /**
     * Stops accepting batches, waits up to {@code wait} for outstanding confirms, reports what is still
     * unconfirmed as lost, and closes the channel.
     *
     * @return the number of values reported lost
     */
    public long close(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        lock.lock();
        try {
            if (closed) return lostValues;
            closing = true;
            changed.signalAll();
            while (!retained.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                try {
                    changed.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            for (Pending p : retained) {
                lostValues += p.count;
                listener.lost(p.stream, p.position, p.count, "not confirmed by the broker before the publisher closed");
            }
            retained.clear();
            inFlight.clear();
            closed = true;
        } finally {
            lock.unlock();
        }
        try {
            if (channel.isOpen()) channel.close();
        } catch (IOException | java.util.concurrent.TimeoutException | ShutdownSignalException ignored) {
            // the channel is gone either way
        }
        onClose.run();
        return lostValues;
    }
}
