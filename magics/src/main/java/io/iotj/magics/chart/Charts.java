package io.iotj.magics.chart;

/**
 * Live charts and progress bars for notebook code; the kernel imports them into every session
 * ({@code import static io.iotj.magics.chart.Charts.*;}).
 *
 * <pre>{@code
 * LiveChart c = lineChart("prediction against actual", "actual", "predicted").show();
 * Progress p = progress("training", 200);
 * }</pre>
 */
public final class Charts {
    private Charts() {
    }

    /** A line chart of the named series keeping the last {@value LiveChart#DEFAULT_MAX_POINTS} points of each. */
    public static LiveChart lineChart(String title, String... series) {
        return new LiveChart(LiveChart.Kind.LINE, title, LiveChart.DEFAULT_MAX_POINTS, series);
    }

    /** A line chart of the named series keeping the last {@code maxPoints} points of each. */
    public static LiveChart lineChart(String title, int maxPoints, String... series) {
        return new LiveChart(LiveChart.Kind.LINE, title, maxPoints, series);
    }

    /** A scatter chart (points by cluster, centroids) keeping the last {@code maxPoints} points per cluster. */
    public static LiveChart scatterChart(String title, int maxPoints) {
        return new LiveChart(LiveChart.Kind.SCATTER, title, maxPoints);
    }

    /** An anomaly chart: values, their score, and values whose score reaches {@code threshold} marked. */
    public static LiveChart anomalyChart(String title, int maxPoints, double threshold) {
        return new LiveChart(LiveChart.Kind.ANOMALY, title, maxPoints).threshold(threshold);
    }

    /** A progress bar for {@code total} steps, shown at once below the current cell. */
    public static Progress progress(String label, long total) {
        return new Progress(label, total).show();
    }
}
