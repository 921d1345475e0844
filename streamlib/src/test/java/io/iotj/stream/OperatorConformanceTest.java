package io.iotj.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** IoTpy's documented results, run inline (appending runs the operators). */
class OperatorConformanceTest {

    private static int sum(List<Integer> w) {
        int s = 0;
        for (int v : w) {
            s += v;
        }
        return s;
    }

    @Test
    void countWindowFourFourSummedOverZeroToFifteen() {
        IotStream<Integer> x = new IotStream<>("x");
        List<Integer> out = x.window(4, 4, OperatorConformanceTest::sum).toList();
        x.extend(IntStream.range(0, 16).boxed().toList());
        assertEquals(List.of(6, 22, 38, 54), out);
        x.extend(10, -10, 21, -20);
        assertEquals(List.of(6, 22, 38, 54, 1), out);
    }

    @Test
    void countWindowWithOverlapAndWithSkips() {
        IotStream<Integer> x = new IotStream<>("x");
        List<Integer> overlap = x.window(3, 2, OperatorConformanceTest::sum).toList();
        List<List<Integer>> skips = x.window(2, 3).toList();
        for (int i = 0; i < 8; i++) {
            x.append(i); // one at a time: windows must not depend on batching
        }
        assertEquals(List.of(0 + 1 + 2, 2 + 3 + 4, 4 + 5 + 6), overlap);
        assertEquals(List.of(List.of(0, 1), List.of(3, 4), List.of(6, 7)), skips);
    }

    @Test
    void timedWindowTenTen() {
        IotStream<Tuple> x = new IotStream<>("x");
        List<Tuple> out = x.timedWindow(10, 10).toList();
        x.extend(Tuple.of(1, "a"), Tuple.of(8, "b"), Tuple.of(12, "c"), Tuple.of(14, "d"), Tuple.of(32, "e"), Tuple.of(50, "f"));
        assertEquals(List.of(Tuple.of(10L, List.of("a", "b")), Tuple.of(20L, List.of("c", "d")), Tuple.of(40L, List.of("e"))), out);
        assertEquals("(10, [a, b])", out.get(0).toString());
    }

    @Test
    void timedWindowSameResultOneValueAtATime() {
        IotStream<Tuple> x = new IotStream<>("x");
        List<Tuple> out = x.timedWindow(10, 5, w -> w.size()).toList();
        for (int t : new int[] {1, 8, 12, 14, 32, 50}) {
            x.append(Tuple.of(t, t));
        }
        // windows [0,10) [5,15) [10,20) [15,25) [25,35) [30,40) [40,50)...; empty ones give nothing
        assertEquals(List.of(Tuple.of(10L, 2), Tuple.of(15L, 3), Tuple.of(20L, 2), Tuple.of(35L, 1), Tuple.of(40L, 1)), out);
    }

    @Test
    void aFailingCountWindowIsSkippedNotRetried() {
        // As for map (StreamTest): the failure is reported once, later values run normally.
        IotStream<Integer> x = new IotStream<>("x");
        List<Integer> sums = x.window(2, 2, w -> {
            if (w.contains(2)) {
                throw new IllegalStateException("two");
            }
            return sum(w);
        }).toList();
        assertThrows(ValueFailure.class, () -> x.extend(1, 2, 3));
        x.append(4);
        x.extend(5, 6);
        assertEquals(List.of(7, 11), sums);
    }

    @Test
    void aFailingTimedWindowIsReportedOnceNotRetried() {
        IotStream<Tuple> t = new IotStream<>("t");
        List<List<Object>> calls = new ArrayList<>();
        List<Tuple> windows = t.timedWindow(10, 10, w -> {
            calls.add(List.copyOf(w));
            if (w.contains("b")) {
                throw new IllegalStateException("b");
            }
            return w.size();
        }).toList();
        assertThrows(ValueFailure.class, () -> t.extend(Tuple.of(1, "a"), Tuple.of(12, "b"), Tuple.of(25, "c")));
        t.append(Tuple.of(31, "d"));
        assertEquals(List.of(Tuple.of(10L, 1), Tuple.of(30L, 1)), windows);
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c")), calls);
    }

    @Test
    void dynamicWindowMinOneMaxFourStepTwo() {
        IotStream<Integer> x = new IotStream<>("x");
        List<List<Integer>> out = x.dynamicWindow(1, 4, 2, (w, s) -> List.copyOf(w)).toList();
        for (int i = 0; i < 9; i++) {
            x.append(i);
        }
        assertEquals(List.of(List.of(0), List.of(0, 1, 2), List.of(1, 2, 3, 4), List.of(3, 4, 5, 6), List.of(5, 6, 7, 8)), out);
    }

