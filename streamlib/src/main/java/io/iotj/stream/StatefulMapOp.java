package io.iotj.stream;

import java.util.List;
import java.util.function.BiFunction;

/** Map with state: {@code f(value, state)} gives the output and the next state. */
final class StatefulMapOp<T, R, S> extends Operator {
    private final Stream.Reader<T> in;
    private final Stream<R> out;
    private final BiFunction<? super T, S, Next<R, S>> f;
    private S state;

    StatefulMapOp(Stream<T> in, Stream<R> out, S initial, BiFunction<? super T, S, Next<R, S>> f) {
        super("map", List.of(in), List.of(out));
        this.in = reader(0);
        this.out = out;
        this.f = f;
        this.state = initial;
    }

    @Override
    public int step(int max) {
        int n = in.acquire(max);
        if (n == 0) {
            return 0;
        }
        for (int i = 0; i < n; i++) {
            T v = in.get(i);
            Next<R, S> next;
            try {
                next = f.apply(v, state);
            } catch (RuntimeException e) {
                throw new ValueFailure(v, e);
            }
            if (next == null) {
                throw new ValueFailure(v, "the stateful function returned null instead of (value, next state)");
            }
            state = next.state();
            if (next.value() != null) {
                out.put(next.value());
            }
        }
        out.publish();
        in.advance(n);
        return n;
    }
}
