package io.iotj.magics.chart;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

/**
 * The x axis every panel of a chart shares: its range, how its values read (numbers, clock
 * times, time since the start) and its title.
 */
final class XFrame {
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final double DAY_SECONDS = 86_400;

    private final LiveChart.XAxis axis;
    private final double min;
    private final double max;
    /** Seconds drawn in hours: time since the start over a day or more. */
    private final boolean hours;
    private final String datePattern;
    private final String title;

    private XFrame(LiveChart.XAxis axis, double min, double max, String givenTitle, String numberTitle) {
        this.axis = axis;
        this.hours = axis == LiveChart.XAxis.SECONDS && max - min >= DAY_SECONDS;
        double scale = hours ? 1.0 / 3600 : 1;
        double lo = min * scale;
        double hi = max * scale;
        if (!(hi > lo)) {
            // One x value: a range around it, or XChart draws a single unreadable tick.
            double pad = axis == LiveChart.XAxis.TIME ? 1000 : 1;
            lo -= pad;
            hi += pad;
        }
        this.min = lo;
        this.max = hi;
        double spanMillis = switch (axis) {
            case TIME -> hi - lo;
            case SECONDS -> (hi - lo) * 1000;
            case NUMBER -> 0;
        };
        this.datePattern = axis == LiveChart.XAxis.NUMBER || hours ? null : TickFormat.datePattern(axis, spanMillis);
        if (givenTitle != null && !givenTitle.isBlank()) {
            this.title = givenTitle;
        } else {
            this.title = switch (axis) {
                case NUMBER -> numberTitle;
                case TIME -> "time";
                case SECONDS -> hours ? "time since start (hours)"
                        : "time since start (" + datePattern.replace("H", "h").replace(".S", "") + ")";
            };
        }
    }

    /**
     * The frame of {@code series} (and {@code extra} x values, such as centroids), or of 0 to 1
     * when there is none yet.
     */
    static XFrame of(LiveChart.XAxis axis, List<ChartSnapshot.Series> series, double[] extra, String givenTitle,
                     String numberTitle) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ChartSnapshot.Series s : series) {
            for (double x : s.xs()) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        for (double x : extra) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        if (lo > hi) {
            lo = 0;
            hi = axis == LiveChart.XAxis.TIME ? 60_000 : 1;
        }
        return new XFrame(axis, lo, hi, givenTitle, numberTitle);
    }

    String title() {
        return title;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    /** True when XChart gets dates, not numbers. */
    boolean isDate() {
        return datePattern != null;
    }

    /** The x values as XChart takes them on this axis: numbers, or dates. */
    List<?> xs(double[] xs) {
        List<Object> out = new ArrayList<>(xs.length);
        for (double x : xs) {
            out.add(value(x * (hours ? 1.0 / 3600 : 1)));
        }
        return out;
    }

    /** The two ends of the axis as XChart takes them, highest first. */
    List<?> ends() {
        return List.of(value(max), value(min));
    }

    private Object value(double x) {
        if (!isDate()) {
            return x;
        }
        return new Date(Math.round(axis == LiveChart.XAxis.SECONDS ? x * 1000 : x));
    }

    /** Sets the axis range and how its ticks read on {@code chart}. */
    void apply(PanelChart chart) {
        var styler = chart.getStyler();
        if (isDate()) {
            double scale = axis == LiveChart.XAxis.SECONDS ? 1000 : 1;
            styler.setXAxisMin(min * scale);
            styler.setXAxisMax(max * scale);
            styler.setDatePattern(datePattern);
            styler.setTimezone(axis == LiveChart.XAxis.SECONDS ? UTC : TimeZone.getDefault());
        } else {
            styler.setXAxisMin(min);
            styler.setXAxisMax(max);
            styler.setxAxisTickLabelsFormattingFunction(new TickRecorder(min, max));
        }
    }
}
