package io.iotj.stream;

import java.util.List;
import java.util.function.Predicate;

/** Keeps the values for which the predicate holds. */
final class FilterOp<T> extends Operator {
    private final Stream.Reader<T> in;
    private final Stream<T> out;
    private final Predicate<? super T> p;

    FilterOp(Stream<T> in, Stream<T> out, Predicate<? super T> p) {
        super("filter", List.of(in), List.of(out));
        this.in = reader(0);
        this.out = out;
        this.p = p;
    }

    @Override
    public int step(int max) {
        Stream.Reader<T> r = in;
        int n = r.acquire(max);
        if (n == 0) {
            return 0;
        }
        Stream<T> o = out;
        for (int i = 0; i < n; i++) {
            T v = r.get(i);
            boolean keep;
            try {
                keep = p.test(v);
            } catch (RuntimeException e) {
                throw new ValueFailure(v, e);
            }
            if (keep) {
                o.put(v);
            }
        }
        o.publish();
        r.advance(n);
        return n;
    }
}
