package io.iotj.stream;

import java.util.List;
import java.util.function.Function;

/**
 * Count windows (IoTpy's map_window): {@code f} of each window of {@code size} values; the window
 * moves by {@code step} (a step larger than the size skips values). Keeps at most {@code size}
 * values of its own, so the input stream need not hold a window. A runtime may chain it to the
 * writer of its input and to the reader of its output ({@link Chaining}).
 */
final class CountWindowOp<T, R> extends Operator implements Downstream, Chaining.Chainer {
    private final IotStream.Reader<T> in;
    private final Function<? super List<T>, ? extends R> f;
    private final int size;
    private final int step;
    private final Object[] buf;
    private Downstream down;
    private int head;
    private int count;
    private int skip;

    CountWindowOp(IotStream<T> in, IotStream<R> out, int size, int step, Function<? super List<T>, ? extends R> f) {
        super("window", List.of(in), List.of(out));
        if (size < 1 || step < 1) {
            throw new IllegalArgumentException("window size and step must be >= 1, were " + size + " and " + step);
        }
        this.in = reader(0);
        this.down = new Downstream.Into(out);
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
        for (int i = 0; i < n; i++) {
            try {
                take(r.get(i));
            } catch (ValueFailure e) {
                // As in PerValueOperator: the value completing the failed window is consumed and
                // earlier windows stay published, so running again neither repeats nor re-reads.
                down.flush();
                r.advance(i + 1);
                throw e;
            }
        }
        down.flush();
        r.advance(n);
        return n;
    }

    private void take(Object v) {
        if (skip > 0) {
            skip--;
            return;
        }
        int slot = head + count;
        if (slot >= size) {
            slot -= size;
        }
        buf[slot] = v;
        if (++count == size) {
            emitWindow();
        }
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
            throw new ValueFailure(window, e).at(this);
        }
        slide();
        if (y != null) {
            down.accept(y);
        }
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

    @Override
    public void accept(Object value) {
        chainedIn++;
        take(value);
    }

    @Override
    public void flush() {
        down.flush();
    }

    @Override
    protected boolean chainable() {
        return true;
    }

    @Override
    Downstream pushTarget() {
        return this;
    }

    @Override
    public void downstream(Downstream d) {
        down = d;
    }
}
