package io.iotj.remote.node;

import jdk.jshell.JShell;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

class SnippetCollectorTest {
    @Test
    void aFunctionTravelsWithWhatItUsesAndCompilesOnANode() throws Exception {
        List<String> shipped;
        try (JShell notebook = JShell.builder().executionEngine("local").build()) {
            for (String cell : List.of(
                    "import java.util.*;",
                    "int unrelated(int x) { return -x; }",
                    "int factor = 3;",
                    "record Scaled(int v) { int times() { return v * factor; } }",
                    "int scale(int x) { return new Scaled(x).times(); }",
                    "int f(int x) { return scale(x) + 1; }")) {
                notebook.eval(cell);
            }
            shipped = SnippetCollector.collect(notebook, List.of("f"));
            assertEquals(List.of("import java.util.*;", "int factor = 3;",
                    "record Scaled(int v) { int times() { return v * factor; } }",
                    "int scale(int x) { return new Scaled(x).times(); }",
                    "int f(int x) { return scale(x) + 1; }"), shipped);
            assertEquals(List.of(), SnippetCollector.collect(notebook, List.of("Math.abs")), "not a notebook function");
        }
        try (SnippetFunctions node = new SnippetFunctions()) {
            for (String s : shipped) node.define(s);
            Function<Object[], Object> f = node.resolve("f", 1).orElseThrow();
            assertEquals(7, f.apply(new Object[]{2L}), "3 * 2 + 1 on the node");
        }
    }
}
