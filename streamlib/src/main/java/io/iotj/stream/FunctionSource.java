package io.iotj.stream;

import java.util.function.Function;

/**
 * IoTpy's {@code source(function, time_interval, initial_state, num_steps)}: calls a function every
 * interval. Without state the function takes no argument and returns a value; with state it takes
 * the state and returns the value and the next state. A {@code null} value is skipped.
 */
final class FunctionSource<T, S> extends SourceOp {
    private final Function<S, Next<T, S>> f;
    private S state;

    FunctionSource(IotStream<T> out, S initial, Function<S, Next<T, S>> f, double interval, long numSteps) {
        super("source", out, interval, numSteps);
        this.f = f;
        this.state = initial;
    }

    @Override
    protected boolean produce() {
        Next<T, S> next;
        try {
            next = f.apply(state);
        } catch (RuntimeException e) {
            throw new ValueFailure(state, e);
        }
        if (next == null) {
            return true;
        }
        state = next.state();
        if (next.value() != null) {
            write(next.value());
        }
        return true;
    }
}
