package io.iotj.assemble;

import static io.iotj.assemble.Templates.composite;
import static io.iotj.assemble.Templates.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.runtime.RunningGraph;
import io.iotj.runtime.RuntimeOptions;
import io.iotj.runtime.Runtimes;
import io.iotj.runtime.GraphStatus;
import io.iotj.stream.IotStream;
import io.iotj.stream.Tuple;
import io.iotj.template.Component;
import io.iotj.template.External;
import io.iotj.template.Internal;
import io.iotj.template.Param;
import io.iotj.template.Template;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssemblerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final FunctionResolver USER = FunctionResolver.of(Map.of(
            "times_two", (Function<Integer, Integer>) v -> 2 * v));

    private static Assembler assembler(Template... ts) {
        return Assembler.standard(TemplateSource.of(ts), USER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void thesisTestTemplateGivesPairsInBothRuntimes(String mode) throws Exception {
        Assembly a = assembler(Templates.thesisTest()).assemble("test-" + mode, "test", Map.of());
        assertEquals(List.of("map0", "map1", "zip0"), a.graph().parts().stream().map(p -> p.name()).toList());
        RunningGraph g = Runtimes.named(mode, RuntimeOptions.DEFAULT).start(a.graph());
        try {
            g.in("x").extend(List.of(1, 2, 3));
            assertTrue(g.awaitIdle(WAIT), g.status().toString());
            assertEquals(List.of(Tuple.of(2, 1), Tuple.of(4, 2), Tuple.of(6, 3)), g.out("z").values());
            g.in("y").append(7); // declared, never used: accepted, goes nowhere
            assertTrue(g.awaitIdle(WAIT));
        } finally {
            g.stop();
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            assertFalse(t.getName().startsWith("iotj-test-" + mode), t.getName());
        }
    }

    @Test
    void aStreamGivenByTheCallerIsUsed() {
        IotStream<Integer> x = new IotStream<>("sensor");
        Assembly a = assembler(Templates.thesisTest()).assemble("given", "test", Map.of("x", x));
        assertTrue(a.graph().inputs().get("x") == x);
        assertEquals(Templates.thesisTest(), a.graph().origin().orElseThrow().template());
        assertEquals(Map.of("x", x), a.graph().origin().orElseThrow().args());
        List<Object> z = ((IotStream<Object>) a.graph().outputs().get("z")).toList();
        x.extend(5); // not started: operators run inline
        assertEquals(List.of(Tuple.of(10, 5)), z);
    }

    @Test
    void unknownFunctionIsAReadableErrorBeforeAnythingRuns() {
        Template t = composite("t", List.of(stream("x")), List.of(stream("y")),
                List.of(new Component("map0", "map")),
                List.of(new External("x", "map0", "in"), new External("\"times_tow\"", "map0", "function"),
                        new External("y", "map0", "out")), List.of());
        IotStream<Integer> x = new IotStream<>("x");
        AssemblyException e = assertThrows(AssemblyException.class,
                () -> assembler(t).assemble("bad", "t", Map.of("x", x)));
        assertEquals("map0", e.part());
        assertEquals("function", e.param());
        assertTrue(e.getMessage().contains("unknown function \"times_tow\"") && e.getMessage().contains("times_two"), e.getMessage());
        assertTrue(x.consumers().isEmpty(), "no operator may stay attached after a failed assembly");
    }

    @Test
    void unknownTemplateSuggestsNearNames() {
        Template t = composite("t", List.of(stream("x")), List.of(), List.of(new Component("mpa0", "mpa")),
                List.of(new External("x", "mpa0", "in")), List.of());
        AssemblyException e = assertThrows(AssemblyException.class, () -> assembler(t).assemble("g", "t", Map.of()));
        assertTrue(e.getMessage().contains("unknown template \"mpa\"") && e.getMessage().contains("map"), e.getMessage());
    }

    @Test
    void unknownParameterOfTheCallerIsNamed() {
        AssemblyException e = assertThrows(AssemblyException.class,
                () -> assembler(Templates.thesisTest()).assemble("g", "test", Map.of("w", 1)));
        assertTrue(e.getMessage().contains("no parameter w"), e.getMessage());
    }

    @Test
    void funcAndAttributeBindLateAndMapUsesTheBoundMethod() {
        // attribute comes before func in the component order: assembly waits for func's value.
        Template t = composite("counting", List.of(stream("x")), List.of(stream("y"), Param.of("step")),
                List.of(new Component("attribute0", "attribute"), new Component("func0", "func"),
                        new Component("attribute1", "attribute"), new Component("map0", "map")),
                List.of(new External("\"io.iotj.assemble.Counter\"", "func0", "function"),
                        new External("3", "func0", "parameters", 0),
                        new External("\"add\"", "attribute0", "attribute"),
                        new External("\"step\"", "attribute1", "attribute"),
                        new External("step", "attribute1", "out"),
                        new External("x", "map0", "in"), new External("y", "map0", "out")),
                List.of(new Internal("func0", "out", "attribute0", "in"), new Internal("func0", "out", "attribute1", "in"),
                        new Internal("attribute0", "out", "map0", "function")));
        Assembly a = assembler(t).assemble("count", "counting", Map.of());
        assertEquals(3, a.values().get("step"));
        List<Object> y = ((IotStream<Object>) a.graph().outputs().get("y")).toList();
        ((IotStream<Object>) a.graph().inputs().get("x")).extend(1, 2, 3);
        assertEquals(List.of(3, 9, 18), y);
    }

    @Test
    void aValueNobodyProducesIsNamed() {
        Template t = composite("t", List.of(stream("x")), List.of(), List.of(new Component("attribute0", "attribute"),
                        new Component("attribute1", "attribute")),
                List.of(new External("\"a\"", "attribute0", "attribute"), new External("\"b\"", "attribute1", "attribute")),
                List.of(new Internal("attribute1", "out", "attribute0", "in"), new Internal("attribute0", "out", "attribute1", "in")));
        AssemblyException e = assertThrows(AssemblyException.class, () -> assembler(t).assemble("g", "t", Map.of()));
        assertTrue(e.getMessage().contains("no part produces"), e.getMessage());
    }

    @Test
    void aStreamInputWiredWhereAValueIsExpectedIsNamedAsSuch() {
        // y is given (a stream input of the template): "no part produces y" would send the user looking elsewhere
        Template t = composite("t", List.of(stream("x"), stream("y")), List.of(stream("z")), List.of(new Component("map0", "map")),
                List.of(new External("x", "map0", "in"), new External("\"times_two\"", "map0", "function"),
                        new External("y", "map0", "parameters", 0), new External("z", "map0", "out")), List.of());
        AssemblyException e = assertThrows(AssemblyException.class, () -> assembler(t).assemble("g", "t", Map.of()));
        assertEquals("map0", e.part());
        assertTrue(e.getMessage().contains("y is a stream parameter of the template"), e.getMessage());
        assertFalse(e.getMessage().contains("no part produces"), e.getMessage());
    }

    @Test
    void staticMethodsByQualifiedNameAndBuiltinsAndConstants() {
        Template t = composite("t", List.of(stream("x")), List.of(stream("tripled"), stream("sums")),
                List.of(new Component("map0", "map"), new Component("window0", "window")),
                List.of(new External("x", "map0", "in"), new External("\"io.iotj.assemble.Counter.triple\"", "map0", "function"),
                        new External("tripled", "map0", "out"),
                        new External("x", "window0", "in"), new External("\"sum\"", "window0", "function"),
                        new External("4", "window0", "window_size"), new External("4", "window0", "step_size"),
                        new External("sums", "window0", "out")), List.of());
        Assembly a = assembler(t).assemble("g", "t", Map.of());
        List<Object> tripled = ((IotStream<Object>) a.graph().outputs().get("tripled")).toList();
        List<Object> sums = ((IotStream<Object>) a.graph().outputs().get("sums")).toList();
        ((IotStream<Object>) a.graph().inputs().get("x")).extend(new ArrayList<>(IntStream.range(0, 16).boxed().toList()));
        assertEquals(List.of(6, 22, 38, 54), sums);
        assertEquals(3L, tripled.get(1));
    }

    @Test
    void compositesNestAndPartNamesShowThePath() {
        Template twice = composite("twice", List.of(stream("in")), List.of(stream("out")), List.of(new Component("map0", "map")),
                List.of(new External("in", "map0", "in"), new External("\"times_two\"", "map0", "function"),
                        new External("out", "map0", "out")), List.of());
        Template four = composite("four", List.of(stream("x")), List.of(stream("y")),
                List.of(new Component("twice0", "twice"), new Component("twice1", "twice")),
                List.of(new External("x", "twice0", "in"), new External("y", "twice1", "out")),
                List.of(new Internal("twice0", "out", "twice1", "in")));
        Assembly a = assembler(twice, four).assemble("g", "four", Map.of());
        assertEquals(List.of("twice0.map0", "twice1.map0"), a.graph().parts().stream().map(p -> p.name()).toList());
        List<Object> y = ((IotStream<Object>) a.graph().outputs().get("y")).toList();
        ((IotStream<Object>) a.graph().inputs().get("x")).extend(1, 5);
        assertEquals(List.of(4, 20), y);
    }

    @Test
    void unzipAndSeparateTakeIndexedOutputs() {
        Template t = composite("t", List.of(stream("x")), List.of(stream("a"), stream("b")),
                List.of(new Component("unzip0", "unzip")),
                List.of(new External("x", "unzip0", "in"), new External("a", "unzip0", "out", 0), new External("b", "unzip0", "out", 1)),
                List.of());
        Assembly asm = assembler(t).assemble("g", "t", Map.of());
        List<Object> a = ((IotStream<Object>) asm.graph().outputs().get("a")).toList();
        List<Object> b = ((IotStream<Object>) asm.graph().outputs().get("b")).toList();
        ((IotStream<Object>) asm.graph().inputs().get("x")).extend(Tuple.of(1, "one"), Tuple.of(2, "two"));
        assertEquals(List.of(1, 2), a);
        assertEquals(List.of("one", "two"), b);
    }

    @Test
    void statefulMapAndSinkWithParameters() {
        List<Object> seen = new ArrayList<>();
        FunctionResolver fs = FunctionResolver.of(Map.of(
                "running", (Fn) args -> {
                    int s = (Integer) args[1] + (Integer) args[0] * (Integer) args[2];
                    return Tuple.of(s, s);
                },
                "keep", (Fn) args -> seen.add(args[0] + "/" + args[1])));
        Template t = composite("t", List.of(stream("x")), List.of(),
                List.of(new Component("map0", "map"), new Component("sink0", "sink")),
                List.of(new External("x", "map0", "in"), new External("\"running\"", "map0", "function"),
                        new External("0", "map0", "initial_state"), new External("10", "map0", "parameters", 0),
                        new External("\"keep\"", "sink0", "function"), new External("\"!\"", "sink0", "parameters", 0)),
                List.of(new Internal("map0", "out", "sink0", "in")));
        Assembly a = Assembler.standard(TemplateSource.of(t), fs).assemble("g", "t", Map.of());
        ((IotStream<Object>) a.graph().inputs().get("x")).extend(1, 2, 3);
        assertEquals(List.of("10/!", "30/!", "60/!"), seen);
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void aThrowingPartFailsTheAssembledGraph(String mode) throws Exception {
        Template t = composite("t", List.of(stream("x")), List.of(stream("y")), List.of(new Component("map0", "map")),
                List.of(new External("x", "map0", "in"), new External("\"io.iotj.assemble.Counter.inverse\"", "map0", "function"),
                        new External("y", "map0", "out")), List.of());
        RunningGraph g = Runtimes.named(mode, RuntimeOptions.DEFAULT).start(assembler(t).assemble("inv-" + mode, "t", Map.of()).graph());
        g.in("x").extend(List.of(5, 0, 4));
        assertFalse(g.awaitIdle(WAIT));
        GraphStatus s = g.status();
        assertEquals(GraphStatus.State.FAILED, s.state());
        assertEquals("map0", s.part());
        assertEquals(0, s.value());
        assertInstanceOf(ArithmeticException.class, s.error());
        g.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "threads"})
    void sourceLeafWithStateAndInterval(String mode) throws Exception {
        FunctionResolver fs = FunctionResolver.of(Map.of("next", (Fn) args -> Tuple.of(args[0], (Integer) args[0] + 1)));
        Template t = composite("t", List.of(), List.of(stream("out")), List.of(new Component("source0", "source")),
                List.of(new External("\"next\"", "source0", "function"), new External("0", "source0", "initial_state"),
                        new External("0.001", "source0", "time_interval"), new External("5", "source0", "stream_length"),
                        new External("out", "source0", "out")), List.of());
        RunningGraph g = Runtimes.named(mode, RuntimeOptions.DEFAULT)
                .start(Assembler.standard(TemplateSource.of(t), fs).assemble("src-" + mode, "t", Map.of()).graph());
        try {
            long t0 = System.nanoTime();
            while (g.out("out").count() < 5 && System.nanoTime() - t0 < WAIT.toNanos()) {
                Thread.sleep(2);
            }
            assertTrue(g.awaitIdle(WAIT));
            assertEquals(List.of(0, 1, 2, 3, 4), g.out("out").values());
        } finally {
            g.stop();
        }
    }

    @Test
    void wrongParameterTypesAreNamed() {
        Template t = composite("t", List.of(stream("x")), List.of(), List.of(new Component("window0", "window")),
                List.of(new External("x", "window0", "in"), new External("\"sum\"", "window0", "function"),
                        new External("\"four\"", "window0", "window_size"), new External("1", "window0", "step_size")),
                List.of());
        AssemblyException e = assertThrows(AssemblyException.class, () -> assembler(t).assemble("g", "t", Map.of()));
        assertEquals("window0", e.part());
        assertEquals("window_size", e.param());
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
    }
}
