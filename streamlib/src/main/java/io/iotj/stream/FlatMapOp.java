package io.iotj.stream;

import java.util.List;
import java.util.function.Function;

/** Each value becomes the values of the iterable {@code f} returns ({@code null}: none). */
final class FlatMapOp<T, R> extends Operator {
    private final Stream.Reader<T> in;
    private final Stream<R> out;
    private final Function<? super T, ? extends Iterable<? extends R>> f;

    FlatMapOp(Stream<T> in, Stream<R> out, Function<? super T, ? extends Iterable<? extends R>> f) {
        super("flat_map", List.of(in), List.of(out));
        this.in = reader(0);
        this.out = out;
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
                Iterable<? extends R> ys = f.apply(v);
                if (ys != null) {
                    for (R y : ys) {
                        if (y != null) {
                            out.put(y);
                        }
                    }
                }
            } catch (Operator.Stopped | StreamOverflowException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ValueFailure(v, e);
            }
        }
        out.publish();
        in.advance(n);
        return n;
    }
}
