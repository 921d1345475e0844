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
 * kind and stops being inlined (PipelineBenchmark, N = 20M, threads: 43–48 instead of 51–53 M
 * events per CPU second). Failures are handled the same way.
 */
final class MapOp<T, R> extends Operator {
    private final IotStream.Reader<T> in;
    private final IotStream<R> out;
    private final Function<? super T, ? extends R> f;

    MapOp(IotStream<T> in, IotStream<R> out, Function<? super T, ? extends R> f) {
        this("map", in, out, f);
    }

    private MapOp(String kind, IotStream<T> in, IotStream<R> out, Function<? super T, ? extends R> f) {
        super(kind, List.of(in), List.of(out));
        this.in = reader(0);
        this.out = out;
        this.f = f;
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
        IotStream<R> o = out;
        for (int i = 0; i < n; i++) {
            T v = r.get(i);
            R y;
            try {
                y = f.apply(v);
            } catch (RuntimeException e) {
                o.publish();
                r.advance(i + 1);
                throw new ValueFailure(v, e);
            }
            if (y != null) {
                o.put(y);
            }
        }
        o.publish();
        r.advance(n);
        return n;
    }
}
