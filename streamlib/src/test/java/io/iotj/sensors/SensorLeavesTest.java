package io.iotj.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.assemble.Assembler;
import io.iotj.assemble.Assembly;
import io.iotj.assemble.AssemblyException;
import io.iotj.assemble.FunctionResolver;
import io.iotj.assemble.LeafRegistry;
import io.iotj.assemble.TemplateSource;
import io.iotj.parse.TemplateParser;
import io.iotj.runtime.GraphStatus;
import io.iotj.runtime.RunningGraph;
import io.iotj.runtime.Runtimes;
import io.iotj.stream.Event;
import io.iotj.template.Template;
import io.iotj.template.TemplateLibrary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code sensors} leaf in templates, run by both runtimes. */
class SensorLeavesTest {

    private static Assembly assemble(String text) {
        Template t = TemplateParser.parseTemplate(text, SensorLeaves.register(TemplateLibrary.standard()));
        return new Assembler(TemplateSource.of(t), SensorLeaves.register(LeafRegistry.standard()),
                FunctionResolver.standard(FunctionResolver.of(Map.of()))).assemble("fleet", t, Map.of());
    }

    @Test
    void aFleetAsFastAsPossibleGivesItsCountAndTellsItsAnomalies() throws Exception {
        for (String mode : List.of("single", "threads")) {
            Assembly a = assemble("""
                    fleet() -> readings, truth {
                        readings, truth = sensors(devices=7, rate=2, anomalies=0.02, disorder="1s", speed=0, count=5000, seed=4);
                    }
                    """);
            RunningGraph g = (mode.equals("single") ? Runtimes.singleThread() : Runtimes.threads()).start(a.graph());
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (g.out("readings").count() < 5000 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertTrue(g.awaitIdle(Duration.ofSeconds(10)), mode + ": " + g.status());
                assertEquals(5000, g.out("readings").count(), mode);
                long truth = g.out("truth").count();
                assertTrue(truth > 50 && truth < 160, mode + ": about 2 % anomalies, was " + truth);
                Object first = g.out("readings").values().get(0);
                assertTrue(first instanceof Event<?> e && e.key().startsWith("d") && e.value() instanceof Double, String.valueOf(first));
            } finally {
                g.stop();
            }
            assertEquals(GraphStatus.State.STOPPED, g.status().state());
        }
    }

    @Test
    void aRealTimeFleetPacesItsReadings() throws Exception {
        Assembly a = assemble("""
                fleet() -> readings {
                    readings = sensors(devices=5, rate=20);
                }
                """);
        long start = System.nanoTime();
        RunningGraph g = Runtimes.threads().start(a.graph());
        try {
            // 100 readings a second: 200 readings take at least two seconds, however idle the
            // machine (a loaded one may take longer; the fleet never runs ahead of the clock).
            long deadline = start + Duration.ofSeconds(60).toNanos();
            while (g.out("readings").count() < 200 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(g.out("readings").count() >= 200, "readings keep coming");
            assertTrue(seconds >= 1.9, "200 readings at 100 a second came in " + seconds + " s");
        } finally {
            g.stop();
        }
    }

    @Test
    void badParametersNameThePartAndParameter() {
        AssemblyException e = assertThrows(AssemblyException.class, () -> assemble("""
                fleet() -> readings {
                    readings = sensors(devices=5, delayed=0.1);
                }
                """));
        assertTrue(e.getMessage().contains("max_delay"), e.getMessage());
        e = assertThrows(AssemblyException.class, () -> assemble("""
                fleet() -> readings {
                    readings = sensors(disorder="soon");
                }
                """));
        assertTrue(e.getMessage().contains("disorder") && e.getMessage().contains("\"5s\""), e.getMessage());
        e = assertThrows(AssemblyException.class, () -> assemble("""
                fleet() -> readings {
                    readings = sensors(rate=0);
                }
                """));
        assertTrue(e.getMessage().contains("rate"), e.getMessage());
    }
}
