package io.iotj.magics.chart;

import java.util.List;

/**
 * A copy of a chart's content at one moment, drawn without holding the chart's lock.
 *
 * @param xTitle the x axis' title, null for the kind's default
 * @param yTitle the y axis' title (the values' panel of an anomaly chart), null for the default
 * @param xAxis  how x values read
 * @param split  whether line series of different scales get a panel each
 */
record ChartSnapshot(LiveChart.Kind kind, String title, int width, int height, List<Series> series,
                     double[][] centroids, double threshold, String xTitle, String yTitle,
                     LiveChart.XAxis xAxis, boolean split) {
    /** One series' points, oldest first. */
    record Series(String name, double[] xs, double[] ys) {
        boolean isEmpty() {
            return xs.length == 0;
        }
    }
}
