package io.iotj.stream;

import java.util.List;
import java.util.function.Consumer;

/** Calls a function for every value. */
final class SinkOp<T> extends Operator {
    private final Stream.Reader<T> in;
    private final Consumer<? super T> f;

    SinkOp(Stream<T> in, Consumer<? super T> f) {
        this("sink", in, f);
    }

    SinkOp(String kind, Stream<T> in, Consumer<? super T> f) {
        super(kind, List.of(in), List.of());
        this.in = reader(0);
        this.f = f;
    }

    @Override
    public int step(int max) {
        int n = in.acquire(max);
        if (n == 0) {
            return 0;
        }
        for (int i = 0; i < n; i++) {
            T v = in.get(i);
            try {
                f.accept(v);
            } catch (RuntimeException e) {
                throw new ValueFailure(v, e);
            }
        }
        in.advance(n);
        return n;
    }
}
