package io.iotj.remote.transport;

import io.iotj.remote.LocalBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/** The transport against the real RabbitMQ on 127.0.0.1. */
class TransportTest {
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final List<String> losses = new CopyOnWriteArrayList<>();
    private final TransportListener listener = new TransportListener() {
        @Override public void lost(StreamId s, long p, long n, String why) { losses.add(s + "@" + p + "+" + n + ": " + why); }
        @Override public void warning(String m) { warnings.add(m); }
    };
    private Transport producerSide, consumerSide;
    private GraphTopology graph;
    private final List<String> parts = List.of("zip0");

    @BeforeAll
    static void broker() throws Exception {
        LocalBroker.ensureUp();
    }

    @BeforeEach
    void connect() throws IOException {
        // two connections, as two nodes would have
        producerSide = Transport.connect(LocalBroker.URI, "test-producer", listener);
        consumerSide = Transport.connect(LocalBroker.URI, "test-consumer", listener);
        graph = new GraphTopology(LocalBroker.uniqueGraph("t"));
        producerSide.declare(graph, parts);
    }

    @AfterEach
    void close() throws IOException {
        producerSide.delete(graph, parts);
        producerSide.close();
        consumerSide.close();
    }

    /** Collects every value per stream. */
    private static final class Collector implements BatchHandler {
        final Map<StreamId, List<Object>> got = new ConcurrentHashMap<>();
        final AtomicLong count = new AtomicLong();
        final long expected;
        final CountDownLatch done = new CountDownLatch(1);

        Collector(long expected) {
            this.expected = expected;
        }

        @Override
        public void accept(Batch b) {
            List<Object> l = got.computeIfAbsent(b.stream(), k -> Collections.synchronizedList(new ArrayList<>()));
            assertEquals(l.size(), b.position(), "batch starts where the stream stands");
            for (int i = 0; i < b.size(); i++) l.add(b.values().get(i));
            if (count.addAndGet(b.size()) >= expected) done.countDown();
        }
    }

    @Test
    void batchesFromTwoProducersArriveCompleteAndInOrderPerStream() throws Exception {
        int n = 100_000;
        Collector c = new Collector(2L * n + 1000);
        consumerSide.receiver(graph, "zip0", c, Map.of(), Transport.DEFAULT_PREFETCH);
        Publisher pub = producerSide.publisher(graph, Transport.DEFAULT_WINDOW);
        StreamId a = new StreamId("in", 0, "map0.out"), b = new StreamId("in", 1, "map1.out"), s = new StreamId("label", -1, "src0.out");
        Outlet oa = producerSide.outlet(pub, "zip0", a, 1000, 0, 0);
        Outlet ob = producerSide.outlet(pub, "zip0", b, 777, 0, 0);
        Outlet os = producerSide.outlet(pub, "zip0", s, 64, 0, 20); // flushed by the linger timer
        Thread t1 = Thread.ofPlatform().start(() -> { try { for (long i = 0; i < n; i++) oa.addLong(i); oa.flush(); } catch (InterruptedException e) { throw new RuntimeException(e); } });
        Thread t2 = Thread.ofPlatform().start(() -> { try { for (int i = 0; i < n; i++) ob.addDouble(i * 0.5); ob.flush(); } catch (InterruptedException e) { throw new RuntimeException(e); } });
        for (int i = 0; i < 1000; i++) os.add("v" + i); // left for the linger timer to flush
        t1.join();
        t2.join();
        assertTrue(c.done.await(30, TimeUnit.SECONDS), "all values arrive; got " + c.count.get());
        List<Object> ga = c.got.get(a), gb = c.got.get(b), gs = c.got.get(s);
        assertEquals(n, ga.size());
        assertEquals(n, gb.size());
        assertEquals(1000, gs.size());
        for (int i = 0; i < n; i++) {
            assertEquals((long) i, ga.get(i));
            assertEquals(i * 0.5, gb.get(i));
        }
        for (int i = 0; i < 1000; i++) assertEquals("v" + i, gs.get(i));
        assertEquals(0, pub.unconfirmed(), "everything confirmed");
        assertEquals(List.of(), losses);
    }

