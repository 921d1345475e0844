package io.iotj.stream;

import java.util.List;
import java.util.function.Consumer;

/** Calls a function for every value. */
final class SinkOp<T> extends PerValueOperator<T> {
    private final Consumer<? super T> f;

    SinkOp(IotStream<T> in, Consumer<? super T> f) {
        this("sink", in, f);
    }

    SinkOp(String kind, IotStream<T> in, Consumer<? super T> f) {
        super(kind, in, List.of());
        this.f = f;
    }

    @Override
    protected void accept(T v) {
        f.accept(v);
    }
}
