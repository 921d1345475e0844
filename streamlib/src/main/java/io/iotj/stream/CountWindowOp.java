package io.iotj.stream;

import java.util.List;
import java.util.function.Function;

/**
 * Count windows (IoTpy's map_window): {@code f} of each window of {@code size} values; the window
 * moves by {@code step} (a step larger than the size skips values). Keeps at most {@code size}
 * values of its own, so the input stream need not hold a window.
 */
final class CountWindowOp<T, R> extends Operator {
    private final IotStream.Reader<T> in;
    private final IotStream<R> out;
    private final Function<? super List<T>, ? extends R> f;
    private final int size;
    private final int step;
    private final Object[] buf;
    private int head;
    private int count;
    private int skip;

    CountWindowOp(IotStream<T> in, IotStream<R> out, int size, int step, Function<? super List<T>, ? extends R> f) {
        super("window", List.of(in), List.of(out));
        if (size < 1 || step < 1) {
            throw new IllegalArgumentException("window size and step must be >= 1, were " + size + " and " + step);
        }
        this.in = reader(0);
        this.out = out;
        this.f = f;
        this.size = size;
        this.step = step;
        this.buf = new Object[size];
    }

    @Override
    public int step(int max) {
        IotStream.Reader<T> r = in;
        int n = r.acquire(max);
        if (n == 0) {
            return 0;
        }
        final int size = this.size;
        final Object[] buf = this.buf;
        for (int i = 0; i < n; i++) {
            if (skip > 0) {
                skip--;
                continue;
            }
            int slot = head + count;
            if (slot >= size) {
                slot -= size;
            }
            buf[slot] = r.get(i);
            if (++count == size) {
                try {
                    emitWindow();
                } catch (ValueFailure e) {
                    // As in PerValueOperator: the value completing the failed window is consumed and
                    // earlier windows stay published, so running again neither repeats nor re-reads.
                    out.publish();
                    r.advance(i + 1);
                    throw e;
                }
            }
        }
        out.publish();
        r.advance(n);
        return n;
    }

    private void emitWindow() {
        Object[] w = new Object[size];
        int first = size - head;
        System.arraycopy(buf, head, w, 0, first);
        System.arraycopy(buf, 0, w, first, head);
        List<T> window = new ArrayView<>(w);
        R y;
        try {
            y = f.apply(window);
        } catch (RuntimeException e) {
            // The window moves on: one bad window is reported once, not retried.
            slide();
            throw new ValueFailure(window, e);
        }
        if (y != null) {
            out.put(y);
        }
        slide();
    }

    private void slide() {
        if (step >= size) {
            // The next window overwrites every slot; the buffer holds at most `size` stale values.
            head = 0;
            count = 0;
            skip = step - size;
        } else {
            for (int k = 0; k < step; k++) {
                buf[head] = null;
                head = head + 1 == size ? 0 : head + 1;
            }
            count -= step;
        }
    }
}
