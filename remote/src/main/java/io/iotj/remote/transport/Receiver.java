package io.iotj.remote.transport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The receiving end of one part's queue: consumes batches with manual acknowledgements and a
 * prefetch limit, and hands each value to the {@link BatchHandler} exactly once, in order per stream.
 *
 * <p>It keeps, per {@link StreamId}, the position of the next value it expects. A batch wholly before
 * that position is a duplicate (a redelivery, or a publisher's resend) and is acknowledged and
 * dropped; one that overlaps is trimmed; one after it (a gap) is held, unacknowledged, until the
 * missing values arrive. A batch is acknowledged only after the handler has taken it, so a receiver
 * that stops leaves everything it has not taken in the queue, and a new receiver given
 * {@link #positions()} resumes exactly there.
 */
public final class Receiver implements AutoCloseable {
    private final Channel channel;
    private final String queue;
    private final BatchCodec codec;
    private final BatchHandler handler;
    private final TransportListener listener;
    private final int maxHeld;
    private final Map<StreamId, Long> next = new HashMap<>();
    private final Map<StreamId, TreeMap<Long, Held>> held = new HashMap<>();
    private int heldCount;
    private String consumerTag;
    private boolean closed;
    private long values, batches, duplicates, reordered, malformed;

    private record Held(Batch batch, long tag) {}

    /**
     * Decides when a taken batch is acknowledged. A part that sends values on must not acknowledge
     * its input before what it derived from it is safely at the broker: it records the delivery and
     * calls {@link Receiver#ack} later.
     */
    @FunctionalInterface
    public interface AckGate {
        /** {@code tag} was taken; the receiver's positions after it are {@code positions}. */
        void taken(long tag, Map<StreamId, Long> positions);
    }

    private volatile AckGate gate;

    /** Acknowledges later, through {@code gate}, instead of right after the handler returns. */
    public void gate(AckGate g) {
        this.gate = g;
    }

    Receiver(Connection connection, String queue, BatchCodec codec, BatchHandler handler, Map<StreamId, Long> resume,
             int prefetch, TransportListener listener) throws IOException {
        if (prefetch < 2) throw new IllegalArgumentException("prefetch " + prefetch + " (at least 2)");
        this.queue = queue;
        this.codec = codec;
        this.handler = handler;
        this.listener = listener;
        this.maxHeld = prefetch - 1; // always leave room for the batch that fills a gap
        this.next.putAll(resume);
        this.channel = connection.createChannel();
        channel.basicQos(prefetch);
        if (channel instanceof Recoverable rec) {
            rec.addRecoveryListener(new RecoveryListener() {
                @Override public void handleRecovery(Recoverable r) { forgetHeld(); }
                @Override public void handleRecoveryStarted(Recoverable r) {}
            });
        }
        // Exclusive: one consumer per part queue, so a node that comes back after its part was moved
        // elsewhere cannot consume beside the new one (its consumer recovery is refused).
        try {
            this.consumerTag = channel.basicConsume(queue, false, "", false, true, null, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body) {
                    deliver(env.getDeliveryTag(), body);
                }
            });
        } catch (IOException e) {
            String why = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            throw new IOException(why.contains("exclusive") ? "queue " + queue + " is being consumed by another receiver (the part runs elsewhere)"
                    : "cannot consume " + queue + ": " + why, e);
        }
    }

    private synchronized void deliver(long tag, byte[] body) {
        if (closed) return; // left unacknowledged: the broker requeues it when the channel closes
        Batch batch;
        try {
            batch = codec.decode(body);
        } catch (IOException e) {
            malformed++;
            listener.warning("dropped a malformed message on " + queue + ": " + e.getMessage());
            ack(tag);
            return;
        }
        StreamId id = batch.stream();
        long expected = next.getOrDefault(id, 0L);
        if (batch.end() <= expected) {
            duplicates++;
            ack(tag);
        } else if (batch.position() > expected) {
            hold(id, batch, tag);
        } else {
            take(batch, expected, tag);
            drainHeld(id);
        }
    }

    private void take(Batch batch, long expected, long tag) {
        Batch b = batch.position() == expected ? batch
                : new Batch(batch.stream(), expected, batch.values().from((int) (expected - batch.position())));
        try {
            handler.accept(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // not acknowledged: redelivered to whoever consumes next
        } catch (BatchHandler.Stop e) {
            closed = true; // this delivery and later ones stay unacknowledged; the channel's close requeues them
            try {
                channel.basicCancel(consumerTag);
            } catch (IOException | ShutdownSignalException ignored) {
                // already gone
            }
            return;
        } catch (RuntimeException e) {
            listener.lost(b.stream(), b.position(), b.size(), "the part failed on these values: " + e);
        }
        next.put(b.stream(), b.end());
        values += b.size();
        batches++;
        AckGate g = gate;
        if (g == null) ack(tag);
        else g.taken(tag, Map.copyOf(next));
    }

    private void hold(StreamId id, Batch batch, long tag) {
        TreeMap<Long, Held> h = held.computeIfAbsent(id, k -> new TreeMap<>());
        Held old = h.put(batch.position(), new Held(batch, tag));
        if (old != null) {
            ack(old.tag()); // a second copy of a held batch: keep the newer delivery
        } else {
            heldCount++;
            reordered++;
        }
        if (heldCount > maxHeld) {
            // Holding more would stall the queue (prefetch): drop the farthest; its publisher resends it.
            Map.Entry<Long, Held> last = h.pollLastEntry();
            heldCount--;
            ack(last.getValue().tag());
            listener.warning("gap in " + id + " at " + next.getOrDefault(id, 0L) + " on " + queue
                    + "; dropped an out-of-order batch at " + last.getKey() + " to wait for the resend");
        }
    }

    private void drainHeld(StreamId id) {
        TreeMap<Long, Held> h = held.get(id);
        while (h != null && !h.isEmpty()) {
            long expected = next.getOrDefault(id, 0L);
            Map.Entry<Long, Held> first = h.firstEntry();
            if (first.getKey() > expected) return;
            h.pollFirstEntry();
            heldCount--;
            Batch b = first.getValue().batch();
            if (b.end() <= expected) {
                duplicates++;
                ack(first.getValue().tag());
            } else {
                take(b, expected, first.getValue().tag());
            }
        }
    }

    private synchronized void forgetHeld() {
        // after a reconnect the held deliveries come again with new tags
        held.clear();
        heldCount = 0;
    }

    /** Acknowledges one delivery (for an {@link AckGate}); stale tags after a reconnect are ignored. */
    public void ack(long tag) {
        try {
            channel.basicAck(tag, false);
        } catch (IOException | ShutdownSignalException e) {
            // the delivery comes again after recovery and is then recognised as a duplicate
        }
    }

    /** The position of the next expected value of every stream seen (or resumed): where a new receiver resumes. */
    public synchronized Map<StreamId, Long> positions() {
        return Map.copyOf(next);
    }

    /** Counters. */
    public synchronized Stats stats() {
        return new Stats(values, batches, duplicates, reordered, malformed);
    }

    /** Receiver counters: values and batches taken, duplicate batches dropped, batches held out of order, malformed messages. */
    public record Stats(long values, long batches, long duplicates, long reordered, long malformed) {}

    private volatile Runnable onClose = () -> {};

    void onClose(Runnable r) {
        onClose = r;
    }

    /**
     * Stops taking deliveries (waiting for one in progress) but keeps the channel, so that an
     * {@link AckGate} can still acknowledge what was taken.
     */
    public void stopConsuming() {
        synchronized (this) {
            if (closed) return;
            closed = true; // waits for a delivery in progress: deliver() holds this monitor
        }
        try {
            if (channel.isOpen()) channel.basicCancel(consumerTag);
        } catch (IOException | ShutdownSignalException ignored) {
            // the channel is gone: the broker requeued everything unacknowledged
        }
    }

    /** Stops consuming; whatever was not acknowledged stays in the queue (the broker requeues it). */
    @Override
    public void close() {
        stopConsuming();
        try {
            if (channel.isOpen()) channel.close();
        } catch (IOException | java.util.concurrent.TimeoutException | ShutdownSignalException ignored) {
            // closing a channel that is already gone
        }
        onClose.run();
    }
}
