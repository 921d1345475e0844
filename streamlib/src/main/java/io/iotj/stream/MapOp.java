package io.iotj.stream;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code out[i] = f(in[i])}; {@code null} results are skipped. A filter is the map that gives the
 * value or nothing.
 *
 * <p>Map and filter are the hot path of most pipelines, so this loop is written out here rather
 * than taken from {@link PerValueOperator}: there the call per value is shared by every operator
 * kind and stops being inlined. Failures are handled the same way. A runtime may chain a map to the
 * reader of its output and to the writer of its input ({@link Chaining}); values then pass through
 * {@link #accept} one at a time, with no ring in between.
 */
final class MapOp<T, R> extends Operator implements Downstream, Chaining.Chainer {
    private final IotStream.Reader<T> in;
    private final Function<? super T, ? extends R> f;
    private Downstream down;

    MapOp(IotStream<T> in, IotStream<R> out, Function<? super T, ? extends R> f) {
        this("map", in, out, f);
    }

    private MapOp(String kind, IotStream<T> in, IotStream<R> out, Function<? super T, ? extends R> f) {
        super(kind, List.of(in), List.of(out));
        this.in = reader(0);
        this.f = f;
        this.down = new Downstream.Into(out);
    }

    /** The filter keeping the values for which {@code p} holds. */
    static <T> MapOp<T, T> filter(IotStream<T> in, IotStream<T> out, Predicate<? super T> p) {
        return new MapOp<>("filter", in, out, v -> p.test(v) ? v : null);
    }

    @Override
    public int step(int max) {
        IotStream.Reader<T> r = in;
        int n = r.acquire(max);
        if (n == 0) {
            return 0;
        }
        Downstream d = down;
        for (int i = 0; i < n; i++) {
            T v = r.get(i);
            R y;
            try {
                y = f.apply(v);
            } catch (RuntimeException e) {
                throw consumed(r, i, d, new ValueFailure(v, e).at(this));
            }
            if (y != null) {
                try {
                    d.accept(y);
                } catch (ValueFailure e) {
                    throw consumed(r, i, d, e); // a part chained behind this one failed on y
                }
            }
        }
        d.flush();
        r.advance(n);
        return n;
    }

    /** The value at {@code i} failed: what came before it is published and it is consumed. */
    private static ValueFailure consumed(IotStream.Reader<?> r, int i, Downstream d, ValueFailure e) {
        d.flush();
        r.advance(i + 1);
        return e;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void accept(Object value) {
        chainedIn++;
        R y;
        try {
            y = f.apply((T) value);
        } catch (RuntimeException e) {
            throw new ValueFailure(value, e).at(this);
        }
        if (y != null) {
            down.accept(y);
        }
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
