package io.iotj.remote.transport;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.impl.recovery.TopologyRecoveryFilter;
import com.rabbitmq.client.impl.recovery.RecordedBinding;
import com.rabbitmq.client.impl.recovery.RecordedExchange;
import com.rabbitmq.client.impl.recovery.RecordedQueue;
import io.iotj.remote.BrokerUri;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One connection to the broker and what travels over it: {@link Publisher}s, {@link Outlet}s and
 * {@link Receiver}s for the graphs a process takes part in.
 *
 * <p>The connection recovers by itself after a network failure or a broker restart (amqp-client's
 * automatic recovery), re-creating channels and consumers; the publishers then resend what was not
 * confirmed and the receivers drop what they already had. Queues and exchanges are durable and are
 * not re-declared on recovery, so a graph deleted while a process was disconnected stays deleted.
 */
public final class Transport implements AutoCloseable {
    /** Default values per batch. */
    public static final int DEFAULT_BATCH = 4096;
    /** Default unconfirmed batches per publisher. */
    public static final int DEFAULT_WINDOW = 32;
    /** Default unacknowledged batches per receiver. */
    public static final int DEFAULT_PREFETCH = 16;

    private final Connection connection;
    private final TransportListener listener;
    private final BatchCodec codec;
    private final ScheduledExecutorService scheduler;
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final List<Outlet> lingering = new ArrayList<>();
    private ScheduledFuture<?> lingerTask;

    private Transport(Connection connection, TransportListener listener, BatchCodec codec, String name) {
        this.connection = connection;
        this.listener = listener;
        this.codec = codec;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "iotj-transport-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects to {@code uri} (e.g. {@code amqp://guest:guest@127.0.0.1:5672}). {@code name} shows in the
     * broker's connection list. Errors never contain the password.
     */
    public static Transport connect(String uri, String name, TransportListener listener) throws IOException {
        return connect(uri, name, listener, new ValueCodec());
    }

    /** As {@link #connect(String, String, TransportListener)}, with a value codec of the caller's choice. */
    public static Transport connect(String uri, String name, TransportListener listener, ValueCodec values) throws IOException {
        return new Transport(open(uri, name, false), listener, new BatchCodec(values), name);
    }

    /**
     * Opens a connection that recovers by itself. With {@code recoverTopology} false it re-creates
     * only channels and consumers (data: a graph's durable queues survive a broker restart, and one
     * deleted meanwhile must stay deleted); with true it also re-declares what it declared (control:
     * a node's own queue and bindings).
     */
    public static Connection open(String uri, String name, boolean recoverTopology) throws IOException {
        BrokerUri.check(uri);
        ConnectionFactory f = new ConnectionFactory();
        try {
            f.setUri(uri);
        } catch (Exception e) {
            throw new IOException("bad broker URI " + BrokerUri.mask(uri) + ": " + BrokerUri.mask(e.getMessage()));
        }
        f.setAutomaticRecoveryEnabled(true);
        f.setTopologyRecoveryEnabled(true);
        if (!recoverTopology) {
            f.setTopologyRecoveryFilter(new TopologyRecoveryFilter() {
                @Override public boolean filterExchange(RecordedExchange x) { return false; }
                @Override public boolean filterQueue(RecordedQueue q) { return false; }
                @Override public boolean filterBinding(RecordedBinding b) { return false; }
            });
        }
        f.setNetworkRecoveryInterval(1000);
        f.setRequestedHeartbeat(10);
        f.setConnectionTimeout(5000);
        try {
            return f.newConnection(name);
        } catch (TimeoutException e) {
            throw new IOException("timed out connecting to " + BrokerUri.mask(uri));
        } catch (IOException e) {
            throw new IOException("cannot connect to " + BrokerUri.mask(uri) + ": "
                    + BrokerUri.mask(String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage())), e);
        }
    }

    /** The underlying connection. */
    public Connection connection() {
        return connection;
    }

    /** The codec used for batches. */
    public BatchCodec codec() {
        return codec;
    }

    /** Declares a graph's exchange and the queues of {@code parts}. */
    public void declare(GraphTopology graph, Collection<String> parts) throws IOException {
        withChannel(ch -> graph.declare(ch, parts));
    }

    /** Deletes a graph's queues and exchange. */
    public void delete(GraphTopology graph, Collection<String> parts) throws IOException {
        withChannel(ch -> graph.delete(ch, parts));
    }

    /** Number of batches waiting in a part's queue. */
    public long queued(GraphTopology graph, String part) throws IOException {
        long[] n = new long[1];
        withChannel(ch -> n[0] = ch.queueDeclarePassive(graph.queue(part)).getMessageCount());
        return n[0];
    }

