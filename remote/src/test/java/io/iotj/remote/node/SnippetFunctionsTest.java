package io.iotj.remote.node;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The node's side of snippet shipping: the sources the kernel sends for {@code f} (see the kernel's SnippetSourcesTest) compile and run. */
class SnippetFunctionsTest {
    @Test
    void shippedSourcesDefineTheFunctionOnTheNode() throws Exception {
        List<String> shipped = List.of("import java.util.*;", "int factor = 3;",
                "record Scaled(int v) { int times() { return v * factor; } }",
                "int scale(int x) { return new Scaled(x).times(); }",
                "int f(int x) { return scale(x) + 1; }");
        try (SnippetFunctions node = new SnippetFunctions()) {
            for (String s : shipped) node.define(s);
            Function<Object[], Object> f = node.resolve("f", 1).orElseThrow();
            assertEquals(7, f.apply(new Object[]{2L}), "3 * 2 + 1 on the node");
        }
    }
}