    @Test
    void duplicatesAreDroppedOverlapsTrimmedAndGapsWaitForTheMissingBatch() throws Exception {
        Collector c = new Collector(40);
        Receiver r = consumerSide.receiver(graph, "zip0", c, Map.of(), 8);
        Publisher pub = producerSide.publisher(graph, 8);
        StreamId s = new StreamId("in", -1, "p");
        BatchCodec codec = producerSide.codec();
        // out of order: 20..29 before 0..9 and 10..19; then a resend of 0..9, an overlap 15..24 and the last 30..39
        send(pub, codec, s, 20, 10);
        send(pub, codec, s, 0, 10);
        send(pub, codec, s, 10, 10);
        send(pub, codec, s, 0, 10);
        send(pub, codec, s, 15, 10);
        send(pub, codec, s, 30, 10);
        assertTrue(c.done.await(10, TimeUnit.SECONDS), "got " + c.count.get());
        Thread.sleep(200); // let any wrong extra delivery show
        List<Object> got = c.got.get(s);
        assertEquals(40, got.size(), "each value once");
        for (int i = 0; i < 40; i++) assertEquals((long) i, got.get(i));
        Receiver.Stats st = r.stats();
        assertEquals(2, st.duplicates(), "the resend of 0..9 and the overlap 15..24 (wholly received by then)");
        assertEquals(1, st.reordered(), "20..29 was held until 10..19 came");
        assertEquals(Map.of(s, 40L), r.positions());
    }

    private static void send(Publisher pub, BatchCodec codec, StreamId s, long from, int n) throws Exception {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = from + i;
        pub.publish("zip0", codec.encode(new Batch(s, from, new Values.Longs(v, n))), s, from, n);
    }

    @Test
    void aRestartedConsumerResumesFromTheLastAcknowledgedPositionWithoutLossOrDuplicates() throws Exception {
        int n = 50_000;
        StreamId s = new StreamId("in", -1, "map0.out");
        Publisher pub = producerSide.publisher(graph, Transport.DEFAULT_WINDOW);
        Outlet o = producerSide.outlet(pub, "zip0", s, 500, 0, 0);
        for (long i = 0; i < n; i++) o.addLong(i);
        o.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pub.unconfirmed() > 0 && System.nanoTime() < deadline) Thread.sleep(10);

        // first consumer: takes batches slowly and is stopped part way
        List<Object> first = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch some = new CountDownLatch(1);
        Receiver r1 = consumerSide.receiver(graph, "zip0", b -> {
            for (int i = 0; i < b.size(); i++) first.add(b.values().get(i));
            if (first.size() >= 10_000) some.countDown();
            Thread.sleep(5);
        }, Map.of(), 8);
        assertTrue(some.await(10, TimeUnit.SECONDS));
        r1.close();
        Map<StreamId, Long> resume = r1.positions();
        assertEquals((long) first.size(), resume.get(s), "position = values taken");
        assertTrue(first.size() < n, "stopped part way");

