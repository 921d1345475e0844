package io.iotj.magics.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Which line series share a panel. Series of different scales drawn against one y axis leave the
 * smaller flat along the bottom (a temperature beside a pressure in hPa); each scale gets its own
 * panel instead, stacked over the same x axis.
 *
 * <p>A series joins the first panel whose range it shares: on the panel's and the series' range
 * together, each of the two still spans at least a fifth of the height. A constant series joins a
 * panel whose range, widened by half, holds its value.
 */
final class ScaleGroups {
    /** Most panels one chart stacks; further scales share the last panel. */
    static final int MAX_PANELS = 4;
    private static final double SHARE = 0.2;

    private ScaleGroups() {
    }

    /** The series grouped by scale, in order of first appearance; each group is one panel. */
    static List<List<ChartSnapshot.Series>> split(List<ChartSnapshot.Series> series) {
        List<List<ChartSnapshot.Series>> groups = new ArrayList<>();
        List<double[]> ranges = new ArrayList<>();
        for (ChartSnapshot.Series s : series) {
            double[] r = range(s.ys());
            int at = -1;
            for (int g = 0; g < groups.size() && at < 0; g++) {
                if (shares(ranges.get(g), r)) {
                    at = g;
                }
            }
            if (at < 0 && groups.size() == MAX_PANELS) {
                at = MAX_PANELS - 1;
            }
            if (at < 0) {
                groups.add(new ArrayList<>());
                ranges.add(r);
                at = groups.size() - 1;
            }
            groups.get(at).add(s);
            double[] g = ranges.get(at);
            ranges.set(at, new double[] {Math.min(g[0], r[0]), Math.max(g[1], r[1])});
        }
        return groups;
    }

    static boolean shares(double[] panel, double[] s) {
        double union = Math.max(panel[1], s[1]) - Math.min(panel[0], s[0]);
        double pSpan = panel[1] - panel[0];
        double sSpan = s[1] - s[0];
        if (union == 0) {
            return true; // the same constant
        }
        if (sSpan == 0) {
            double slack = Math.max(pSpan, Math.abs(panel[0]) * 1e-9) / 2;
            return s[0] >= panel[0] - slack && s[0] <= panel[1] + slack;
        }
        if (pSpan == 0) {
            double slack = sSpan / 2;
            return panel[0] >= s[0] - slack && panel[0] <= s[1] + slack;
        }
        return pSpan >= SHARE * union && sSpan >= SHARE * union;
    }

    /** Lowest and highest finite value. */
    static double[] range(double[] ys) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double y : ys) {
            if (Double.isFinite(y)) {
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
            }
        }
        return lo > hi ? new double[] {0, 0} : new double[] {lo, hi};
    }
}
