package io.iotj.magics.chart;

import io.iotj.display.MimeBundle;
import io.iotj.ml.smile.SmileFit;
import io.iotj.ml.smile.SmileModels;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelSummaryTest {

    @Test
    void aFittedModelShowsItsAlgorithmRowsAndReport() {
        SmileFit fit = SmileModels.of("ols").fit(new double[][] {{1, 0}, {2, 1}, {3, 0}, {4, 1}, {5, 3}},
                new double[] {2, 5, 6, 9, 13});
        MimeBundle d = ModelSummary.of(fit);
        String html = String.valueOf(d.get(MimeBundle.HTML));
        String text = String.valueOf(d.get(MimeBundle.TEXT));
        assertTrue(html.startsWith("<div class=\"iotj-model\"><b>ols"), html);
        assertTrue(text.contains("trained on 5 rows"), text);
        assertTrue(text.contains("Intercept"), "Smile's own report, with the coefficients: " + text);
    }

    @Test
    void longReportsAreCutAndMarkupIsEscaped() {
        Object model = new Object() {
            @Override
            public String toString() {
                return "<script>" + "x".repeat(10_000);
            }
        };
        MimeBundle d = ModelSummary.ofModel(model);
        String html = String.valueOf(d.get(MimeBundle.HTML));
        assertTrue(!html.contains("<script>") && html.contains("&lt;script&gt;"), "escaped");
        assertTrue(html.length() < ModelSummary.MAX_CHARS + 1000, "cut: " + html.length());
        assertTrue(html.contains("more characters"));
    }
}
