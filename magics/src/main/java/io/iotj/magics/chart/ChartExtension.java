package io.iotj.magics.chart;

import io.iotj.kernel.KernelContext;
import io.iotj.kernel.KernelExtension;
import io.iotj.magics.live.LiveDisplays;
import io.iotj.ml.smile.SmileFit;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Charts in the kernel: renderers for XChart charts, live charts, progress bars and Smile models
 * as cell values; the scheduler that keeps live charts up to date; and the static import of
 * {@link Charts} into the session.
 */
public final class ChartExtension implements KernelExtension {
    /** What every session imports: {@code lineChart(...)}, {@code progress(...)} and their types need no prefix. */
    public static final String IMPORT = "import static io.iotj.magics.chart.Charts.*; "
            + "import io.iotj.magics.chart.LiveChart; import io.iotj.magics.chart.Progress;";
    private static final String[] SMILE_MODELS = {
        "smile.regression.Regression", "smile.classification.Classifier", "smile.clustering.CentroidClustering",
        "smile.anomaly.IsolationForest",
    };

    @Override
    public void start(KernelContext kernel) {
        System.setProperty("java.awt.headless", "true");
        kernel.renderers().register(Chart.class, c -> ChartImages.bundle(c));
        kernel.renderers().register(LiveChart.class, LiveChart::display);
        kernel.renderers().register(Progress.class, Progress::display);
        kernel.renderers().register(SmileFit.class, ModelSummary::of);
        for (String name : SMILE_MODELS) {
            try {
                kernel.renderers().register(Class.forName(name), ModelSummary::ofModel);
            } catch (ClassNotFoundException e) {
                // Another Smile version without this type: its models show as text.
            }
        }
        LiveDisplays displays = new LiveDisplays();
        ChartSession.install(new ChartSession(kernel, displays));
        kernel.onShutdown(displays::close);
        kernel.session().declare(IMPORT);
    }
}
