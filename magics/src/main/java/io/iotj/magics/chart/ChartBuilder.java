package io.iotj.magics.chart;

import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link ChartSnapshot} as panels of XChart charts: the look of each kind lives here.
 *
 * <p>Line series of different scales get a panel each; an anomaly chart draws its readings above
 * and their scores below, so the dense score line never hides the readings it scores. Panels
 * share the x axis: only the top one has the title, only the bottom one the x axis' ticks and title.
 */
final class ChartBuilder {
    /** Series colours, distinct for common colour blindness (the Tableau 10 palette's order). */
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207),
    };
    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN,
    };
    private static final Color READING = new Color(50, 90, 140);
    private static final Color SCORE = new Color(110, 110, 110);
    private static final Color FLAG = new Color(214, 39, 40);
    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);
    private static final String FONT = Font.SANS_SERIF;
    /** Pixels the title takes above the top panel's plot, and the x axis below the bottom one's. */
    private static final int TITLE_SPACE = 30;
    private static final int X_AXIS_SPACE = 48;
    /** What XChart adds around each panel's plot (twice the chart padding). */
    private static final int PANEL_PADDING = 16;
    /** The name of the invisible series that keeps XChart's tick placement sane (see {@link #guard}). */
    static final String GUARD = "\u2063axis range";

    private ChartBuilder() {
    }

    static ChartPanels build(ChartSnapshot s) {
        return switch (s.kind()) {
            case LINE -> line(s);
            case SCATTER -> scatter(s);
            case ANOMALY -> anomaly(s);
        };
    }

    private static ChartPanels line(ChartSnapshot s) {
        List<ChartSnapshot.Series> drawn = nonEmpty(s.series());
        XFrame x = XFrame.of(s.xAxis(), drawn, new double[0], s.xTitle(), "reading #");
        List<List<ChartSnapshot.Series>> groups = drawn.isEmpty() ? List.of(List.of())
                : s.split() ? ScaleGroups.split(drawn) : List.of(drawn);
        int n = groups.size();
        int total = s.height() + (n - 1) * Math.round(s.height() * 0.6f);
        int[] heights = heights(total, n, s.title());
        List<PanelChart> panels = new ArrayList<>();
        int colour = 0;
        for (int i = 0; i < n; i++) {
            List<ChartSnapshot.Series> group = groups.get(i);
            String yTitle = n == 1 && s.yTitle() != null && !s.yTitle().isBlank() ? s.yTitle() : names(group);
            PanelChart p = panel(s, heights[i], i == 0, i == n - 1, x, yTitle, range(group, Double.NaN, false));
            p.getStyler().setLegendVisible(group.size() > 1);
            for (ChartSnapshot.Series series : group) {
                XYSeries xy = p.addSeries(series.name(), x.xs(series.xs()), boxed(series.ys()));
                line(xy, PALETTE[colour++ % PALETTE.length], 1.6f);
            }
            if (group.isEmpty()) {
                waiting(p, "waiting for values");
            }
            panels.add(p);
        }
        return new ChartPanels(s.width(), heights, panels, s.title(), x.title());
    }

    private static ChartPanels scatter(ChartSnapshot s) {
        List<ChartSnapshot.Series> drawn = nonEmpty(s.series());
        double[][] c = s.centroids() == null ? new double[0][] : s.centroids();
        double[] cx = new double[c.length];
        double[] cy = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            cx[i] = c[i][0];
            cy[i] = c[i][1];
        }
        List<ChartSnapshot.Series> all = new ArrayList<>(drawn);
        if (c.length > 0) {
            all.add(new ChartSnapshot.Series("centroids", cx, cy));
        }
        // Points need room at the ends: pad x as y is padded.
        XFrame x = XFrame.of(LiveChart.XAxis.NUMBER, padded(all), new double[0], s.xTitle(), "x");
        String yTitle = s.yTitle() == null || s.yTitle().isBlank() ? "y" : s.yTitle();
        int[] heights = {s.height()};
        PanelChart p = panel(s, s.height(), true, true, x, yTitle, range(all, Double.NaN, true));
        int k = 0;
        for (ChartSnapshot.Series series : drawn) {
            XYSeries xy = p.addSeries(series.name(), x.xs(series.xs()), boxed(series.ys()));
            xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            xy.setMarker(MARKERS[k % MARKERS.length]);
            xy.setMarkerColor(PALETTE[k % PALETTE.length]);
            k++;
        }
        if (c.length > 0) {
            XYSeries xy = p.addSeries("centroids", x.xs(cx), boxed(cy));
            xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            xy.setMarker(SeriesMarkers.DIAMOND);
            xy.setMarkerColor(Color.BLACK);
        }
        if (all.isEmpty()) {
            waiting(p, "waiting for values");
        }
        p.getStyler().setMarkerSize(6);
        return new ChartPanels(s.width(), heights, List.of(p), s.title(), x.title());
    }

    private static ChartPanels anomaly(ChartSnapshot s) {
        ChartSnapshot.Series values = find(s, LiveChart.VALUE);
        ChartSnapshot.Series scores = find(s, LiveChart.SCORE);
        ChartSnapshot.Series flagged = find(s, LiveChart.FLAGGED);
        List<ChartSnapshot.Series> drawn = new ArrayList<>();
        for (ChartSnapshot.Series x : new ChartSnapshot.Series[] {values, scores, flagged}) {
            if (x != null && !x.isEmpty()) {
                drawn.add(x);
            }
        }
        XFrame x = XFrame.of(s.xAxis(), drawn, new double[0], s.xTitle(), "reading #");
        int[] heights = heights(s.height(), new double[] {0.62, 0.38}, s.title());

        List<ChartSnapshot.Series> top = new ArrayList<>();
        if (values != null && !values.isEmpty()) {
            top.add(values);
        }
        String yTitle = s.yTitle() == null || s.yTitle().isBlank() ? "reading" : s.yTitle();
        PanelChart readings = panel(s, heights[0], true, false, x, yTitle, range(top, Double.NaN, false));
        if (top.isEmpty()) {
            waiting(readings, "waiting for values");
        } else {
            line(readings.addSeries("reading", x.xs(values.xs()), boxed(values.ys())), READING, 1.3f);
        }
        if (flagged != null && !flagged.isEmpty()) {
            XYSeries f = readings.addSeries("flagged", x.xs(flagged.xs()), boxed(flagged.ys()));
            f.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            f.setMarker(SeriesMarkers.CIRCLE);
            f.setMarkerColor(FLAG);
        }
        readings.getStyler().setMarkerSize(7);

        List<ChartSnapshot.Series> bottom = scores == null || scores.isEmpty() ? List.of() : List.of(scores);
        double threshold = s.threshold();
        PanelChart scored = panel(s, heights[1], false, true, x, "anomaly score", range(bottom, threshold, false));
        if (bottom.isEmpty()) {
            waiting(scored, "no scores yet");
        } else {
            line(scored.addSeries("score", x.xs(scores.xs()), boxed(scores.ys())), SCORE, 1.0f);
            if (!Double.isNaN(threshold)) {
                XYSeries t = scored.addSeries("threshold " + TickFormat.number(threshold), x.ends(),
                        List.of(threshold, threshold));
                line(t, FLAG, 1.2f);
                t.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {5f, 4f}, 0f));
            }
        }
        return new ChartPanels(s.width(), heights, List.of(readings, scored), s.title(), x.title());
    }

    /** A panel of the chart's width with the shared x axis, its y range and the house style. */
    private static PanelChart panel(ChartSnapshot s, int height, boolean top, boolean bottom, XFrame x,
                                    String yTitle, double[] yRange) {
        PanelChart p = new PanelChart(s.width(), height);
        XYStyler st = p.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderColor(new Color(190, 190, 190));
        st.setPlotGridLinesColor(new Color(225, 225, 225));
        st.setChartTitleBoxVisible(false);
        st.setChartTitleFont(new Font(FONT, Font.BOLD, 15));
        st.setAxisTitleFont(new Font(FONT, Font.PLAIN, 13));
        st.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 12));
        st.setAxisTickLabelsColor(new Color(60, 60, 60));
        st.setLegendFont(new Font(FONT, Font.PLAIN, 12));
        st.setLegendBorderColor(new Color(210, 210, 210));
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setChartPadding(8);
        st.setAxisTicksLineVisible(false); // the plot's border is the axis line
        st.setXAxisTickMarkSpacingHint(90);
        st.setYAxisTickMarkSpacingHint(40);
        if (top && s.title() != null && !s.title().isEmpty()) {
            p.setTitle(s.title());
        }
        if (bottom) {
            p.setXAxisTitle(x.title());
        } else {
            st.setXAxisTicksVisible(false);
        }
        p.setYAxisTitle(yTitle);
        x.apply(p);
        st.setYAxisMin(yRange[0]);
        st.setYAxisMax(yRange[1]);
        p.recordYTicks(new TickRecorder(yRange[0], yRange[1]));
        guard(p, x, yRange);
        return p;
    }

    /**
     * The first series of every panel: two invisible points at the corners, listed high before
     * low. XChart places ticks on the data's own x (or y) values when they are evenly spaced, as
     * positions 0, 1, 2, … always are, which gives steps such as 29 and labels such as
     * 137.60000000000002; values listed out of order turn that off, and its ordinary placement
     * (steps of 1, 2 or 5 times a power of ten, labels that fit) takes over.
     */
    private static void guard(PanelChart p, XFrame x, double[] yRange) {
        XYSeries g = p.addSeries(GUARD, x.ends(), List.of(yRange[1], yRange[0]));
        g.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        g.setMarker(SeriesMarkers.NONE);
        g.setLineColor(TRANSPARENT);
        g.setShowInLegend(false);
    }

    private static void line(XYSeries x, Color colour, float width) {
        x.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        x.setMarker(SeriesMarkers.NONE);
        x.setLineColor(colour);
        x.setLineWidth(width);
    }

    private static void waiting(PanelChart p, String text) {
        p.getStyler().setAxisTicksVisible(false);
        p.getStyler().setPlotGridLinesVisible(false);
        p.getStyler().setLegendVisible(false);
        p.addAnnotation(new AnnotationText(text, p.getWidth() / 2.0, p.getHeight() / 2.0, true));
        p.getStyler().setAnnotationTextFont(new Font(FONT, Font.ITALIC, 13));
        p.getStyler().setAnnotationTextFontColor(new Color(120, 120, 120));
    }

    /** The y range of {@code series} (and {@code also}, when a number), with a margin. */
    private static double[] range(List<ChartSnapshot.Series> series, double also, boolean wide) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ChartSnapshot.Series s : series) {
            double[] r = ScaleGroups.range(s.ys());
            if (s.isEmpty()) {
                continue;
            }
            lo = Math.min(lo, r[0]);
            hi = Math.max(hi, r[1]);
        }
        if (!Double.isNaN(also)) {
            lo = Math.min(lo, also);
            hi = Math.max(hi, also);
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        double span = hi - lo;
        if (span == 0) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            return new double[] {lo - pad, hi + pad};
        }
        double pad = span * (wide ? 0.06 : 0.04);
        return new double[] {lo - pad, hi + pad};
    }

    /** The series with their x values widened by 6 % at both ends (a scatter's x axis). */
    private static List<ChartSnapshot.Series> padded(List<ChartSnapshot.Series> series) {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (ChartSnapshot.Series s : series) {
            double[] xr = ScaleGroups.range(s.xs());
            if (!s.isEmpty()) {
                r[0] = Math.min(r[0], xr[0]);
                r[1] = Math.max(r[1], xr[1]);
            }
        }
        if (r[0] > r[1]) {
            return List.of();
        }
        double pad = (r[1] - r[0]) * 0.06;
        return List.of(new ChartSnapshot.Series("", new double[] {r[0] - pad, r[1] + pad}, new double[2]));
    }

    private static int[] heights(int total, int n, String title) {
        double[] shares = new double[n];
        java.util.Arrays.fill(shares, 1.0 / n);
        return heights(total, shares, title);
    }

    /**
     * Panel heights, summing to {@code total}, that give each plot its share of the plot area; the
     * top panel also holds the title, the bottom one the x axis.
     */
    private static int[] heights(int total, double[] shares, String title) {
        int n = shares.length;
        int titleSpace = title == null || title.isEmpty() ? 0 : TITLE_SPACE;
        int plots = Math.max(n * 40, total - titleSpace - X_AXIS_SPACE - n * PANEL_PADDING);
        int[] out = new int[n];
        int used = 0;
        for (int i = 0; i < n - 1; i++) {
            out[i] = (int) Math.round(plots * shares[i]) + PANEL_PADDING + (i == 0 ? titleSpace : 0);
            used += out[i];
        }
        out[n - 1] = Math.max(total - used, 60);
        return out;
    }

    private static String names(List<ChartSnapshot.Series> group) {
        if (group.isEmpty()) {
            return "value";
        }
        List<String> names = group.stream().map(ChartSnapshot.Series::name).toList();
        String joined = String.join(", ", names);
        return joined.length() <= 32 ? joined : "value";
    }

    private static ChartSnapshot.Series find(ChartSnapshot s, String name) {
        for (ChartSnapshot.Series x : s.series()) {
            if (x.name().equals(name)) {
                return x;
            }
        }
        return null;
    }

    private static List<ChartSnapshot.Series> nonEmpty(List<ChartSnapshot.Series> series) {
        return series.stream().filter(x -> !x.isEmpty()).toList();
    }

    private static List<Double> boxed(double[] ys) {
        List<Double> out = new ArrayList<>(ys.length);
        for (double y : ys) {
            out.add(y);
        }
        return out;
    }
}
