package io.iotj.magics.chart;

import io.iotj.stream.Tuple;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveChartTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void pngBytesDecodeToAnImageOfTheChartsSize() throws Exception {
        LiveChart c = Charts.lineChart("prediction against actual", "actual", "predicted").size(400, 200);
        for (int i = 0; i < 50; i++) {
            c.add(Math.sin(i / 5.0), i < 10 ? Double.NaN : Math.sin(i / 5.0) + 0.1);
        }
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(c.png()));
        assertEquals(400, img.getWidth());
        assertEquals(200, img.getHeight());
        assertEquals(40, c.points("predicted"), "NaN leaves a gap: no prediction before the 11th value");
        assertEquals(50, c.points("actual"));
    }

    @Test
    void svgIsAWellFormedSvgDocument() throws Exception {
        LiveChart c = Charts.scatterChart("clusters", 100).format(LiveChart.Format.SVG);
        c.point(1, 2, 0).point(5, 6, 1).centroids(new double[][] {{1, 2}, {5, 6}});
        String svg = c.svg();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertTrue(c.display().get("image/svg+xml") != null, "the display of an SVG chart is SVG");
        assertEquals(null, c.display().get("image/png"));
    }

    @Test
    void eachSeriesKeepsOnlyItsLastPoints() {
        LiveChart c = Charts.lineChart("bounded", 100, "v");
        for (int i = 0; i < 100_000; i++) {
            c.add(i);
        }
        assertEquals(100, c.points("v"));
        XYChart chart = c.chart();
        double[] ys = chart.getSeriesMap().get("v").getYData();
        assertEquals(100, ys.length);
        assertEquals(99_900, ys[0], "the oldest point kept");
        assertEquals(99_999, ys[99], "the newest point");
        double[] xs = chart.getSeriesMap().get("v").getXData();
        assertEquals(99_999, xs[99], "x is the value's position in the stream");
    }

    @Test
    void streamValuesAreReadByKind() {
        LiveChart line = Charts.lineChart("line", "actual", "predicted");
        line.accept(Tuple.of(1.0, null));
        line.accept(Tuple.of(2.0, 1.5));
        line.accept(new double[] {3, 2.5});
        assertEquals(3, line.points("actual"));
        assertEquals(2, line.points("predicted"));

        LiveChart scatter = Charts.scatterChart("s", 10);
        scatter.accept(Tuple.of(1, 2, 0));
        scatter.accept(new double[] {3, 4, 1});
        scatter.accept(new double[][] {{1, 1}, {2, 2}});
        assertEquals(1, scatter.points("cluster 0"));
        assertEquals(1, scatter.points("cluster 1"));
        assertTrue(scatter.chart().getSeriesMap().containsKey("centroids"));

        LiveChart anomaly = Charts.anomalyChart("a", 10, 0.8);
        anomaly.accept(Tuple.of(10.0, 0.2));
        anomaly.accept(Tuple.of(50.0, 0.9));
        anomaly.accept(Tuple.of(11.0, 0.1, true));
        assertEquals(3, anomaly.points(LiveChart.VALUE));
        assertEquals(2, anomaly.points(LiveChart.FLAGGED), "score over the threshold, and flagged by the value");
        assertEquals(2, anomaly.panels().size(), "readings above, scores below");
        assertTrue(anomaly.panels().get(1).getSeriesMap().containsKey("threshold 0.8"));
    }

    @Test
    void valuesThatDoNotFitTheKindAreNamedInTheError() {
        LiveChart scatter = Charts.scatterChart("s", 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scatter.accept("hello"));
        assertTrue(e.getMessage().contains("(x, y)") && e.getMessage().contains("hello"), e.getMessage());
        LiveChart line = Charts.lineChart("l", "a", "b");
        e = assertThrows(IllegalArgumentException.class, () -> line.accept(Tuple.of(1, "x")));
        assertTrue(e.getMessage().contains("item 1 is not a number"), e.getMessage());
    }

    @Test
    void tooManyClustersIsAnErrorNotUnboundedGrowth() {
        LiveChart scatter = Charts.scatterChart("s", 10);
        for (int k = 0; k < LiveChart.MAX_SERIES; k++) {
            scatter.point(k, k, k);
        }
        assertThrows(IllegalArgumentException.class, () -> scatter.point(0, 0, 999));
        assertEquals(LiveChart.MAX_SERIES, scatter.seriesNames().size());
    }

    @Test
    void versionChangesWithContentOnly() {
        LiveChart c = Charts.lineChart("v", "a");
        long v0 = c.version();
        assertEquals(v0, c.version());
        c.add(1);
        assertNotEquals(v0, c.version());
        long v1 = c.version();
        c.png();
        assertEquals(v1, c.version(), "drawing does not change the version");
    }

    @Test
    void anEmptyChartStillDraws() throws Exception {
        LiveChart c = Charts.lineChart("nothing yet", "a");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(c.png()));
        assertEquals(720, img.getWidth());
        assertTrue(c.text().contains("no values yet"));
    }

    @Test
    void seriesBufferKeepsOrderAcrossTheWrap() {
        SeriesBuffer b = new SeriesBuffer(3);
        for (int i = 1; i <= 5; i++) {
            b.add(i, i * 10);
        }
        assertArrayEquals(new double[] {3, 4, 5}, b.xs());
        assertArrayEquals(new double[] {30, 40, 50}, b.ys());
        assertEquals(5, b.added());
    }

    @Test
    void progressCountsAndFinishesAtItsTotal() {
        long[] now = {0};
        Progress p = new Progress("training", 4, () -> now[0]);
        assertFalse(p.isDone());
        long v = p.version();
        p.step();
        now[0] = 2_000_000_000L;
        assertNotEquals(v, p.version());
        assertTrue(p.html().contains("max=\"4\" value=\"1\""), p.html());
        assertTrue(p.text().contains("1 / 4 (25%)") && p.text().contains("about 6 s left"), p.text());
        p.step(3);
        assertTrue(p.isDone());
        assertTrue(p.text().contains("done"), p.text());
        assertTrue(p.html().contains("data-done=\"true\""));
    }
}
