package io.iotj.stream;

import java.util.List;

/**
 * An operator with one input that handles each value on its own (map, filter, sink, separate, …):
 * the batch loop, publication and failure handling live here; a subclass says what one value does.
 *
 * <p>A value whose handling throws is consumed: the results of the values before it are published,
 * the rest of the batch waits, and the exception reaches the runtime as a {@link ValueFailure}
 * naming the value (running again cannot repeat the earlier results nor feed the value twice).
 * {@link Operator.Stopped} and {@link StreamOverflowException} are not the value's fault and pass
 * through untouched.
 *
 * @param <T> the input's values
 */
public abstract class PerValueOperator<T> extends Operator {
    private final IotStream.Reader<T> in;

    /**
     * @param kind    the operator's kind ({@code map}, {@code train}, …)
     * @param in      the one input
     * @param outputs the streams {@link #accept} writes to with {@link #emit}; all are published after
     *                each batch
     */
    protected PerValueOperator(String kind, IotStream<?> in, List<? extends IotStream<?>> outputs) {
        super(kind, List.of(in), outputs);
        this.in = reader(0);
    }

    /** Handles one value, writing any results with {@link #emit}. */
    protected abstract void accept(T value);

    /** The failure reported for {@code value}; by default the exception becomes the cause. */
    protected ValueFailure failure(T value, RuntimeException e) {
        return new ValueFailure(value, e);
    }

    @Override
    public final int step(int max) {
        IotStream.Reader<T> r = in;
        int n = r.acquire(max);
        if (n == 0) {
            return 0;
        }
        for (int i = 0; i < n; i++) {
            T v = r.get(i);
            try {
                accept(v);
            } catch (Operator.Stopped | StreamOverflowException e) {
                throw e;
            } catch (RuntimeException e) {
                publishAll();
                r.advance(i + 1);
                throw (e instanceof ValueFailure f ? f : failure(v, e)).at(this);
            }
        }
        publishAll();
        r.advance(n);
        return n;
    }

    /** Handles values one at a time: a runtime may chain it ({@link Chaining}). */
    @Override
    protected boolean chainable() {
        return true;
    }

    @Override
    Downstream pushTarget() {
        return new Downstream() {
            @Override
            @SuppressWarnings("unchecked")
            public void accept(Object value) {
                chainedIn++;
                T v = (T) value;
                try {
                    PerValueOperator.this.accept(v);
                } catch (Operator.Stopped | StreamOverflowException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw (e instanceof ValueFailure f ? f : failure(v, e)).at(PerValueOperator.this);
                }
            }

            @Override
            public void flush() {
                publishAll();
            }
        };
    }

    private void publishAll() {
        List<IotStream<?>> outs = outputs();
        for (int k = 0; k < outs.size(); k++) {
            outs.get(k).publish();
        }
    }
}
