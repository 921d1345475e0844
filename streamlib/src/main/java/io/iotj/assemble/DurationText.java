package io.iotj.assemble;

import java.util.Locale;

/** Durations written as text in templates: {@code "250ms"}, {@code "5s"}, {@code "2m"}, {@code "1h"}, {@code "1d"}. */
final class DurationText {
    private DurationText() {
    }

    /** Seconds in {@code text}, or NaN when it is not a number followed by one of the units. */
    static double seconds(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        double unit;
        String number;
        if (t.endsWith("ms")) {
            unit = 0.001;
            number = t.substring(0, t.length() - 2);
        } else if (t.endsWith("s")) {
            unit = 1;
            number = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            unit = 60;
            number = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            unit = 3600;
            number = t.substring(0, t.length() - 1);
        } else if (t.endsWith("d")) {
            unit = 86400;
            number = t.substring(0, t.length() - 1);
        } else {
            unit = 1;
            number = t;
        }
        try {
            return Double.parseDouble(number.strip()) * unit;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
