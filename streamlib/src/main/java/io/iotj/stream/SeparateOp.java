package io.iotj.stream;

import java.util.List;

/** Separate (the inverse of mix): each {@code (index, value)} sends {@code value} to output {@code index}. */
final class SeparateOp extends PerValueOperator<Object> {
    private final List<IotStream<?>> outs;

    SeparateOp(IotStream<?> in, List<? extends IotStream<?>> outs) {
        super("separate", in, outs);
        this.outs = List.copyOf(outs);
    }

    @Override
    protected void accept(Object v) {
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
}
