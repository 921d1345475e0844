package io.iotj.stream;

import java.util.Iterator;

/** Replays an iterable's values, every interval or as fast as readers take them. */
final class IterableSource<T> extends SourceOp {
    private final Iterable<? extends T> values;
    private Iterator<? extends T> it;

    IterableSource(IotStream<T> out, Iterable<? extends T> values, double interval) {
        super("source", out, interval, -1);
        this.values = values;
    }

    @Override
    protected boolean produce() {
        if (it == null) {
            it = values.iterator();
        }
        while (it.hasNext()) {
            T v = it.next();
            if (v != null) {
                write(v);
                return true;
            }
        }
        return false;
    }
}