        // second consumer, on another connection (as a restarted node would be), resumes there
        try (Transport again = Transport.connect(LocalBroker.URI, "test-consumer-2", listener)) {
            Collector c = new Collector(n - first.size());
            again.receiver(graph, "zip0", b -> {
                List<Object> l = c.got.computeIfAbsent(b.stream(), k -> Collections.synchronizedList(new ArrayList<>()));
                assertEquals(first.size() + l.size(), b.position(), "resumes where the first stopped");
                for (int i = 0; i < b.size(); i++) l.add(b.values().get(i));
                if (c.count.addAndGet(b.size()) >= c.expected) c.done.countDown();
            }, resume, 8);
            assertTrue(c.done.await(20, TimeUnit.SECONDS), "got " + c.count.get());
            List<Object> all = new ArrayList<>(first);
            all.addAll(c.got.get(s));
            assertEquals(n, all.size(), "no loss, no duplicate");
            for (int i = 0; i < n; i++) assertEquals((long) i, all.get(i));
            Thread.sleep(100);
            assertEquals(0, again.queued(graph, "zip0"), "queue drained");
        }
    }

    @Test
    void aSlowPartSlowsItsProducerAndTheQueueStaysBounded() throws Exception {
        GraphTopology small = new GraphTopology(LocalBroker.uniqueGraph("bp"), 4);
        producerSide.declare(small, parts);
        try {
            int batches = 60, size = 100;
            Collector c = new Collector((long) batches * size);
            consumerSide.receiver(small, "zip0", b -> { c.accept(b); Thread.sleep(20); }, Map.of(), 2);
            Publisher pub = producerSide.publisher(small, 4);
            Outlet o = producerSide.outlet(pub, "zip0", new StreamId("in", -1, "fast"), size, 0, 0);
            AtomicLong maxQueued = new AtomicLong();
            Thread watcher = Thread.ofPlatform().daemon().start(() -> {
                while (c.done.getCount() > 0) {
                    try {
                        maxQueued.accumulateAndGet(producerSide.queued(small, "zip0"), Math::max);
                        Thread.sleep(5);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            long start = System.nanoTime();
            for (long i = 0; i < (long) batches * size; i++) o.addLong(i);
            o.flush();
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            assertTrue(c.done.await(30, TimeUnit.SECONDS), "got " + c.count.get());
            watcher.join(1000);
            List<Object> got = c.got.values().iterator().next();
            for (int i = 0; i < batches * size; i++) assertEquals((long) i, got.get(i));
            assertTrue(maxQueued.get() <= 4, "queue bounded at 4 batches, saw " + maxQueued.get());
            // 60 batches at 20 ms each take 1.2 s to consume; a producer that was not held back would finish at once
            assertTrue(sendSeconds > 0.5, "producer was held back by the slow part (sent in " + sendSeconds + " s)");
            assertTrue(pub.stats().refused() > 0, "the broker refused batches while the queue was full");
            assertEquals(List.of(), losses);
        } finally {
            producerSide.delete(small, parts);
        }
    }

    @Test
    void onlyOneReceiverConsumesAPartQueue() throws Exception {
        Receiver first = consumerSide.receiver(graph, "zip0", b -> { }, Map.of(), 8);
        try (Transport other = Transport.connect(LocalBroker.URI, "test-second", listener)) {
            IOException e = assertThrows(IOException.class, () -> other.receiver(graph, "zip0", b -> { }, Map.of(), 8));
            assertTrue(e.getMessage().contains("being consumed by another receiver"), e.getMessage());
            first.close();
            assertDoesNotThrow(() -> other.receiver(graph, "zip0", b -> { }, Map.of(), 8), "free once the first stopped");
        }
    }

    @Test
    void stoppingAGraphDeletesItsQueuesAndExchange() throws Exception {
        GraphTopology g = new GraphTopology(LocalBroker.uniqueGraph("del"));
        List<String> ps = List.of("map0", "map1", "zip0");
        producerSide.declare(g, ps);
        for (String p : ps) assertTrue(producerSide.exists(g, p), p);
        assertTrue(producerSide.exchangeExists(g));
        producerSide.delete(g, ps);
        for (String p : ps) assertFalse(producerSide.exists(g, p), p + " deleted");
        assertFalse(producerSide.exchangeExists(g), "exchange deleted");
    }

    @Test
    void aValueThatCannotTravelIsReportedToTheAddingThreadEvenWhenTheLingerTimerMetIt() throws Exception {
        Collector c = new Collector(1);
        consumerSide.receiver(graph, "zip0", c, Map.of(), Transport.DEFAULT_PREFETCH);
        Publisher pub = producerSide.publisher(graph, Transport.DEFAULT_WINDOW);
        StreamId s = new StreamId("in", 0, "map0.out");
        Outlet o = producerSide.outlet(pub, "zip0", s, 64, 0, 10);
        o.add(new Object()); // neither a number, a string, a collection nor Serializable
        Thread.sleep(300);   // the linger timer tries to send it, many times over
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> o.add("after"), "the value was dropped silently");
        assertTrue(e.getMessage().contains("cannot send 1 values of " + s + " from position 0"), e.getMessage());
        o.add("after");
        o.flush();
        assertTrue(c.done.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("after"), c.got.get(s), "the values after it still travel");
    }

    @Test
    void batchesUnconfirmedWhenThePublisherClosesAreReportedLost() throws Exception {
        GraphTopology g = new GraphTopology(LocalBroker.uniqueGraph("lost"));
        // no queue declared: every batch is returned unroutable, so none is ever confirmed as delivered
        producerSide.declare(g, List.of());
        Publisher pub = producerSide.publisher(g, 4);
        Outlet o = producerSide.outlet(pub, "nowhere", new StreamId("in", -1, "p"), 10, 0, 0);
        for (long i = 0; i < 25; i++) o.addLong(i);
        o.flush();
        long lost = pub.close(Duration.ofMillis(300));
        assertEquals(25, lost);
        assertEquals(3, losses.size(), String.join("\n", losses));
        assertTrue(losses.getFirst().startsWith("p->in@0+10"), losses.getFirst());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("no queue for part 'nowhere'")), warnings.toString());
        producerSide.delete(g, List.of());
    }
}
