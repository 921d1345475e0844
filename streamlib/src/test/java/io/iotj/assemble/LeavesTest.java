package io.iotj.assemble;

import static io.iotj.assemble.Templates.composite;
import static io.iotj.assemble.Templates.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.stream.IotStream;
import io.iotj.stream.Tuple;
import io.iotj.stream.WindowState;
import io.iotj.template.Component;
import io.iotj.template.External;
import io.iotj.template.Internal;
import io.iotj.template.Template;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each standard leaf through the assembler, with IoTpy's parameter names, run inline. */
class LeavesTest {

    private static Assembly assemble(Template t, Map<String, Object> fns) {
        return Assembler.standard(TemplateSource.of(t), FunctionResolver.of(fns)).assemble("g", t.name(), Map.of());
    }

    @SuppressWarnings("unchecked")
    private static IotStream<Object> in(Assembly a, String n) {
        return (IotStream<Object>) a.graph().inputs().get(n);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> out(Assembly a, String n) {
        return ((IotStream<Object>) a.graph().outputs().get(n)).toList();
    }

    @Test
    void timedWindowLeaf() {
        Template t = composite("t", List.of(stream("x")), List.of(stream("y")), List.of(new Component("timed_window0", "timed_window")),
                List.of(new External("x", "timed_window0", "in"), new External("\"iden\"", "timed_window0", "function"),
                        new External("10", "timed_window0", "window_duration"), new External("10", "timed_window0", "step_time"),
                        new External("y", "timed_window0", "out")), List.of());
        Assembly a = assemble(t, Map.of());
        List<Object> y = out(a, "y");
        in(a, "x").extend(Tuple.of(1, "a"), Tuple.of(8, "b"), Tuple.of(12, "c"), Tuple.of(14, "d"), Tuple.of(32, "e"), Tuple.of(50, "f"));
        assertEquals(List.of(Tuple.of(10L, List.of("a", "b")), Tuple.of(20L, List.of("c", "d")), Tuple.of(40L, List.of("e"))), y);
    }

    @Test
    void dynamicWindowLeafPassesTheWindowStateAndParameters() {
        Template t = composite("t", List.of(stream("x")), List.of(stream("y")), List.of(new Component("dynamic_window0", "dynamic_window")),
                List.of(new External("x", "dynamic_window0", "in"), new External("\"label\"", "dynamic_window0", "function"),
                        new External("1", "dynamic_window0", "min_window_size"), new External("4", "dynamic_window0", "max_window_size"),
                        new External("2", "dynamic_window0", "step_size"), new External("\"w\"", "dynamic_window0", "parameters", 0),
                        new External("y", "dynamic_window0", "out")), List.of());
        Fn label = args -> args[2] + "" + args[0] + (((WindowState) args[1]).steady() ? "!" : "");
        Assembly a = assemble(t, Map.of("label", label));
        List<Object> y = out(a, "y");
        for (int i = 0; i < 9; i++) {
            in(a, "x").append(i);
        }
        assertEquals(List.of("w[0]", "w[0, 1, 2]", "w[1, 2, 3, 4]!", "w[3, 4, 5, 6]!", "w[5, 6, 7, 8]!"), y);
    }

    @Test
    void mixSeparateMergeAndFilterLeaves() {
        Template t = composite("t", List.of(stream("a"), stream("b")), List.of(stream("mixed"), stream("evens"), stream("back1"), stream("all")),
                List.of(new Component("mix0", "mix"), new Component("separate0", "separate"), new Component("merge0", "merge"),
                        new Component("filter0", "filter")),
                List.of(new External("a", "mix0", "in", 0), new External("b", "mix0", "in", 1),
                        new External("mixed", "mix0", "out"),
                        new External("None", "separate0", "out", 0), new External("back1", "separate0", "out", 1),
                        new External("a", "merge0", "in", 0), new External("b", "merge0", "in", 1),
                        new External("all", "merge0", "out"),
                        new External("\"even\"", "filter0", "function"), new External("evens", "filter0", "out")),
                List.of(new Internal("mix0", "out", "separate0", "in"), new Internal("merge0", "out", "filter0", "in")));
        Assembly asm = assemble(t, Map.of("even", (java.util.function.Predicate<Integer>) v -> v % 2 == 0));
        List<Object> mixed = out(asm, "mixed");
        List<Object> evens = out(asm, "evens");
        List<Object> back1 = out(asm, "back1");
        in(asm, "a").append(1);
        in(asm, "b").append(10);
        in(asm, "a").append(2);
        assertEquals(List.of(Tuple.of(0, 1), Tuple.of(1, 10), Tuple.of(0, 2)), mixed);
        assertEquals(List.of(10), back1);
        assertEquals(List.of(10, 2), evens);
    }

    @Test
    void aLeafAssembledAloneTakesListsOfStreams() {
        // How a remote node builds one part: the leaf's own parameters given as streams.
        IotStream<Object> a = new IotStream<>("a");
        IotStream<Object> b = new IotStream<>("b");
        IotStream<Object> zipped = new IotStream<>("zipped");
        IotStream<Object> first = new IotStream<>("first");
        IotStream<Object> second = new IotStream<>("second");
        Assembler asm = Assembler.standard(TemplateSource.library(io.iotj.template.TemplateLibrary.standard()), FunctionResolver.NONE);
        asm.assemble("zip-part", "zip", Map.of("in", List.of(a, b), "out", zipped));
        asm.assemble("unzip-part", "unzip", Map.of("in", zipped, "out", List.of(first, second)));
        List<Object> f = first.toList();
        List<Object> g = second.toList();
        a.extend(1, 2);
        b.extend("x", "y");
        assertEquals(List.of(1, 2), f);
        assertEquals(List.of("x", "y"), g);
    }

    @Test
    void separateWithoutIndexedOutputsIsAnError() {
        Template t = composite("t", List.of(stream("x")), List.of(stream("y")), List.of(new Component("separate0", "separate")),
                List.of(new External("x", "separate0", "in"), new External("y", "separate0", "out")), List.of());
        AssemblyException e = assertThrows(AssemblyException.class, () -> assemble(t, Map.of()));
        assertTrue(e.getMessage().contains("by index"), e.getMessage());
    }

    @Test
    void aMissingRequiredParameterIsNamed() {
        Template t = composite("t", List.of(stream("x")), List.of(), List.of(new Component("map0", "map")),
                List.of(new External("x", "map0", "in")), List.of());
        AssemblyException e = assertThrows(AssemblyException.class, () -> assemble(t, Map.of()));
        assertEquals("map0", e.part());
        assertEquals("function", e.param());
    }
}
