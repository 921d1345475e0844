package io.iotj.stream;

import java.util.List;

/** Unzip: the k-th item of each tuple-like value goes to output k. */
final class UnzipOp extends PerValueOperator<Object> {
    private final List<IotStream<?>> outs;

    UnzipOp(IotStream<?> in, List<? extends IotStream<?>> outs) {
        super("unzip", in, outs);
        this.outs = List.copyOf(outs);
    }

    @Override
    protected void accept(Object v) {
        int k = outs.size();
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
}
