package io.iotj.connect;

import io.iotj.stream.ConnectorStats;
import io.iotj.stream.Event;
import io.iotj.stream.IotStream;
import io.iotj.stream.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A source whose messages arrive in a client's own thread (MQTT, a socket, RabbitMQ): the client
 * puts raw messages into a bounded {@link Inbox}; the graph's part takes them, reads each with the
 * source's {@link PayloadFormat}, writes the good ones to {@code out} and the bad ones, as
 * {@link PayloadError}s, to {@code errors} (when wired), then acknowledges what it took.
 *
 * <p>Subclasses connect in {@link #open()}, hand messages to {@link #receive(Raw)}, set
 * {@link #link(Link)} as the connection comes and goes, and disconnect in {@link #close()}.
 */
public abstract class PushSource extends Operator implements ConnectorStats {
    /** How long an idle source waits before looking at its inbox again without being woken. */
    private static final long IDLE_NANOS = 500_000_000L;

    /**
     * A message as received.
     *
     * @param key     where it came from (topic, queue, file)
     * @param text    its payload as text
     * @param arrival when it arrived
     * @param ack     what acknowledges it once the graph took it, or {@code null}
     */
    public record Raw(String key, String text, long arrival, Runnable ack) { }

    private final IotStream<Object> out;
    private final IotStream<Object> errors;
    private final PayloadFormat format;
    private final Inbox<Raw> inbox;
    private final AtomicLong in = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private volatile Link link = Link.CONNECTING;
    private volatile String lastError;
    private volatile boolean ended;
    private final List<Raw> taken = new ArrayList<>();

    protected PushSource(String kind, IotStream<Object> out, IotStream<Object> errors, PayloadFormat format,
                         int capacity, Overflow overflow) {
        super(kind, List.of(), errors == null ? List.of(out) : List.of(out, errors));
        this.out = out;
        this.errors = errors;
        this.format = format;
        this.inbox = new Inbox<>(capacity, overflow, this::wakeUp);
    }

    /** What this source reads from, as people read it (no password). */
    protected abstract String address();

    @Override
    public final boolean isSource() {
        return true;
    }

    /** Hands a received message to the graph; waits for room when the overflow policy blocks. */
    protected final void receive(Raw m) throws InterruptedException {
        Raw dropped = inbox.put(m);
        if (dropped != null && dropped.ack() != null) {
            dropped.ack().run(); // dropped by policy (counted): the sender need not send it again
        }
    }

    /**
     * Hands a received message to the graph when there is room now (with drop-oldest, always);
     * false when the inbox is full and the sender must wait.
     */
    protected final boolean tryReceive(Raw m) {
        return inbox.offer(m);
    }

    /** Sets the connection's state. */
    protected final void link(Link l) {
        link = l;
    }

    /** Records a problem for {@code %streams}. */
    protected final void problem(String message) {
        lastError = message;
    }

    /** Says that no more messages will come (the socket or file ended); the source finishes once its inbox is empty. */
    protected final void end() {
        ended = true;
        wakeUp();
    }

    @Override
    public long nextDueNanos() {
        if (inbox.size() > 0) {
            return Long.MIN_VALUE;
        }
        if (ended) {
            return Long.MAX_VALUE;
        }
        return System.nanoTime() + IDLE_NANOS;
    }

    @Override
    public int step(int max) {
        taken.clear();
        int n = inbox.drainTo(taken, max);
        if (n == 0) {
            return 0;
        }
        boolean bad = false;
        for (Raw m : taken) {
            try {
                Event<Object> e = format.read(m.key(), m.text(), m.arrival());
                emit(out, e);
                in.incrementAndGet();
            } catch (PayloadFormat.Malformed e) {
                malformed.incrementAndGet();
                lastError = "malformed message from " + m.key() + ": " + e.getMessage();
                if (errors != null) {
                    emit(errors, PayloadError.of(address(), m.key(), m.text(), e.getMessage(), m.arrival()));
                    bad = true;
                }
            }
        }
        flush(out);
        if (bad) {
            flush(errors);
        }
        // Written to the graph's streams: now the sender may forget them.
        for (Raw m : taken) {
            if (m.ack() != null) {
                m.ack().run();
            }
        }
        taken.clear();
        return n;
    }

    @Override
    public void close() {
        link = Link.CLOSED;
        inbox.close();
    }

    @Override
    public Counts connectorCounts() {
        return new Counts(address(), link, in.get(), inbox.dropped(), malformed.get(), 0, 0, lastError);
    }
}
