package io.iotj.magics.chart;

import io.iotj.assemble.Assembler;
import io.iotj.assemble.AssemblyException;
import io.iotj.assemble.FunctionResolver;
import io.iotj.assemble.LeafRegistry;
import io.iotj.assemble.TemplateSource;
import io.iotj.parse.TemplateParser;
import io.iotj.runtime.RunningGraph;
import io.iotj.runtime.Runtimes;
import io.iotj.template.Template;
import io.iotj.template.TemplateLibrary;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlotLeafTest {

    private static Template parse(String text) {
        return TemplateParser.parseTemplate(text, PlotLeaf.register(TemplateLibrary.standard()));
    }

    private static Assembler assembler() {
        return new Assembler(TemplateSource.of(), PlotLeaf.register(LeafRegistry.standard()),
                FunctionResolver.standard(FunctionResolver.of(Map.of())));
    }

    @Test
    void plotDrawsTheZippedStreamsOfAGraph() throws Exception {
        Template t = parse("""
                compare(actual:stream, predicted:stream) -> None {
                    both = zip(in=[actual, predicted]);
                    plot(in=both, title="prediction against actual", series=["actual", "predicted"], max_points=20,
                         x_title="minute", y_title="output (V)");
                }
                """);
        PlotLeaf.forgetAssembled();
        var assembly = assembler().assemble("g", t, Map.of());
        List<LiveChart> charts = PlotLeaf.showAssembled(() -> true);
        assertEquals(1, charts.size());
        LiveChart chart = charts.get(0);
        RunningGraph g = Runtimes.singleThread().start(assembly.graph());
        try {
            for (int i = 0; i < 50; i++) {
                g.in("actual").append((double) i);
                g.in("predicted").append(i + 0.5);
            }
            g.awaitIdle(Duration.ofSeconds(10));
        } finally {
            g.stop();
        }
        assertEquals(20, chart.points("actual"), "only the last max_points are kept");
        assertEquals(20, chart.points("predicted"));
        assertTrue(chart.text().startsWith("prediction against actual"), chart.text());
        Map<?, ?> described = (Map<?, ?>) chart.display().metadata().get(LiveChart.DESCRIPTION);
        assertEquals("minute", described.get("x_title"), "the template's axis titles are drawn");
        assertEquals("output (V)", ((Map<?, ?>) ((List<?>) described.get("panels")).get(0)).get("y_title"));
    }

    @Test
    void eventsArePlacedAtTheirTimeAndScalesCanBeShared() throws Exception {
        Template t = parse("""
                sensors(readings:stream) -> None {
                    plot(in=readings, title="two rooms", scales="shared");
                }
                """);
        PlotLeaf.forgetAssembled();
        var assembly = assembler().assemble("g", t, Map.of());
        LiveChart chart = PlotLeaf.showAssembled(() -> true).get(0);
        RunningGraph g = Runtimes.singleThread().start(assembly.graph());
        long t0 = 1_733_300_000_000L;
        try {
            for (int i = 0; i < 20; i++) {
                g.in("readings").append(new io.iotj.stream.Event<>("kitchen", t0 + i * 1000L, t0 + i * 1000L, 20.0 + i));
                g.in("readings").append(new io.iotj.stream.Event<>("cellar", t0 + i * 1000L, t0 + i * 1000L, 900.0 + i));
            }
            g.awaitIdle(Duration.ofSeconds(10));
        } finally {
            g.stop();
        }
        assertEquals(List.of("kitchen", "cellar"), chart.seriesNames(), "a line per key");
        assertEquals(1, chart.panels().size(), "scales=\"shared\" keeps one y axis for 20 and 900");
        Map<?, ?> described = (Map<?, ?>) chart.display().metadata().get(LiveChart.DESCRIPTION);
        assertEquals("time", described.get("x_title"));
        for (Object tick : (List<?>) described.get("x_ticks")) {
            assertTrue(tick.toString().matches("\\d\\d:\\d\\d:\\d\\d"), "clock times: " + described);
        }
    }

    @Test
    void badParametersAreNamedAtAssembly() {
        Template t = parse("""
                bad(x:stream) -> None {
                    plot(in=x, kind="pie");
                }
                """);
        AssemblyException e = assertThrows(AssemblyException.class, () -> assembler().assemble("g", t, Map.of()));
        assertTrue(e.getMessage().contains("kind") && e.getMessage().contains("line, scatter and anomaly"), e.getMessage());
        Template axis = parse("""
                bad(x:stream) -> None {
                    plot(in=x, x_axis="days");
                }
                """);
        e = assertThrows(AssemblyException.class, () -> assembler().assemble("g", axis, Map.of()));
        assertTrue(e.getMessage().contains("x_axis") && e.getMessage().contains("number, seconds and time"), e.getMessage());
        PlotLeaf.forgetAssembled();
    }

    @Test
    void plotPartsAreFoundInsideTemplatesOfTemplates() {
        TemplateLibrary library = PlotLeaf.register(TemplateLibrary.standard());
        library.register(TemplateParser.parseTemplate("""
                drawn(x:stream) -> y:stream {
                    y = map(in=x, function="abs");
                    plot(in=y);
                }
                """, library));
        Template outer = TemplateParser.parseTemplate("""
                outer(a:stream) -> b:stream {
                    b = drawn(x=a);
                }
                """, library);
        Template plain = TemplateParser.parseTemplate("""
                plain(a:stream) -> b:stream {
                    b = map(in=a, function="abs");
                }
                """, library);
        assertEquals("drawn0.plot0", PlotLeaf.findPlot(outer, library::find), "named as the assembler names nested parts");
        assertEquals(null, PlotLeaf.findPlot(plain, library::find));
    }
}
