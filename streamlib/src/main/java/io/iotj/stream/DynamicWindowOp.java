package io.iotj.stream;

import java.util.List;

/**
 * The dynamic-window operator: a {@link DynamicWindow} with IoTpy's reset rule
 * ({@link DynamicWindow.Reset#WHEN_STEADY}) whose function's result goes to the output stream.
 * Each window is passed as a fresh list, so the function may keep it.
 */
final class DynamicWindowOp<T, R> extends Operator {
    private final Stream.Reader<T> in;
    private final Stream<R> out;
    private final WindowFunction<T, R> f;
    private final DynamicWindow<T> window;

    DynamicWindowOp(Stream<T> in, Stream<R> out, int min, int max, int step, Object initialState, WindowFunction<T, R> f) {
        super("dynamic_window", List.of(in), List.of(out));
        this.in = reader(0);
        this.out = out;
        this.f = f;
        this.window = new DynamicWindow<T>(min, max, step, DynamicWindow.Reset.WHEN_STEADY, this::window)
                .initialState(initialState);
    }

    @Override
    public int step(int maxValues) {
        int n = in.acquire(maxValues);
        if (n == 0) {
            return 0;
        }
        for (int i = 0; i < n; i++) {
            window.push(in.get(i));
        }
        out.publish();
        in.advance(n);
        return n;
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
