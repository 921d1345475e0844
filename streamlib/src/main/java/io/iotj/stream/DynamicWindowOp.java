package io.iotj.stream;

import java.util.List;

/**
 * The dynamic-window operator: a {@link DynamicWindow} with IoTpy's reset rule
 * ({@link DynamicWindow.Reset#WHEN_STEADY}) whose function's result goes to the output stream.
 * Each window is passed as a fresh list, so the function may keep it.
 */
final class DynamicWindowOp<T, R> extends PerValueOperator<T> {
    private final IotStream<R> out;
    private final WindowFunction<T, R> f;
    private final DynamicWindow<T> window;

    DynamicWindowOp(IotStream<T> in, IotStream<R> out, int min, int max, int step, Object initialState, WindowFunction<T, R> f) {
        super("dynamic_window", in, List.of(out));
        this.out = out;
        this.f = f;
        this.window = new DynamicWindow<T>(min, max, step, DynamicWindow.Reset.WHEN_STEADY, this::window)
                .initialState(initialState);
    }

    @Override
    protected void accept(T v) {
        window.push(v);
    }

    private void window(WindowState ws) {
        Object[] w = new Object[ws.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = ws.value(i);
        }
        List<T> values = new ArrayView<>(w);
        R y;
        try {
            y = f.apply(values, ws);
        } catch (RuntimeException e) {
            throw new ValueFailure(values, e);
        }
        if (y != null) {
            out.put(y);
        }
    }
}
