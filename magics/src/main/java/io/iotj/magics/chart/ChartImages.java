package io.iotj.magics.chart;

import io.iotj.display.MimeBundle;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** XChart charts as PNG bytes, SVG text and display bundles. */
public final class ChartImages {
    private ChartImages() {
    }

    /** The chart as PNG file bytes. */
    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("drawing the chart as PNG failed", e);
        }
    }

    /** The chart as an SVG document. */
    public static String svg(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("drawing the chart as SVG failed", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The chart in {@code format} with {@code text} for frontends without images. */
    public static MimeBundle bundle(Chart<?, ?> chart, LiveChart.Format format, String text) {
        MimeBundle d = new MimeBundle();
        if (format == LiveChart.Format.SVG) {
            d.put(MimeBundle.SVG, svg(chart));
        } else {
            d.put(MimeBundle.PNG, Base64.getEncoder().encodeToString(png(chart)));
        }
        return d.put(MimeBundle.TEXT, text);
    }

    /** A chart shown as a cell's value: PNG with its title as text. */
    public static MimeBundle bundle(Chart<?, ?> chart) {
        String title = chart.getTitle();
        return bundle(chart, LiveChart.Format.PNG, title == null || title.isEmpty()
                ? "chart, " + chart.getWidth() + " × " + chart.getHeight() : "chart: " + title);
    }
}
