package io.iotj.kernel.jshell;

import jdk.jshell.JShell;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a remote node gets to define a cell method; the node side compiles the same list in remote's SnippetFunctionsTest. */
class SnippetSourcesTest {
    @Test
    void aFunctionTravelsWithWhatItUsesInDefinitionOrder() {
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
            assertEquals(List.of("import java.util.*;", "int factor = 3;",
                    "record Scaled(int v) { int times() { return v * factor; } }",
                    "int scale(int x) { return new Scaled(x).times(); }",
                    "int f(int x) { return scale(x) + 1; }"), SnippetSources.collect(notebook, List.of("f")));
            assertEquals(List.of(), SnippetSources.collect(notebook, List.of("Math.abs")), "not a notebook function");
        }
    }
}
