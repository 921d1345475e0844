package io.iotj.stream;

import java.util.List;
import java.util.function.Function;

/** Each value becomes the values of the iterable {@code f} returns ({@code null}: none). */
final class FlatMapOp<T, R> extends PerValueOperator<T> {
    private final IotStream<R> out;
    private final Function<? super T, ? extends Iterable<? extends R>> f;

    FlatMapOp(IotStream<T> in, IotStream<R> out, Function<? super T, ? extends Iterable<? extends R>> f) {
        super("flat_map", in, List.of(out));
        this.out = out;
        this.f = f;
    }

    @Override
    protected void accept(T v) {
        Iterable<? extends R> ys = f.apply(v);
        if (ys != null) {
            for (R y : ys) {
                if (y != null) {
                    out.put(y);
                }
            }
        }
    }
}
