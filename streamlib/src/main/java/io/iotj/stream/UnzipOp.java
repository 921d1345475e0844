package io.iotj.stream;

import java.util.List;

/** Unzip: the k-th item of each tuple-like value goes to output k. */
final class UnzipOp extends Operator {
    private final Stream.Reader<Object> in;
    private final List<Stream<?>> outs;

    UnzipOp(Stream<?> in, List<? extends Stream<?>> outs) {
        super("unzip", List.of(in), outs);
        this.in = reader(0);
        this.outs = List.copyOf(outs);
    }

    @Override
    public int step(int max) {
        int n = in.acquire(max);
        if (n == 0) {
            return 0;
        }
        int k = outs.size();
        for (int i = 0; i < n; i++) {
            Object v = in.get(i);
            List<?> items = Tuple.itemsOf(v);
            if (items == null || items.size() < k) {
                throw new ValueFailure(v, "unzip to " + k + " streams needs tuples or lists of at least " + k + " items");
            }
            for (int j = 0; j < k; j++) {
                Object x = items.get(j);
                if (x != null) {
                    outs.get(j).put(x);
                }
            }
        }
        for (Stream<?> o : outs) {
            o.publish();
        }
        in.advance(n);
        return n;
    }
}
