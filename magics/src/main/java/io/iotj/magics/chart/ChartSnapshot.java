package io.iotj.magics.chart;

import java.util.List;

/** A copy of a chart's content at one moment, drawn without holding the chart's lock. */
record ChartSnapshot(LiveChart.Kind kind, String title, int width, int height, List<Series> series,
                     double[][] centroids, double threshold) {
    /** One series' points, oldest first. */
    record Series(String name, double[] xs, double[] ys) { }
}
