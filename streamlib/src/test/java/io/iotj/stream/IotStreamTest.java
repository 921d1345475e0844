package io.iotj.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IotStreamTest {

    @Test
    void readersReadAtIndependentPositions() {
        IotStream<Integer> s = new IotStream<>("s");
        IotStream.Reader<Integer> early = s.reader();
        s.extend(1, 2);
        IotStream.Reader<Integer> late = s.reader();
        s.append(3);
        assertEquals(List.of(1, 2, 3), early.poll());
        assertEquals(List.of(3), late.poll());
        s.append(4);
        assertEquals(List.of(4), late.poll());
        assertEquals(List.of(4), early.poll());
        assertEquals(List.of(), early.poll());
    }

    @Test
    void recentAndValuesShowTheLastRetainedValues() {
        IotStream<Integer> s = new IotStream<>("s", 5, 16);
        s.extend(IntStream.range(0, 100).boxed().toList());
        assertEquals(List.of(95, 96, 97, 98, 99), s.values());
        assertEquals(List.of(98, 99), s.recent(2));
        assertEquals(100, s.count());
    }

    @Test
    void aStreamKeepingNothingShowsNothing() throws Exception {
        IotStream<Integer> s = new IotStream<>("s", 0, 16);
        Thread w = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 200_000; i++) {
                s.append(i);
            }
        });
        for (int i = 0; i < 1000; i++) {
            assertEquals(List.of(), s.recent(5));
        }
        w.join();
        assertEquals(200_000, s.count());
    }

    @Test
    void memoryStaysBoundedWithoutReaders() throws Exception {
        IotStream<Long> s = new IotStream<>("s", 10, 64);
        for (long i = 0; i < 1_000_000; i++) {
            s.append(i);
        }
        java.lang.reflect.Field ring = IotStream.class.getDeclaredField("ring");
        ring.setAccessible(true);
        assertTrue(((Object[]) ring.get(s)).length <= 64, "ring grew although nobody reads");
        assertEquals(List.of(999_998L, 999_999L), s.recent(2));
    }

    @Test
    void aStreamWithFewValuesStaysSmall() throws Exception {
        IotStream<Integer> s = new IotStream<>("s");
        s.reader();
        s.extend(1, 2, 3);
        java.lang.reflect.Field ring = IotStream.class.getDeclaredField("ring");
        ring.setAccessible(true);
        assertEquals(16, ((Object[]) ring.get(s)).length);
        s.extend(IntStream.range(0, 5000).boxed().toList());
        assertEquals(List.of(4998, 4999), s.recent(2));
        assertEquals(1000, s.values().size());
    }

    @Test
    void aLaggingReaderKeepsEveryValueUntilItReads() {
        IotStream<Integer> s = new IotStream<>("s", 2, 16);
        IotStream.Reader<Integer> r = s.reader();
        s.extend(IntStream.range(0, 1000).boxed().toList());
        List<Integer> got = r.poll();
        assertEquals(IntStream.range(0, 1000).boxed().toList(), got);
    }

    @Test
    void aReaderThatNeverReadsFailsLoudlyInsteadOfGrowingForever() {
        IotStream<Integer> s = new IotStream<>("s", 0, 16);
        s.reader();
        assertThrows(StreamOverflowException.class, () -> {
            for (int i = 0; i < IotStream.HARD_LIMIT + 1; i++) {
                s.append(i);
            }
        });
    }

    @Test
    void blockingWriterWaitsForAReaderInAnotherThread() throws Exception {
        IotStream<Integer> s = new IotStream<>("s", 0, 16);
        s.fullPolicy(IotStream.FullPolicy.BLOCK);
        IotStream.Reader<Integer> r = s.reader();
        Thread writer = Thread.ofVirtual().start(() -> s.extend(IntStream.range(0, 10_000).boxed().toList()));
        List<Integer> got = new ArrayList<>();
        while (got.size() < 10_000) {
            assertTrue(s.backlog() <= 16, "backlog exceeded capacity: " + s.backlog());
            got.addAll(r.poll());
            Thread.onSpinWait();
        }
        writer.join(5000);
        assertEquals(IntStream.range(0, 10_000).boxed().toList(), got);
    }

    @Test
    void aStreamAnOperatorWritesRefusesOtherWriters() {
        IotStream<Integer> x = new IotStream<>("x");
        IotStream<Integer> y = x.map(v -> v + 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.append(5));
        assertTrue(e.getMessage().contains("written by map"), e.getMessage());
    }

    @Test
    void nullValuesAreRefused() {
        IotStream<Integer> s = new IotStream<>("s");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.append(null));
        assertTrue(e.getMessage().contains("stream s"));
    }

    @Test
    void fileSinkWritesLines(@TempDir Path dir) throws Exception {
        IotStream<Integer> s = new IotStream<>("s");
        Path f = dir.resolve("out.txt");
        s.toFile(f);
        s.extend(1, 2, 3);
        assertEquals(List.of("1", "2", "3"), Files.readAllLines(f));
    }

    @Test
    void csvRowsParseNumbersAndQuotes() {
        assertEquals(Tuple.of(1L, 2.5, "a,b", "x"), CsvSource.parse("1, 2.5,\"a,b\",x"));
    }

    @Test
    void recentIsConsistentWhileAWriterRuns() throws Exception {
        IotStream<Long> s = new IotStream<>("s", 100, 256);
        AtomicLong written = new AtomicLong();
        Thread w = Thread.ofVirtual().start(() -> {
            for (long i = 0; i < 2_000_000; i++) {
                s.append(i);
            }
            written.set(1);
        });
        while (written.get() == 0) {
            List<Long> r = s.recent(100);
            for (int i = 1; i < r.size(); i++) {
                assertEquals(r.get(i - 1) + 1, r.get(i), "recent values must be consecutive");
            }
        }
        w.join();
    }

    @Test
    void aValueAFunctionFailsOnIsConsumedAndTheValuesBeforeItKeepTheirResults() {
        IotStream<Integer> x = new IotStream<>("x");
        List<Integer> mapped = x.map(v -> 12 / (v - 2)).toList();
        failOnTwoThenGoOn(x);
        assertEquals(List.of(-12, 12, 6), mapped);

        IotStream<Integer> y = new IotStream<>("y");
        List<Integer> flat = y.flatMap(v -> List.of(12 / (v - 2), v)).toList();
        failOnTwoThenGoOn(y);
        assertEquals(List.of(-12, 1, 12, 3, 6, 4), flat);

        IotStream<Integer> z = new IotStream<>("z");
        List<Integer> seen = new ArrayList<>();
        z.sink(v -> {
            if (v == 2) {
                throw new IllegalStateException("two");
            }
            seen.add(v);
        });
        failOnTwoThenGoOn(z);
        assertEquals(List.of(1, 3, 4), seen);
    }

    /** 1, 2, 3 fail on 2; 4 then runs the operator again, which neither repeats 1 nor fails on 2 again. */
    private static void failOnTwoThenGoOn(IotStream<Integer> s) {
        ValueFailure e = assertThrows(ValueFailure.class, () -> s.extend(1, 2, 3));
        assertEquals(2, e.value());
        s.append(4);
    }
}
