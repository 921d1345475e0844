package io.iotj.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.stream.IotStream;
import io.iotj.stream.Tuple;
import io.iotj.template.Template;
import io.iotj.template.TemplateLibrary;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The template library's leaf signatures and the assembler's leaves agree. */
class LibraryLeavesTest {

    @Test
    void everyLeafSignatureHasAnImplementation() {
        LeafRegistry leaves = LeafRegistry.standard();
        for (Template t : TemplateLibrary.leaves()) {
            assertTrue(leaves.find(t.assembly()).isPresent(), "no implementation for leaf " + t.name());
        }
        assertEquals(TemplateLibrary.leaves().size(), leaves.names().size());
    }

    @Test
    void theThesisTestAssemblesAgainstTheLibrary() {
        TemplateLibrary lib = TemplateLibrary.standard().register(Templates.thesisTest());
        Assembler a = Assembler.standard(TemplateSource.library(lib),
                FunctionResolver.of(Map.of("times_two", (Function<Integer, Integer>) v -> 2 * v)));
        Assembly asm = a.assemble("lib", "test", Map.of());
        @SuppressWarnings("unchecked")
        List<Object> z = ((IotStream<Object>) asm.graph().outputs().get("z")).toList();
        @SuppressWarnings("unchecked")
        IotStream<Object> x = (IotStream<Object>) asm.graph().inputs().get("x");
        x.extend(1, 2, 3);
        assertEquals(List.of(Tuple.of(2, 1), Tuple.of(4, 2), Tuple.of(6, 3)), z);
    }

    @Test
    void anUnknownFunctionForATypedLeafParameterIsCaughtAtAssembly() {
        TemplateLibrary lib = TemplateLibrary.standard().register(Templates.thesisTest());
        Assembler a = Assembler.standard(TemplateSource.library(lib), FunctionResolver.NONE);
        AssemblyException e = org.junit.jupiter.api.Assertions.assertThrows(AssemblyException.class,
                () -> a.assemble("lib", "test", Map.of()));
        assertEquals("map0", e.part());
        assertTrue(e.getMessage().contains("times_two"), e.getMessage());
    }
}
