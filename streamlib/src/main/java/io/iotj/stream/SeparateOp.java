package io.iotj.stream;

import java.util.List;

/** Separate (the inverse of mix): each {@code (index, value)} sends {@code value} to output {@code index}. */
final class SeparateOp extends Operator {
    private final Stream.Reader<Object> in;
    private final List<Stream<?>> outs;

    SeparateOp(Stream<?> in, List<? extends Stream<?>> outs) {
        super("separate", List.of(in), outs);
        this.in = reader(0);
        this.outs = List.copyOf(outs);
    }

    @Override
    public int step(int max) {
        int n = in.acquire(max);
        if (n == 0) {
            return 0;
        }
        for (int i = 0; i < n; i++) {
            Object v = in.get(i);
            List<?> pair = Tuple.itemsOf(v);
            if (pair == null || pair.size() != 2 || !(pair.get(0) instanceof Number idx)) {
                throw new ValueFailure(v, "separate needs (index, value) pairs");
            }
            int j = idx.intValue();
            if (j < 0 || j >= outs.size() || idx.doubleValue() != j) {
                throw new ValueFailure(v, "index " + idx + " is not one of the " + outs.size() + " outputs");
            }
            if (pair.get(1) != null) {
                outs.get(j).put(pair.get(1));
            }
        }
        for (Stream<?> o : outs) {
            o.publish();
        }
        in.advance(n);
        return n;
    }
}
