package io.iotj.magics.chart;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;

/** Draws a {@link ChartSnapshot} as an XChart chart: the look of each kind lives here. */
final class ChartBuilder {
    private static final Color ACTUAL = new Color(150, 150, 150);
    private static final Color FLAG = new Color(200, 20, 40);
    private static final Color SCORE = new Color(40, 100, 200);

    private ChartBuilder() {
    }

    static XYChart build(ChartSnapshot s) {
        XYChart chart = new XYChartBuilder().width(s.width()).height(s.height()).title(s.title()).build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setMarkerSize(5);
        boolean any = false;
        for (ChartSnapshot.Series series : s.series()) {
            if (series.xs().length == 0) {
                continue;
            }
            any = true;
            XYSeries x = chart.addSeries(series.name(), series.xs(), series.ys());
            switch (s.kind()) {
                case LINE -> line(x);
                case SCATTER -> x.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                case ANOMALY -> anomaly(chart, x, series, s.threshold());
            }
        }
        if (s.centroids() != null && s.centroids().length > 0) {
            any = true;
            double[] cx = new double[s.centroids().length];
            double[] cy = new double[cx.length];
            for (int i = 0; i < cx.length; i++) {
                cx[i] = s.centroids()[i][0];
                cy[i] = s.centroids()[i][1];
            }
            XYSeries c = chart.addSeries("centroids", cx, cy);
            c.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            c.setMarker(SeriesMarkers.DIAMOND);
            c.setMarkerColor(Color.BLACK);
        }
        if (!any) {
            // XChart cannot draw a chart without points: one invisible point says what is missing.
            XYSeries w = chart.addSeries("waiting for values", new double[] {0}, new double[] {0});
            w.setMarker(SeriesMarkers.NONE);
            w.setLineStyle(new BasicStroke(0f));
        }
        return chart;
    }

    private static void line(XYSeries x) {
        x.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        x.setMarker(SeriesMarkers.NONE);
    }

    private static void anomaly(XYChart chart, XYSeries x, ChartSnapshot.Series series, double threshold) {
        switch (series.name()) {
            case LiveChart.VALUE -> {
                line(x);
                x.setLineColor(ACTUAL);
            }
            case LiveChart.SCORE -> {
                // Scores have their own scale, on the right.
                line(x);
                x.setLineColor(SCORE);
                x.setYAxisGroup(1);
                chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
                if (!Double.isNaN(threshold) && series.xs().length > 0) {
                    double[] xs = {series.xs()[0], series.xs()[series.xs().length - 1]};
                    XYSeries t = chart.addSeries("threshold", xs, new double[] {threshold, threshold});
                    line(t);
                    t.setLineColor(FLAG);
                    t.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {4f, 4f}, 0f));
                    t.setYAxisGroup(1);
                }
            }
            case LiveChart.FLAGGED -> {
                x.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                x.setMarker(SeriesMarkers.CIRCLE);
                x.setMarkerColor(FLAG);
            }
            default -> line(x);
        }
    }
}
