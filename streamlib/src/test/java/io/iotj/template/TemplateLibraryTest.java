package io.iotj.template;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateLibraryTest {

    @Test
    void standardLibraryHoldsTheFourteenLeaves() {
        TemplateLibrary lib = TemplateLibrary.standard();
        assertEquals(List.of("map", "zip", "mix", "unzip", "separate", "sink", "source", "dynamic_window",
                        "func", "attribute", "filter", "window", "timed_window", "merge"),
                TemplateLibrary.leaves().stream().map(Template::name).toList());
        for (Template t : TemplateLibrary.leaves()) {
            assertEquals(t.name(), t.assembly(), "a leaf's assembly is its own name");
            assertFalse(t.isComposite());
            assertTrue(lib.contains(t.name()));
        }
    }

    @Test
    void iotpyLeafSignaturesAreKeptExactly() {
        // IoTpy (tag Rahul) stored map as: inputs [["function","function"],"initial_state","parameters",
        // ["stream","in"]], optional ["initial_state","parameters"], outputs [["stream","out"]].
        Template map = TemplateLibrary.standard().get("map");
        assertEquals(List.of(new Param("function", "function"), Param.of("initial_state"), Param.of("parameters"),
                new Param("in", "stream")), map.inputs());
        assertEquals(List.of(new Param("out", "stream")), map.outputs());
        assertEquals(List.of("initial_state", "parameters"), map.optional());

        Template source = TemplateLibrary.standard().get("source");
        assertEquals(List.of("function", "time_interval", "stream_length", "initial_state", "push", "parameters"),
                source.inputs().stream().map(Param::name).toList());
        assertEquals(List.of("time_interval", "stream_length", "initial_state", "push", "parameters"),
                source.optional());

        Template func = TemplateLibrary.standard().get("func");
        assertEquals(List.of(Param.of("out")), func.outputs(), "func's output is untyped: a late-bound value");
        Template attribute = TemplateLibrary.standard().get("attribute");
        assertEquals(List.of(Param.of("in"), Param.of("attribute")), attribute.inputs());
        assertEquals(List.of(), TemplateLibrary.standard().get("sink").outputs());
        assertEquals(List.of("function", "initial_state", "parameters", "min_window_size", "max_window_size",
                        "step_size", "in"),
                TemplateLibrary.standard().get("dynamic_window").inputs().stream().map(Param::name).toList());
    }

    @Test
    void otherModulesRegisterTemplatesAndMayReplaceTheirOwn() {
        TemplateLibrary lib = TemplateLibrary.standard();
        Template train = new Template("train", "train", List.of(new Param("in", "stream")),
                List.of(new Param("model", "stream")), List.of(), List.of(), List.of(), List.of());
        lib.register(train);
        assertEquals(train, lib.get("train"));
        Template train2 = new Template("train", "train", List.of(new Param("in", "stream"), Param.of("rate")),
                List.of(new Param("model", "stream")), List.of("rate"), List.of(), List.of(), List.of());
        lib.register(train2);
        assertEquals(train2, lib.get("train"));
        assertFalse(TemplateLibrary.standard().contains("train"), "registering does not touch other libraries");
    }

    @Test
    void builtinLeavesCannotBeRedefined() {
        TemplateLibrary lib = TemplateLibrary.standard();
        Template fake = new Template("map", "map", List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        TemplateException e = assertThrows(TemplateException.class, () -> lib.register(fake));
        assertTrue(e.getMessage().contains("built-in"), e.getMessage());
        assertFalse(lib.remove("map"));
    }

    @Test
    void unknownNamesSuggestNearMatches() {
        TemplateLibrary lib = TemplateLibrary.standard();
        TemplateException e = assertThrows(TemplateException.class, () -> lib.get("mpa"));
        assertTrue(e.getMessage().contains("did you mean map"), e.getMessage());
        assertEquals(List.of("timed_window", "dynamic_window", "window").subList(0, 1),
                lib.nearMatches("timed_windw", 1));
        assertTrue(lib.nearMatches("window", 5).contains("timed_window"));
        assertEquals(List.of(), lib.nearMatches("completely_different", 3));
    }
}
