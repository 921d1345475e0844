package io.iotj.stream;

import java.util.List;
import java.util.function.Function;

/** {@code out[i] = f(in[i])}; {@code null} results are skipped. */
final class MapOp<T, R> extends Operator {
    private final Stream.Reader<T> in;
    private final Stream<R> out;
    private final Function<? super T, ? extends R> f;

    MapOp(Stream<T> in, Stream<R> out, Function<? super T, ? extends R> f) {
        super("map", List.of(in), List.of(out));
        this.in = reader(0);
        this.out = out;
        this.f = f;
    }

    @Override
    public int step(int max) {
        Stream.Reader<T> r = in;
        int n = r.acquire(max);
        if (n == 0) {
            return 0;
        }
        Stream<R> o = out;
        for (int i = 0; i < n; i++) {
            T v = r.get(i);
            R y;
            try {
                y = f.apply(v);
            } catch (RuntimeException e) {
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
