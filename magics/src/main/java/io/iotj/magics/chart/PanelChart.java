package io.iotj.magics.chart;

import org.knowm.xchart.XYChart;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * One panel of a live chart: an XChart chart that, once painted, tells where its plot area lies
 * (to line panels up) and which tick labels it drew (for the chart's description and the tests).
 */
final class PanelChart extends XYChart {
    private TickRecorder yTicks;

    PanelChart(int width, int height) {
        super(width, height);
    }

    /** Formats the y axis' ticks with {@code recorder}, which keeps the labels drawn. */
    void recordYTicks(TickRecorder recorder) {
        this.yTicks = recorder;
        getStyler().setyAxisTickLabelsFormattingFunction(recorder);
    }

    /** The plot area's left edge, in pixels from the panel's left, as last painted. */
    double plotLeft() {
        Rectangle2D b = axisPair.getXAxis().getBounds();
        return b.getX();
    }

    /** The plot area's right edge, in pixels from the panel's left, as last painted. */
    double plotRight() {
        Rectangle2D b = axisPair.getXAxis().getBounds();
        return b.getX() + b.getWidth();
    }

    /** The x axis' tick labels as last painted (empty when the panel hides them). */
    List<String> xTickLabels() {
        return xTicks().stream().map(Tick::label).toList();
    }

    /** The x axis' ticks as last painted: label and centre, in pixels from the plot's left. */
    List<Tick> xTicks() {
        var calc = axisPair.getXAxis().getAxisTickCalculator();
        if (!getStyler().isXAxisTicksVisible() || calc == null) {
            return List.of();
        }
        // Like XChart's painter: ticks computed beyond the plot's width are not drawn.
        double width = axisPair.getXAxis().getBounds().getWidth();
        List<Tick> out = new ArrayList<>();
        for (int i = 0; i < calc.getTickLabels().size(); i++) {
            String label = calc.getTickLabels().get(i);
            double at = calc.getTickLocations().get(i);
            if (label != null && at > 0 && at < width) {
                out.add(new Tick(label, at));
            }
        }
        return out;
    }

    /** A drawn tick: its label and where its centre is. */
    record Tick(String label, double at) {
    }

    /** The y axis' tick labels as last painted. */
    List<String> yTickLabels() {
        return yTicks == null || !getStyler().isYAxisTicksVisible() ? List.of() : yTicks.drawn();
    }
}
