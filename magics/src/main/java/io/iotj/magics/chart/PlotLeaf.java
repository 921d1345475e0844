package io.iotj.magics.chart;

import io.iotj.assemble.LeafContext;
import io.iotj.assemble.LeafRegistry;
import io.iotj.stream.Ops;
import io.iotj.template.Component;
import io.iotj.template.Param;
import io.iotj.template.Template;
import io.iotj.template.TemplateLibrary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The {@code plot} leaf: a live chart of a stream, drawn below the {@code %assemble} cell.
 * <pre>
 * plot(in:stream, kind*, title*, series*, max_points*, format*, threshold*, x_title*, y_title*, x_axis*, scales*)
 * </pre>
 * {@code kind} is line (default), scatter or anomaly (see {@link LiveChart#accept(Object)} for the
 * values each takes); {@code series} names the line series (a list of strings); {@code max_points}
 * the points kept per series (500); {@code format} png (default) or svg; {@code threshold} the
 * anomaly score from which values are flagged; {@code x_title} and {@code y_title} the axis titles
 * (by default "reading #" and the series' names); {@code x_axis} number (default), seconds (since
 * a start, drawn as m:ss) or time (epoch milliseconds, drawn as clock times; the default for
 * streams of events, drawn at their event time); {@code scales} split (default: line series of
 * different scales get a panel each) or shared (one y axis). Example, prediction against actual:
 * <pre>
 * both = zip(in=[actual, z]);
 * plot(in=both, title="prediction against actual", series=["actual", "predicted"], y_title="output");
 * </pre>
 *
 * <p>Assembly only builds the chart; whoever starts the graph shows the charts of that assembly
 * ({@link #showAssembled}), so a template that fails to assemble leaves no dead chart behind.
 */
public final class PlotLeaf {
    /** The leaf's name in templates. */
    public static final String NAME = "plot";
    private static final ThreadLocal<List<LiveChart>> ASSEMBLED = ThreadLocal.withInitial(ArrayList::new);

    private PlotLeaf() {
    }

    /** The leaf's signature. */
    public static Template template() {
        return new Template(NAME, NAME,
                List.of(new Param("in", Param.STREAM), Param.of("kind"), Param.of("title"), Param.of("series"),
                        Param.of("max_points"), Param.of("format"), Param.of("threshold"), Param.of("x_title"),
                        Param.of("y_title"), Param.of("x_axis"), Param.of("scales")),
                List.of(), List.of("kind", "title", "series", "max_points", "format", "threshold", "x_title", "y_title",
                        "x_axis", "scales"),
                List.of(), List.of(), List.of());
    }

    /** Adds the signature to a template library. */
    public static TemplateLibrary register(TemplateLibrary library) {
        return library.register(template());
    }

    /** Adds the implementation to a leaf registry. */
    public static LeafRegistry register(LeafRegistry leaves) {
        leaves.register(NAME, PlotLeaf::assemble);
        return leaves;
    }

    private static void assemble(LeafContext ctx) {
        // Every parameter is read before anything is built: the assembler may retry this leaf.
        String kindWord = String.valueOf(ctx.optional("kind", "line"));
        String title = String.valueOf(ctx.optional("title", ""));
        List<Object> series = ctx.list("series");
        double maxPoints = ctx.doubleValue("max_points", LiveChart.DEFAULT_MAX_POINTS);
        String formatWord = String.valueOf(ctx.optional("format", "png"));
        double threshold = ctx.doubleValue("threshold", Double.NaN);
        Object xTitle = ctx.optional("x_title", null);
        Object yTitle = ctx.optional("y_title", null);
        Object xAxisWord = ctx.optional("x_axis", null);
        String scales = String.valueOf(ctx.optional("scales", "split"));
        var in = ctx.stream("in");

        LiveChart.Kind kind;
        LiveChart.Format format;
        try {
            kind = LiveChart.Kind.of(kindWord);
        } catch (IllegalArgumentException e) {
            throw ctx.error("kind", e.getMessage());
        }
        try {
            format = LiveChart.Format.of(formatWord);
        } catch (IllegalArgumentException e) {
            throw ctx.error("format", e.getMessage());
        }
        LiveChart.XAxis xAxis = null;
        if (xAxisWord != null) {
            try {
                xAxis = LiveChart.XAxis.of(String.valueOf(xAxisWord));
            } catch (IllegalArgumentException e) {
                throw ctx.error("x_axis", e.getMessage());
            }
        }
        if (!scales.equals("split") && !scales.equals("shared")) {
            throw ctx.error("scales", "must be split (a panel per scale) or shared (one y axis), was " + scales);
        }
        if (maxPoints != Math.rint(maxPoints) || maxPoints < 2 || maxPoints > 100_000) {
            throw ctx.error("max_points", "must be a whole number from 2 to 100000, was " + maxPoints);
        }
        List<String> names = new ArrayList<>();
        for (Object o : series) {
            if (!(o instanceof String s)) {
                throw ctx.error("series", "must be a list of names (strings), holds " + o);
            }
            names.add(s);
        }
        if (names.size() > LiveChart.MAX_SERIES) {
            throw ctx.error("series", "names " + names.size() + " series; a chart draws at most " + LiveChart.MAX_SERIES);
        }
        LiveChart chart = new LiveChart(kind, title.isEmpty() ? ctx.part() : title, (int) maxPoints,
                names.toArray(String[]::new)).format(format);
        if (!Double.isNaN(threshold)) {
            chart.threshold(threshold);
        }
        if (xTitle != null) {
            chart.xTitle(String.valueOf(xTitle));
        }
        if (yTitle != null) {
            chart.yTitle(String.valueOf(yTitle));
        }
        if (xAxis != null) {
            chart.xAxis(xAxis);
        }
        chart.splitScales(scales.equals("split"));
        ctx.add(Ops.sink(NAME, in, chart::accept));
        ASSEMBLED.get().add(chart);
    }

    /**
     * The path of the first {@code plot} part in {@code t} or the templates it is made of
     * ({@code outer.inner}), or null. A plot draws in the notebook, so it cannot run on a remote node.
     */
    public static String findPlot(Template t, Function<String, Optional<Template>> templates) {
        return findPlot(t, templates, "", new HashSet<>());
    }

    private static String findPlot(Template t, Function<String, Optional<Template>> templates, String prefix,
                                   Set<String> seen) {
        if (!seen.add(t.name())) {
            return null; // a template used twice (or, wrongly, inside itself) is looked at once
        }
        for (Component c : t.components()) {
            if (c.template().equals(NAME)) {
                return prefix + c.part();
            }
            Optional<Template> inner = templates.apply(c.template());
            if (inner.isPresent() && inner.get().isComposite()) {
                String found = findPlot(inner.get(), templates, prefix + c.part() + ".", seen);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * Forgets the charts assembled on this thread so far (call before assembling: a failed
     * assembly's charts are never shown).
     */
    public static void forgetAssembled() {
        ASSEMBLED.get().clear();
    }

    /**
     * Shows the charts assembled on this thread since {@link #forgetAssembled()}, each updated
     * until {@code graphFinished} holds (the graph stopped or failed), then sent once more.
     *
     * @return the charts shown
     */
    public static List<LiveChart> showAssembled(BooleanSupplier graphFinished) {
        List<LiveChart> charts = List.copyOf(ASSEMBLED.get());
        ASSEMBLED.get().clear();
        for (LiveChart c : charts) {
            c.showUntil(graphFinished);
        }
        return charts;
    }
}
