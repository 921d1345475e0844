package io.iotj.stream;

import java.util.List;
import java.util.function.BiFunction;

/** Map with state: {@code f(value, state)} gives the output and the next state. */
final class StatefulMapOp<T, R, S> extends PerValueOperator<T> {
    private final IotStream<R> out;
    private final BiFunction<? super T, S, Next<R, S>> f;
    private S state;

    StatefulMapOp(IotStream<T> in, IotStream<R> out, S initial, BiFunction<? super T, S, Next<R, S>> f) {
        super("map", in, List.of(out));
        this.out = out;
        this.f = f;
        this.state = initial;
    }

    @Override
    protected void accept(T v) {
        Next<R, S> next = f.apply(v, state);
        if (next == null) {
            throw new ValueFailure(v, "the stateful function returned null instead of (value, next state)");
        }
        state = next.state();
        if (next.value() != null) {
            out.put(next.value());
        }
    }
}
