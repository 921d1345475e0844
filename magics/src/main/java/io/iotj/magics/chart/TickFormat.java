package io.iotj.magics.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How tick labels read: numbers as short as their value allows, times as times.
 *
 * <p>XChart computes tick positions as exact decimal multiples of a step, but hands them over as
 * doubles, and its own format prints every digit of the double ({@code 137.60000000000002}).
 * Rounding to 10 significant digits removes that noise without touching any step a chart of at
 * most a few hundred ticks can have; every tick of an axis then gets the decimals its step needs.
 */
final class TickFormat {
    private static final MathContext NOISE = new MathContext(10);
    private static final BigDecimal GROUPED = BigDecimal.valueOf(10_000);
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private TickFormat() {
    }

    /**
     * A number as a tick label when nothing is known of its neighbours: no floating-point noise, no
     * trailing zeros.
     */
    static String number(double v) {
        return of(Math.abs(v)).label(v, Double.NaN);
    }

    /**
     * How the ticks of an axis whose values reach {@code magnitude} (the largest absolute value
     * on it) are written: in millions (M), billions (G) or trillions (T) from a million, with a
     * power of ten beyond and below a thousandth, else as they are (thousands grouped from 10,000).
     */
    static Unit of(double magnitude) {
        if (!(magnitude > 0) || Double.isInfinite(magnitude)) {
            return new Unit(1, "");
        }
        if (magnitude >= 1e15 || magnitude < 1e-3) {
            int e = (int) Math.floor(Math.log10(magnitude));
            return new Unit(Math.pow(10, e), "e" + e);
        }
        if (magnitude >= 1e12) {
            return new Unit(1e12, "T");
        }
        if (magnitude >= 1e9) {
            return new Unit(1e9, "G");
        }
        if (magnitude >= 1e6) {
            return new Unit(1e6, "M");
        }
        return new Unit(1, "");
    }

    /** A unit ticks are written in: the value divided by {@code size}, then {@code suffix}. */
    record Unit(double size, String suffix) {
        /**
         * {@code v} with as many decimals as {@code step} needs (all ticks of an axis then have
         * the same), or, with no step known, as few as {@code v} needs.
         */
        String label(double v, double step) {
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                return Double.toString(v);
            }
            BigDecimal d = new BigDecimal(v / size).round(NOISE);
            if (Double.isNaN(step) || !(step > 0)) {
                d = d.stripTrailingZeros();
            } else {
                int decimals = Math.max(0, new BigDecimal(step / size).round(NOISE).stripTrailingZeros().scale());
                d = d.setScale(decimals, RoundingMode.HALF_UP);
            }
            if (d.signum() == 0) {
                return "0";
            }
            String digits;
            if (suffix.isEmpty() && d.abs().compareTo(GROUPED) >= 0) {
                DecimalFormat grouped = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
                grouped.setMinimumFractionDigits(Math.max(0, d.scale()));
                grouped.setMaximumFractionDigits(Math.max(0, d.scale()));
                digits = grouped.format(d);
            } else {
                digits = d.scale() < 0 ? d.setScale(0, RoundingMode.UNNECESSARY).toPlainString() : d.toPlainString();
            }
            return digits + suffix;
        }
    }

    /**
     * The date pattern for a time axis spanning {@code spanMillis}: clock times ({@link
     * LiveChart.XAxis#TIME}, in the machine's time zone) or time since the start ({@link
     * LiveChart.XAxis#SECONDS}, drawn as a time of day in UTC so that 0 reads 0:00; null from a day
     * on, which the chart draws in hours instead). Only as many fields as the span needs; XChart
     * picks the step and rejects steps whose labels would repeat.
     */
    static String datePattern(LiveChart.XAxis axis, double spanMillis) {
        if (axis == LiveChart.XAxis.SECONDS) {
            if (spanMillis < 10 * SECOND) {
                return "m:ss.S";
            }
            if (spanMillis < HOUR) {
                return "m:ss";
            }
            if (spanMillis < 2 * HOUR) {
                return "H:mm:ss";
            }
            return spanMillis < DAY ? "H:mm" : null;
        }
        if (spanMillis < 10 * SECOND) {
            return "HH:mm:ss.S";
        }
        if (spanMillis < 2 * HOUR) {
            return "HH:mm:ss";
        }
        if (spanMillis < 2 * DAY) {
            return "HH:mm";
        }
        return spanMillis < 60 * DAY ? "MM-dd HH:mm" : "yyyy-MM-dd";
    }
}