    @Test
    void dynamicWindowResetShrinksToMinKeepingItsEnd() {
        IotStream<Integer> x = new IotStream<>("x");
        List<List<Integer>> out = x.dynamicWindow(2, 4, 2, (w, s) -> {
            if (w.contains(5) && s.steady()) {
                s.reset();
            }
            return List.copyOf(w);
        }).toList();
        x.extend(IntStream.range(0, 10).boxed().toList());
        // [0,1] grows to [0..3] and slides to [2..5], which asks for a reset: the next window is
        // the 2 values ending where [2..5] ended, [4,5]; it grows to [4..7], resets to [6,7]...
        assertEquals(List.of(List.of(0, 1), List.of(0, 1, 2, 3), List.of(2, 3, 4, 5), List.of(4, 5),
                List.of(4, 5, 6, 7), List.of(6, 7), List.of(6, 7, 8, 9)), out);
    }

    @Test
    void mapFilterFlatMapAndStatefulMap() {
        IotStream<Integer> x = new IotStream<>("x");
        List<Integer> doubled = x.map(v -> v * 2).toList();
        List<Integer> odd = x.filter(v -> v % 2 == 1).toList();
        List<Integer> twice = x.flatMap(v -> List.of(v, v)).toList();
        List<Integer> running = x.map(0, (Integer v, Integer s) -> Next.of(v + s, v + s)).toList();
        List<Integer> skipped = x.map(v -> v == 2 ? null : v).toList();
        x.extend(1, 2, 3);
        assertEquals(List.of(2, 4, 6), doubled);
        assertEquals(List.of(1, 3), odd);
        assertEquals(List.of(1, 1, 2, 2, 3, 3), twice);
        assertEquals(List.of(1, 3, 6), running);
        assertEquals(List.of(1, 3), skipped);
    }

    @Test
    void zipWaitsForAllInputsAndPairsByPosition() {
        IotStream<Integer> a = new IotStream<>("a");
        IotStream<String> b = new IotStream<>("b");
        List<Tuple> out = Operators.zip(a, b).toList();
        a.extend(1, 2, 3);
        assertEquals(List.of(), out);
        b.extend("x", "y");
        assertEquals(List.of(Tuple.of(1, "x"), Tuple.of(2, "y")), out);
        b.append("z");
        assertEquals(Tuple.of(3, "z"), out.get(2));
    }

    @Test
    void mixIndexesByInputAndSeparateRoutesBack() {
        IotStream<Integer> a = new IotStream<>("a");
        IotStream<Integer> b = new IotStream<>("b");
        IotStream<Tuple> mixed = Operators.mix(a, b);
        List<Tuple> seen = mixed.toList();
        List<IotStream<Object>> parts = Operators.separate(mixed, 2);
        List<Object> back0 = parts.get(0).toList();
        List<Object> back1 = parts.get(1).toList();
        List<Integer> merged = Operators.merge(a, b).toList();
        a.append(1);
        b.append(10);
        a.append(2);
        assertEquals(List.of(Tuple.of(0, 1), Tuple.of(1, 10), Tuple.of(0, 2)), seen);
        assertEquals(List.of(1, 2), back0);
        assertEquals(List.of(10), back1);
        assertEquals(List.of(1, 10, 2), merged);
    }

    @Test
    void unzipSplitsTuples() {
        IotStream<Tuple> x = new IotStream<>("x");
        List<IotStream<Object>> outs = Operators.unzip(x, 2);
        List<Object> first = outs.get(0).toList();
        List<Object> second = outs.get(1).toList();
        x.extend(Tuple.of(1, "a"), Tuple.of(2, "b"));
        assertEquals(List.of(1, 2), first);
        assertEquals(List.of("a", "b"), second);
    }

    @Test
    void aFailingFunctionNamesTheValue() {
        IotStream<Integer> x = new IotStream<>("x");
        x.map(v -> 10 / v).toList();
        ValueFailure f = assertThrows(ValueFailure.class, () -> x.extend(5, 0));
        assertEquals(0, f.value());
        assertTrue(f.getCause() instanceof ArithmeticException);
    }

    @Test
    void sinkCallsBackInOrder() {
        IotStream<String> x = new IotStream<>("x");
        List<String> got = new ArrayList<>();
        x.sink(got::add);
        x.extend("a", "b");
        assertEquals(List.of("a", "b"), got);
    }
}
