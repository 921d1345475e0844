package io.iotj.magics.chart;

import io.iotj.stream.Event;
import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a reader sees on the charts of the notebooks: axis titles, tick labels without
 * floating-point noise that do not run together, times as times, one panel per scale. Each chart
 * is also written to {@code target/chart-looks/} to be looked at.
 */
class ChartLooksTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final Path OUT = Path.of("target", "chart-looks");

    @Test
    void positionsGetRoundTicksThatDoNotRunTogether() throws Exception {
        // notebook 04: 300 readings; XChart alone labelled every 15th position, 105120135150…
        LiveChart c = Charts.lineChart("prediction against actual", 300, "actual", "predicted");
        for (int i = 0; i < 1000; i++) {
            c.add(20 + 15 * Math.sin(i / 30.0), 21 + 15 * Math.sin(i / 30.0 + 0.1));
        }
        Map<String, Object> d = described(c, "line-positions");
        assertEquals("reading #", d.get("x_title"));
        List<String> x = ticks(d, "x_ticks");
        assertTrue(x.size() >= 4 && x.size() <= 10, x.toString());
        for (String t : x) {
            assertTrue(Long.parseLong(t.replace(",", "")) % 50 == 0, "round positions: " + x);
        }
        assertEquals("actual, predicted", panel(d, 0).get("y_title"));
        assertShortest(x);
        assertShortest(ticks(panel(d, 0), "y_ticks"));
        assertApart(c);
    }

    @Test
    void secondsReadAsMinutesAndSecondsWithoutNoise() throws Exception {
        // notebook 06's pump: a reading every 0.4 s for ten minutes; XChart alone printed 137.60000000000002
        LiveChart c = Charts.anomalyChart("pump mm/s", 1500, 0.66).xAxis(LiveChart.XAxis.SECONDS).yTitle("mm/s");
        Random r = new Random(1);
        for (int i = 0; i < 1500; i++) {
            double t = i * 0.4;
            c.scoreAt(t, 4 + 0.5 * Math.sin(t / 40) + 0.15 * r.nextGaussian(), i < 50 ? Double.NaN : 0.4 + 0.1 * r.nextDouble(),
                    i % 400 == 0);
        }
        Map<String, Object> d = described(c, "anomaly-seconds");
        assertEquals("time since start (m:ss)", d.get("x_title"));
        List<String> x = ticks(d, "x_ticks");
        assertFalse(x.isEmpty());
        for (String t : x) {
            assertTrue(t.matches("\\d{1,2}:\\d\\d"), "m:ss: " + x);
            assertTrue(t.endsWith("0"), "round times: " + x);
        }
        assertEquals(2, panels(d).size(), "readings above, scores below");
        assertEquals("mm/s", panel(d, 0).get("y_title"));
        assertEquals("anomaly score", panel(d, 1).get("y_title"));
        assertShortest(ticks(panel(d, 0), "y_ticks"));
        assertShortest(ticks(panel(d, 1), "y_ticks"));
        assertApart(c);
    }

    @Test
    void panelsDrawnAsSvgMakeOneWellFormedDocumentOfTheirHeightsTogether() throws Exception {
        LiveChart c = Charts.anomalyChart("door", 100, 0.6);
        for (int i = 0; i < 100; i++) {
            c.score(1013 + Math.sin(i / 9.0), i < 10 ? Double.NaN : 0.5 + 0.2 * Math.sin(i / 5.0));
        }
        String svg = c.svg();
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        org.w3c.dom.Element root = f.newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("0 0 720 420", root.getAttribute("viewBox"), "both panels in one drawing of the chart's size");
    }

    @Test
    void seriesOfDifferentScalesGetAPanelEach() throws Exception {
        LiveChart c = Charts.lineChart("boiler", "temperature °C", "pressure hPa", "setpoint °C");
        for (int i = 0; i < 200; i++) {
            c.add(70 + 3 * Math.sin(i / 20.0), 1013 + 40 * Math.cos(i / 30.0), 71);
        }
        Map<String, Object> d = described(c, "line-two-scales");
        assertEquals(2, panels(d).size(), d.toString());
        assertEquals("temperature °C, setpoint °C", panel(d, 0).get("y_title"));
        assertEquals("pressure hPa", panel(d, 1).get("y_title"));
        assertEquals(List.of(), ((PanelChart) drawn(c).charts().get(0)).xTickLabels(),
                "the top panel leaves the x axis to the bottom one");
        assertShortest(ticks(panel(d, 1), "y_ticks"));

        LiveChart one = Charts.lineChart("boiler", "temperature °C", "pressure hPa").splitScales(false);
        one.add(70, 1013).add(71, 1015);
        assertEquals(1, one.panels().size(), "one axis when told");
    }

    @Test
    void eventsAreDrawnAtTheirTimeOnAClock() throws Exception {
        LiveChart c = Charts.lineChart("door pressure");
        long start = 1_733_300_000_000L; // a December afternoon
        for (int i = 0; i < 300; i++) {
            c.accept(new Event<>("door", start + i * 2_000L, start + i * 2_000L, 1013 + Math.sin(i / 10.0)));
            c.accept(new Event<>("hall", start + i * 2_000L, start + i * 2_000L, 1012 + Math.cos(i / 10.0)));
        }
        Map<String, Object> d = described(c, "line-events");
        assertEquals("time", d.get("x_title"));
        for (String t : ticks(d, "x_ticks")) {
            assertTrue(t.matches("\\d\\d:\\d\\d:\\d\\d"), "clock times: " + d.get("x_ticks"));
        }
        assertEquals(List.of("door", "hall"), panel(d, 0).get("series"), "one line per key");
        assertApart(c);
    }

    @Test
    void scatterAxesAreTitledAndEmptyChartsSaySo() throws Exception {
        LiveChart c = Charts.scatterChart("RSVPs by cluster", 400).xTitle("longitude").yTitle("latitude");
        Random r = new Random(2);
        double[][] cities = {{-74.0, 40.7}, {-87.6, 41.9}, {-97.7, 30.3}, {-122.4, 37.8}, {-122.3, 47.6}};
        for (int i = 0; i < 400; i++) {
            double[] city = cities[i % 5];
            c.point(city[0] + r.nextGaussian(), city[1] + r.nextGaussian(), i % 5);
        }
        c.centroids(cities);
        Map<String, Object> d = described(c, "scatter");
        assertEquals("longitude", d.get("x_title"));
        assertEquals("latitude", panel(d, 0).get("y_title"));
        assertShortest(ticks(d, "x_ticks"));

        Map<String, Object> empty = described(Charts.lineChart("nothing yet", "level"), "empty");
        assertEquals("reading #", empty.get("x_title"));
        assertEquals(List.of(), ticks(empty, "x_ticks"), "no ticks before there are values");
    }

    @Test
    void ticksAreShortOverManyRanges() throws Exception {
        double[][] ranges = {{0, 0.003}, {-1, 1}, {0.1, 0.7}, {990, 1010}, {0, 1e6}, {2e6, 9.9e7}, {-5e-7, 5e-7}, {12345.6, 12346.2}};
        int k = 0;
        for (double[] r : ranges) {
            LiveChart c = Charts.lineChart("range " + r[0] + " to " + r[1], "v");
            for (int i = 0; i <= 200; i++) {
                c.add(r[0] + (r[1] - r[0]) * (0.5 + 0.5 * Math.sin(i / 15.0)));
            }
            Map<String, Object> d = described(c, "range-" + k++);
            List<String> y = ticks(panel(d, 0), "y_ticks");
            assertTrue(y.size() >= 2, r[0] + ".." + r[1] + ": " + y);
            assertShortest(y);
        }
    }

    // --- what the checks mean

    /**
     * Every label is as short as the step between the ticks allows: no noise, and all with the
     * decimals of the step, no more.
     */
    static void assertShortest(List<String> labels) {
        if (labels.size() < 2) {
            return;
        }
        String unit = suffix(labels.get(labels.size() - 1));
        BigDecimal[] v = new BigDecimal[labels.size()];
        for (int i = 0; i < v.length; i++) {
            String l = labels.get(i);
            assertTrue(l.length() <= 9, "a short label: " + labels);
            assertTrue(l.equals("0") || suffix(l).equals(unit), "one unit on an axis: " + labels);
            v[i] = new BigDecimal(l.replace(",", "").substring(0, l.replace(",", "").length() - suffix(l).length()));
        }
        int stepScale = Math.max(0, v[2 % v.length].subtract(v[1]).stripTrailingZeros().scale());
        for (int i = 0; i < v.length; i++) {
            if (!labels.get(i).equals("0")) {
                assertEquals(stepScale, v[i].scale(), "the decimals of the step: " + labels);
            }
        }
    }

    private static String suffix(String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(e-?\\d+|[MGT])$").matcher(label);
        return m.find() ? m.group(1) : "";
    }

    /** The x labels of every panel leave at least 8 pixels between each other. */
    static void assertApart(LiveChart c) {
        ChartPanels p = drawn(c);
        PanelChart bottom = (PanelChart) p.charts().get(p.charts().size() - 1);
        Font f = bottom.getStyler().getAxisTickLabelsFont();
        FontRenderContext frc = new FontRenderContext(null, true, false);
        List<PanelChart.Tick> ticks = bottom.xTicks();
        for (int i = 1; i < ticks.size(); i++) {
            double w0 = f.getStringBounds(ticks.get(i - 1).label(), frc).getWidth();
            double w1 = f.getStringBounds(ticks.get(i).label(), frc).getWidth();
            double gap = ticks.get(i).at() - ticks.get(i - 1).at() - (w0 + w1) / 2;
            assertTrue(gap >= 8, "labels " + ticks.get(i - 1) + " and " + ticks.get(i) + " are " + gap + " px apart");
        }
    }

    private static ChartPanels drawn(LiveChart c) {
        ChartPanels p = ChartBuilder.build(c.snapshot());
        p.png();
        return p;
    }

    private static Map<String, Object> described(LiveChart c, String name) throws Exception {
        ChartPanels p = ChartBuilder.build(c.snapshot());
        byte[] png = p.png();
        Files.createDirectories(OUT);
        Files.write(OUT.resolve(name + ".png"), png);
        return p.description();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> panels(Map<String, Object> d) {
        return (List<Map<String, Object>>) d.get("panels");
    }

    private static Map<String, Object> panel(Map<String, Object> d, int i) {
        return panels(d).get(i);
    }

    @SuppressWarnings("unchecked")
    private static List<String> ticks(Map<String, Object> d, String key) {
        return (List<String>) d.get(key);
    }
}
