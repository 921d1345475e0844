package io.iotj.stream;

import java.util.List;

/**
 * Asynchronous merge. With {@code indexed}, IoTpy's mix: each value becomes {@code (index, value)},
 * the index of the input it came from; without, a plain merge. Values keep their order within each
 * input; inputs interleave in the order they arrive.
 */
final class MixOp extends Operator {
    private final IotStream<Object> out;
    private final boolean indexed;

    @SuppressWarnings("unchecked")
    MixOp(List<? extends IotStream<?>> ins, IotStream<?> out, boolean indexed) {
        super(indexed ? "mix" : "merge", ins, List.of(out));
        this.out = (IotStream<Object>) out;
        this.indexed = indexed;
    }

    @Override
    public int step(int max) {
        List<IotStream.Reader<?>> rs = readers();
        int total = 0;
        for (int j = 0; j < rs.size(); j++) {
            IotStream.Reader<?> r = rs.get(j);
            int n = r.acquire(max);
            for (int i = 0; i < n; i++) {
                Object v = r.get(i);
                out.put(indexed ? Tuple.of(j, v) : v);
            }
            if (n > 0) {
                out.publish();
                r.advance(n);
                total += n;
            }
        }
        return total;
    }
}
