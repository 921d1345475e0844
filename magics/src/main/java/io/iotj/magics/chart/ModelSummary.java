package io.iotj.magics.chart;

import io.iotj.display.MimeBundle;
import io.iotj.magics.html.Xml;
import io.iotj.ml.smile.SmileFit;

import java.util.Locale;

/**
 * Smile models as a cell's value: a short HTML summary (algorithm, what it learns, rows) above the
 * model's own report (Smile's {@code toString}, e.g. a regression's coefficient table), cut to
 * {@value #MAX_CHARS} characters.
 */
public final class ModelSummary {
    /** The longest model report shown. */
    public static final int MAX_CHARS = 4000;

    private ModelSummary() {
    }

    /** A trained window's model. */
    public static MimeBundle of(SmileFit fit) {
        String head = fit.algorithm() + " · " + fit.kind().name().toLowerCase(Locale.ROOT) + " · trained on "
                + fit.rows() + " rows";
        return bundle(head, fit.model());
    }

    /** A Smile model object (regression, classifier, clustering). */
    public static MimeBundle ofModel(Object model) {
        return bundle(model.getClass().getSimpleName(), model);
    }

    private static MimeBundle bundle(String head, Object model) {
        String report = String.valueOf(model).strip();
        if (report.length() > MAX_CHARS) {
            report = report.substring(0, MAX_CHARS) + "\n… (" + (report.length() - MAX_CHARS) + " more characters)";
        }
        String html = "<div class=\"iotj-model\"><b>" + Xml.escape(head) + "</b> <span style=\"color:#666\">("
                + Xml.escape(model.getClass().getName()) + ")</span><pre>" + Xml.escape(report) + "</pre></div>";
        return new MimeBundle().put(MimeBundle.HTML, html).put(MimeBundle.TEXT, head + "\n" + report);
    }
}
