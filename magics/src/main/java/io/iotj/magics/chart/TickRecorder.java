package io.iotj.magics.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An axis' tick format that gives every tick the decimals of the axis' step, and remembers the
 * labels of the ticks it drew.
 *
 * <p>XChart formats one tick at a time and asks for labels it then rejects: a first layout pass,
 * candidate steps whose labels would not fit, the axis ends. Each candidate step is formatted in
 * increasing order from a tick below the axis, so a value not above the previous one starts a new
 * pass, and from the second tick of a pass on the step is known; the first tick is never drawn.
 * The last pass is the one drawn. Ticks outside the axis range are computed but never drawn.
 */
final class TickRecorder implements Function<Double, String> {
    private final double min;
    private final double max;
    private final List<Double> values = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final TickFormat.Unit unit;

    /** A recorder for an axis drawn from {@code min} to {@code max}. */
    TickRecorder(double min, double max) {
        this.min = min;
        this.max = max;
        this.unit = TickFormat.of(Math.max(Math.abs(min), Math.abs(max)));
    }

    @Override
    public String apply(Double value) {
        if (!values.isEmpty() && value <= values.get(values.size() - 1)) {
            values.clear();
            labels.clear();
        }
        double step = values.isEmpty() ? Double.NaN : value - values.get(values.size() - 1);
        String label = unit.label(value, step);
        values.add(value);
        labels.add(label);
        return label;
    }

    /** The labels of the last pass that lie on the axis, lowest first. */
    List<String> drawn() {
        double slack = (max - min) * 1e-9;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            if (v >= min - slack && v <= max + slack) {
                out.add(labels.get(i));
            }
        }
        return out;
    }
}
