package io.iotj.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class DynamicWindowTest {

    /** Runs rows 0..n-1 through a window and records each window's row values. */
    private static List<List<Integer>> windows(int min, int max, int step, int n, Predicate<WindowState> reset) {
        List<List<Integer>> out = new ArrayList<>();
        var w = new DynamicWindow<double[]>(min, max, step, DynamicWindow.Reset.AT_ONCE, state -> {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < state.size(); i++) {
                rows.add((int) state.row(i)[0]);
            }
            assertEquals(state.start(), (long) rows.get(0));
            out.add(rows);
            if (reset.test(state)) {
                state.reset();
            }
        });
        for (int i = 0; i < n; i++) {
            w.push(new double[] {i});
        }
        return out;
    }

    @Test
    void growsThenSlidesAsInIoTpy() {
        assertEquals(List.of(List.of(0), List.of(0, 1, 2), List.of(1, 2, 3, 4), List.of(3, 4, 5, 6),
                List.of(5, 6, 7, 8)), windows(1, 4, 2, 9, s -> false));
    }

    @Test
    void incompleteWindowIsNotDelivered() {
        assertEquals(List.of(List.of(0), List.of(0, 1, 2), List.of(1, 2, 3, 4)), windows(1, 4, 2, 6, s -> false));
    }

    @Test
    void resetShrinksToMinKeepingTheEndThenGrows() {
        // Reset asked on the window ending at row 8: next window is the last 2 rows again, then it grows.
        var got = windows(2, 4, 1, 11, s -> s.end() == 8 && s.size() == 4);
        assertEquals(List.of(List.of(0, 1), List.of(0, 1, 2), List.of(0, 1, 2, 3), List.of(1, 2, 3, 4),
                List.of(2, 3, 4, 5), List.of(3, 4, 5, 6), List.of(4, 5, 6, 7),
                List.of(6, 7), List.of(6, 7, 8), List.of(6, 7, 8, 9), List.of(7, 8, 9, 10)), got);
    }

    @Test
    void resetAtMinimumSizeChangesNothing() {
        assertEquals(List.of(List.of(0, 1), List.of(1, 2), List.of(2, 3)), windows(2, 2, 1, 4, s -> true));
    }

    @Test
    void aStepLongerThanTheWindowSkipsRows() {
        assertEquals(List.of(List.of(0, 1), List.of(5, 6), List.of(10, 11)), windows(2, 2, 5, 13, s -> false));
    }

    @Test
    void enteredAndLeftTrackTheWindowExactly() {
        enteredAndLeftTrack(3, 5, 2);
        enteredAndLeftTrack(2, 3, 7);
        enteredAndLeftTrack(1, 1, 1);
    }

    private static void enteredAndLeftTrack(int min, int max, int step) {
        List<Double> inside = new ArrayList<>();
        var w = new DynamicWindow<double[]>(min, max, step, DynamicWindow.Reset.AT_ONCE, new WindowListener<double[]>() {
            @Override
            public void entered(double[] row) {
                inside.add(row[0]);
            }

            @Override
            public void left(double[] row) {
                assertTrue(inside.remove(row[0]), "left a row that never entered");
            }

            @Override
            public void window(WindowState state) {
                List<Double> expected = new ArrayList<>();
                for (int i = 0; i < state.size(); i++) {
                    expected.add(state.row(i)[0]);
                }
                assertEquals(expected, inside);
                if (state.index() % 4 == 3) {
                    state.reset();
                }
            }
        });
        for (int i = 0; i < 200; i++) {
            w.push(new double[] {i});
        }
        assertTrue(w.windows() >= 200 / (step + max), w.windows() + " windows");
    }

    @Test
    void badSizesAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> new DynamicWindow<double[]>(3, 2, 1, DynamicWindow.Reset.AT_ONCE, s -> { }));
        assertEquals("max_window_size (2) must be at least min_window_size (3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DynamicWindow<double[]>(0, 2, 1, DynamicWindow.Reset.AT_ONCE, s -> { }));
        assertTrue(e.getMessage().startsWith("min_window_size"));
        e = assertThrows(IllegalArgumentException.class, () -> new DynamicWindow<double[]>(1, 2, 0, DynamicWindow.Reset.AT_ONCE, s -> { }));
        assertTrue(e.getMessage().startsWith("step_size"));
    }

    @Test
    void aLongStreamGivesEveryWindowAtMostMaxRows() {
        int[] largest = {0};
        var w = new DynamicWindow<double[]>(5, 50, 7, DynamicWindow.Reset.AT_ONCE, s -> largest[0] = Math.max(largest[0], s.size()));
        for (int i = 0; i < 1_000_000; i++) {
            w.push(new double[] {i});
        }
        assertEquals(50, largest[0]);
        assertEquals(1 + (1_000_000 - 5) / 7, w.windows()); // windows end at rows 5, 12, 19, ...
    }

    @Test
    void underIoTpysRuleAResetAskedWhileGrowingWaitsForTheMaximumAndStaysRequested() {
        List<List<Integer>> out = new ArrayList<>();
        List<Boolean> requested = new ArrayList<>();
        var w = new DynamicWindow<Integer>(2, 4, 1, DynamicWindow.Reset.WHEN_STEADY, s -> {
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                values.add((Integer) s.value(i));
            }
            requested.add(s.resetRequested());
            if (s.index() == 1) {
                s.reset(); // asked of [0, 1, 2], which is still growing
            }
            out.add(values);
        });
        for (int i = 0; i < 7; i++) {
            w.push(i);
        }
        assertEquals(List.of(List.of(0, 1), List.of(0, 1, 2), List.of(0, 1, 2, 3), List.of(2, 3), List.of(2, 3, 4),
                List.of(2, 3, 4, 5), List.of(3, 4, 5, 6)), out);
        assertEquals(List.of(false, false, true, false, false, false, false), requested); // seen by the window after the ask
    }
}
