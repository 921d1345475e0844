package io.iotj.magics.chart;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import org.knowm.xchart.XYChart;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart's panels stacked over one x axis, drawn as one image with their plot areas lined up:
 * the same left and right edges, whatever the width of each panel's tick labels and legend.
 */
final class ChartPanels {
    private final int width;
    private final int[] heights;
    private final List<PanelChart> panels;
    private final String title;
    private final String xTitle;

    ChartPanels(int width, int[] heights, List<PanelChart> panels, String title, String xTitle) {
        this.width = width;
        this.heights = heights.clone();
        this.panels = List.copyOf(panels);
        this.title = title;
        this.xTitle = xTitle;
    }

    /** The panels, top first. */
    List<XYChart> charts() {
        return List.copyOf(panels);
    }

    int width() {
        return width;
    }

    int height() {
        int h = 0;
        for (int x : heights) {
            h += x;
        }
        return h;
    }

    /** Paints every panel into {@code g}, from (0, 0), lined up. */
    void paint(Graphics2D g) {
        int[][] placement = placement();
        int y = 0;
        for (int i = 0; i < panels.size(); i++) {
            Graphics2D pg = (Graphics2D) g.create();
            try {
                pg.translate(placement[i][0], y);
                panels.get(i).paint(pg, placement[i][1], heights[i]);
            } finally {
                pg.dispose();
            }
            y += heights[i];
        }
    }

    /**
     * Where each panel goes: {x offset, width}. XChart sizes a plot area from its panel's labels
     * and legend, so a panel is drawn once off-screen to measure them, then narrowed and moved right
     * until its plot's edges meet the others'.
     */
    private int[][] placement() {
        int n = panels.size();
        int[][] out = new int[n][];
        if (n == 1) {
            out[0] = new int[] {0, width};
            return out;
        }
        double[] left = new double[n];
        double[] right = new double[n];
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D sg = scratch.createGraphics();
        try {
            for (int i = 0; i < n; i++) {
                panels.get(i).paint(sg, width, heights[i]);
                left[i] = panels.get(i).plotLeft();
                right[i] = panels.get(i).plotRight();
            }
        } finally {
            sg.dispose();
        }
        double l = Double.NEGATIVE_INFINITY;
        double r = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            l = Math.max(l, left[i]);
            r = Math.min(r, right[i]);
        }
        for (int i = 0; i < n; i++) {
            int dx = (int) Math.round(l - left[i]);
            int w = (int) Math.round(r - l + left[i] + (width - right[i]));
            out[i] = new int[] {dx, Math.min(w, width - dx)};
        }
        return out;
    }

    /** The panels as one PNG image. */
    byte[] png() {
        BufferedImage img = new BufferedImage(width, height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height());
            paint(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("drawing the chart as PNG failed", e);
        }
        return out.toByteArray();
    }

    /** The panels as one SVG document. */
    String svg() {
        VectorGraphics2D g = new VectorGraphics2D();
        paint(g);
        Document doc = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            doc.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("drawing the chart as SVG failed", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * What the last drawing shows, in words a test or a screen reader can check: the title, the
     * x axis' title and tick labels, and each panel's y axis title, tick labels and series.
     */
    Map<String, Object> description() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("title", title == null ? "" : title);
        d.put("x_title", xTitle);
        d.put("x_ticks", panels.get(panels.size() - 1).xTickLabels());
        List<Map<String, Object>> ps = new ArrayList<>();
        for (PanelChart p : panels) {
            Map<String, Object> pd = new LinkedHashMap<>();
            pd.put("y_title", p.getYAxisTitle());
            pd.put("y_ticks", p.yTickLabels());
            pd.put("series", p.getSeriesMap().keySet().stream().filter(k -> !k.equals(ChartBuilder.GUARD)).toList());
            ps.add(pd);
        }
        d.put("panels", ps);
        return d;
    }
}
