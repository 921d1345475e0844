package io.iotj.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.parse.TemplateParser;
import io.iotj.runtime.RunningGraph;
import io.iotj.runtime.RuntimeOptions;
import io.iotj.runtime.Runtimes;
import io.iotj.runtime.GraphStatus;
import io.iotj.stream.Tuple;
import io.iotj.template.Template;
import io.iotj.template.TemplateLibrary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Templates written in the template language, parsed by the parser, assembled and run. */
class TemplateTextTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** IoTpy's section 3.2 text. */
    private static final String THESIS_TEST = """
            test(x:stream, y:stream) -> z:stream {
              a = map(in=x, function="times_two");
              b = map(in=x, function="iden");
              z = zip(in=[a,b]);
            }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void thesisTestFromTextGivesPairs(String mode) throws Exception {
        TemplateLibrary lib = TemplateLibrary.standard();
        Template t = TemplateParser.parseTemplate(THESIS_TEST, lib);
        assertEquals(Templates.thesisTest().components(), t.components());
        lib.register(t);
        Assembler a = Assembler.standard(TemplateSource.library(lib),
                FunctionResolver.of(Map.of("times_two", (Function<Integer, Integer>) v -> 2 * v)));
        RunningGraph g = Runtimes.named(mode, RuntimeOptions.DEFAULT).start(a.assemble("text-" + mode, "test", Map.of()).graph());
        try {
            g.in("x").extend(List.of(1, 2, 3));
            assertTrue(g.awaitIdle(WAIT), g.status().toString());
            assertEquals(List.of(Tuple.of(2, 1), Tuple.of(4, 2), Tuple.of(6, 3)), g.out("z").values());
        } finally {
            g.stop();
        }
        assertEquals(GraphStatus.State.STOPPED, g.status().state());
        for (Thread th : Thread.getAllStackTraces().keySet()) {
            assertFalse(th.getName().startsWith("iotj-text-" + mode), th.getName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void windowsAndNestedTemplatesFromText(String mode) throws Exception {
        TemplateLibrary lib = TemplateLibrary.standard();
        lib.register(TemplateParser.parseTemplate("""
                sums(in:stream) -> out:stream {
                  out = window(in=in, function="sum", window_size=4, step_size=4);
                }
                """, lib));
        lib.register(TemplateParser.parseTemplate("""
                app(x:stream) -> evens:stream, odd_sums:stream {
                  evens = filter(in=x, function="even");
                  odd = filter(in=x, function="odd");
                  odd_sums = sums(in=odd);
                }
                """, lib));
        Assembler a = Assembler.standard(TemplateSource.library(lib), FunctionResolver.of(Map.of(
                "even", (java.util.function.Predicate<Integer>) v -> v % 2 == 0,
                "odd", (java.util.function.Predicate<Integer>) v -> v % 2 != 0)));
        RunningGraph g = Runtimes.named(mode, RuntimeOptions.DEFAULT).start(a.assemble("app-" + mode, "app", Map.of()).graph());
        try {
            g.in("x").extend(java.util.stream.IntStream.range(0, 16).boxed().toList());
            assertTrue(g.awaitIdle(WAIT), g.status().toString());
            assertEquals(List.of(0, 2, 4, 6, 8, 10, 12, 14), g.out("evens").values());
            assertEquals(List.of(1 + 3 + 5 + 7, 9 + 11 + 13 + 15), g.out("odd_sums").values());
        } finally {
            g.stop();
        }
    }
}
