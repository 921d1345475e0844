package io.iotj.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * IoTpy's timed window over {@code (timestamp, value)} pairs with increasing timestamps. Windows are
 * {@code [start, start + duration)} with starts at multiples of {@code step} from 0; a window is
 * complete when a value at or after its end arrives, and then gives {@code (end, f(values))}.
 * Empty windows give nothing. Keeps only values of the current window.
 */
final class TimedWindowOp extends PerValueOperator<Object> {
    private final IotStream<Tuple> out;
    private final double duration;
    private final double stepTime;
    private final Function<? super List<Object>, ?> f;
    private final ArrayDeque<Object[]> pending = new ArrayDeque<>();
    private double start;
    private boolean integral;

    TimedWindowOp(IotStream<?> in, IotStream<Tuple> out, double duration, double step, Function<? super List<Object>, ?> f) {
        super("timed_window", in, List.of(out));
        if (!(duration > 0) || !(step > 0)) {
            throw new IllegalArgumentException("timed window duration and step must be > 0, were " + duration + " and " + step);
        }
        this.out = out;
        this.duration = duration;
        this.stepTime = step;
        this.f = f;
        this.integral = duration == Math.rint(duration) && step == Math.rint(step);
    }

    @Override
    protected void accept(Object v) {
        List<?> pair = Tuple.itemsOf(v);
        if (pair == null || pair.size() < 2 || !(pair.get(0) instanceof Number t)) {
            throw new ValueFailure(v, "a timed window needs (timestamp, value) pairs with a numeric timestamp");
        }
        if (!(t instanceof Long || t instanceof Integer || t instanceof Short || t instanceof Byte)) {
            integral = false;
        }
        double ts = t.doubleValue();
        if (!pending.isEmpty() && ts < (double) pending.peekLast()[0]) {
            throw new ValueFailure(v, "timestamps must not decrease (previous " + pending.peekLast()[0] + ")");
        }
        pending.addLast(new Object[] {ts, pair.get(1)});
        close(ts);
    }

    /** Emits every window that ends at or before {@code last}. */
    private void close(double last) {
        double end = start + duration;
        while (end <= last) {
            while (!pending.isEmpty() && (double) pending.peekFirst()[0] < start) {
                pending.removeFirst();
            }
            if (pending.isEmpty()) {
                break;
            }
            double first = (double) pending.peekFirst()[0];
            if (end <= first) {
                // Jump over empty windows.
                long steps = 1 + (long) Math.floor((first - end) / stepTime);
                start += steps * stepTime;
                end = start + duration;
                if (end > last) {
                    break;
                }
            }
            List<Object> values = new ArrayList<>();
            for (Object[] p : pending) {
                if ((double) p[0] >= end) {
                    break;
                }
                values.add(p[1]);
            }
            Object y;
            try {
                y = f.apply(java.util.Collections.unmodifiableList(values));
            } catch (RuntimeException e) {
                // The window moves on: a failed window is reported once, not retried by the next value.
                start += stepTime;
                throw new ValueFailure(values, e);
            }
            if (y != null) {
                out.put(Tuple.of(integral ? (Object) (long) end : (Object) end, y));
            }
            start += stepTime;
            end = start + duration;
        }
    }
}
