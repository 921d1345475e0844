package io.iotj.stream;

import java.util.ArrayDeque;
import java.util.List;

/**
 * IoTpy's dynamic window: starts at {@code min} values and grows by {@code step} with its start
 * fixed until it reaches {@code max}; then slides by {@code step}. A reset requested by the function
 * shrinks it to {@code min} keeping its end (once it is at {@code max}). Keeps at most {@code max}
 * values of its own.
 */
final class DynamicWindowOp<T, R> extends Operator {
    private final Stream.Reader<T> in;
    private final Stream<R> out;
    private final WindowFunction<T, R> f;
    private final int min;
    private final int max;
    private final int step;
    private final ArrayDeque<T> buf = new ArrayDeque<>();
    private final WindowState ws;
    private int size;
    private boolean steady;
    private boolean reset;

    DynamicWindowOp(Stream<T> in, Stream<R> out, int min, int max, int step, Object initialState, WindowFunction<T, R> f) {
        super("dynamic_window", List.of(in), List.of(out));
        if (min < 1 || max < min || step < 1) {
            throw new IllegalArgumentException("dynamic window needs 1 <= min <= max and step >= 1; got min "
                    + min + ", max " + max + ", step " + step);
        }
        this.in = reader(0);
        this.out = out;
        this.f = f;
        this.min = min;
        this.max = max;
        this.step = step;
        this.size = min;
        this.ws = new WindowState(initialState);
    }

    @Override
    public int step(int maxValues) {
        int n = in.acquire(maxValues);
        if (n == 0) {
            return 0;
        }
        for (int i = 0; i < n; i++) {
            buf.addLast(in.get(i));
            while (buf.size() >= size) {
                windowStep();
            }
        }
        out.publish();
        in.advance(n);
        return n;
    }

    /** One iteration of IoTpy's major loop, with the window at the front of {@code buf}. */
    private void windowStep() {
        Object[] w = new Object[size];
        int k = 0;
        for (T v : buf) {
            if (k == size) {
                break;
            }
            w[k++] = v;
        }
        List<T> window = new ArrayView<>(w);
        ws.size = size;
        ws.steady = steady;
        ws.reset = reset;
        R y;
        try {
            y = f.apply(window, ws);
        } catch (RuntimeException e) {
            throw new ValueFailure(window, e);
        }
        reset = ws.reset;
        if (y != null) {
            out.put(y);
        }
        if (!steady) {
            if (size + step >= max) {
                steady = true;
                drop(size + step - max);
                size = max;
                return;
            }
            size += step;
        }
        if (reset && steady) {
            steady = false;
            reset = false;
            drop(size - min);
            size = min;
        }
        if (!reset && steady) {
            drop(step);
        }
    }

    private void drop(int k) {
        for (int i = 0; i < k && !buf.isEmpty(); i++) {
            buf.removeFirst();
        }
    }
}
