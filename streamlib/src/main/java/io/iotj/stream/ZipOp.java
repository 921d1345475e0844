package io.iotj.stream;

import java.util.List;

/** Zip by position: the i-th values of all inputs become one tuple. */
final class ZipOp extends Operator {
    private final IotStream<Tuple> out;

    ZipOp(List<? extends IotStream<?>> ins, IotStream<Tuple> out) {
        super("zip", ins, List.of(out));
        if (ins.isEmpty()) {
            throw new IllegalArgumentException("zip needs at least one input stream");
        }
        this.out = out;
    }

    @Override
    public int step(int max) {
        List<IotStream.Reader<?>> rs = readers();
        int n = max;
        for (IotStream.Reader<?> r : rs) {
            n = Math.min(n, r.acquire(max));
        }
        if (n == 0) {
            return 0;
        }
        int k = rs.size();
        for (int i = 0; i < n; i++) {
            Object[] t = new Object[k];
            for (int j = 0; j < k; j++) {
                t[j] = rs.get(j).get(i);
            }
            out.put(Tuple.of(t));
        }
        out.publish();
        for (IotStream.Reader<?> r : rs) {
            r.advance(n);
        }
        return n;
    }
}