    /**
     * The latest checkpoint of {@code part} (its bytes), left in place for the next reader; empty
     * when the part never wrote one.
     */
    public java.util.Optional<byte[]> checkpoint(GraphTopology graph, String part) throws IOException {
        try (Channel ch = connection.createChannel()) {
            com.rabbitmq.client.GetResponse r = ch.basicGet(graph.checkpointQueue(part), false);
            if (r == null) return java.util.Optional.empty();
            ch.basicReject(r.getEnvelope().getDeliveryTag(), true);
            return java.util.Optional.of(r.getBody());
        } catch (TimeoutException e) {
            throw new IOException("timed out reading the checkpoint of " + part, e);
        }
    }

    /** True when the broker has the queue of {@code part}. */
    public boolean exists(GraphTopology graph, String part) throws IOException {
        try (Channel ch = connection.createChannel()) {
            ch.queueDeclarePassive(graph.queue(part));
            return true;
        } catch (IOException e) {
            return false; // 404: the channel is closed by the broker
        } catch (TimeoutException | com.rabbitmq.client.AlreadyClosedException e) {
            return false;
        }
    }

    /** True when the broker has the graph's exchange. */
    public boolean exchangeExists(GraphTopology graph) {
        try (Channel ch = connection.createChannel()) {
            ch.exchangeDeclarePassive(graph.exchange());
            return true;
        } catch (IOException | TimeoutException | com.rabbitmq.client.AlreadyClosedException e) {
            return false;
        }
    }

    private interface ChannelWork {
        void run(Channel ch) throws IOException;
    }

    private void withChannel(ChannelWork work) throws IOException {
        try (Channel ch = connection.createChannel()) {
            work.run(ch);
        } catch (TimeoutException e) {
            throw new IOException("timed out closing a channel", e);
        }
    }

    /** A publisher to a graph's exchange with at most {@code window} unconfirmed batches. */
    public synchronized Publisher publisher(GraphTopology graph, int window) throws IOException {
        Publisher p = new Publisher(connection, graph.exchange(), window, listener, scheduler);
        owned.add(p);
        p.onClose(() -> release(p));
        return p;
    }

    /**
     * An outlet sending {@code stream} to {@code part} through {@code publisher}, from position
     * {@code startPosition} (0 for a new stream), flushed at least every {@code lingerMs} milliseconds
     * (0: only when full or flushed).
     */
    public synchronized Outlet outlet(Publisher publisher, String part, StreamId stream, int batchSize,
                                      long startPosition, long lingerMs) {
        Outlet o = new Outlet(publisher, codec, part, stream, batchSize, startPosition);
        if (lingerMs > 0) {
            lingering.add(o);
            if (lingerTask == null) lingerTask = scheduler.scheduleWithFixedDelay(this::lingerFlush, lingerMs, lingerMs, TimeUnit.MILLISECONDS);
        }
        return o;
    }

    /** Stops the linger timer from flushing {@code outlet} (e.g. when its part stops). */
    public synchronized void forget(Outlet outlet) {
        lingering.remove(outlet);
    }

    private void lingerFlush() {
        List<Outlet> os;
        synchronized (this) {
            os = List.copyOf(lingering);
        }
        for (Outlet o : os) {
            // Never block the shared timer on a full window: that outlet flushes itself when it fills.
            if (o.tryFlushIfIdle()) continue;
        }
    }

    /** Runs {@code task} every {@code millis} on the transport's timer (it must not block) until cancelled. */
    public ScheduledFuture<?> every(long millis, Runnable task) {
        return scheduler.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** A receiver on {@code part}'s queue, resuming at {@code resume} (empty for a new graph). */
    public synchronized Receiver receiver(GraphTopology graph, String part, BatchHandler handler,
                                          Map<StreamId, Long> resume, int prefetch) throws IOException {
        Receiver r = new Receiver(connection, graph.queue(part), codec, handler, resume, prefetch, listener);
        owned.add(r);
        r.onClose(() -> release(r));
        return r;
    }

    private synchronized void release(AutoCloseable c) {
        owned.remove(c); // so that a node running graph after graph for hours keeps nothing of the stopped ones
    }

    /** Closes publishers (reporting unconfirmed batches as lost), receivers, the timer and the connection. */
    @Override
    public void close() {
        List<AutoCloseable> all;
        synchronized (this) {
            if (lingerTask != null) lingerTask.cancel(false);
            all = new ArrayList<>(owned);
            owned.clear();
            lingering.clear();
        }
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                listener.warning("closing " + c + ": " + BrokerUri.mask(e.getMessage()));
            }
        }
        scheduler.shutdownNow();
        try {
            if (connection.isOpen()) connection.close(5000);
        } catch (IOException | com.rabbitmq.client.AlreadyClosedException ignored) {
            // already closed
        }
    }
}
