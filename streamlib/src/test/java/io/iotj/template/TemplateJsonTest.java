package io.iotj.template;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IoTpy's JSON, read and written exactly; bad JSON gets positioned errors. */
class TemplateJsonTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = TemplateJsonTest.class.getResourceAsStream("/io/iotj/parse/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheThesisTestTemplate() throws IOException {
        Template t = TemplateJson.readTemplate(resource("thesis_test.json"));
        Template expected = new Template("test", "assemble",
                List.of(new Param("x", "stream"), new Param("y", "stream")), List.of(new Param("z", "stream")),
                List.of(),
                List.of(new Component("map0", "map"), new Component("map1", "map"), new Component("zip0", "zip")),
                List.of(new External("z", "zip0", "out"), new External("x", "map0", "in"),
                        new External("\"times_two\"", "map0", "function"), new External("x", "map1", "in"),
                        new External("\"iden\"", "map1", "function")),
                List.of(new Internal("map0", "out", null, "zip0", "in", 0),
                        new Internal("map1", "out", null, "zip0", "in", 1)));
        assertEquals(expected, t);
    }

    @Test
    void writeThenReadGivesTheSameTemplateAndTheSameJson() throws IOException {
        for (String name : List.of("thesis_test.json", "thesis_meetup.json", "thesis_linear_regression.json")) {
            String json = resource(name);
            Template t = TemplateJson.readTemplate(json);
            String written = TemplateJson.write(t);
            assertEquals(t, TemplateJson.readTemplate(written), name);
            assertEquals(JsonParser.parseString(json), JsonParser.parseString(written), name);
        }
        List<Template> leaves = TemplateLibrary.leaves();
        assertEquals(leaves, TemplateJson.read(TemplateJson.write(leaves)).templatesOrThrow());
    }

    @Test
    void stringConstantsWithCommasAreWrittenAsTheyAre() {
        // e.g. a CSV separator or a file name: the JSON keeps the constant byte for byte
        Template t = new Template("csv", "assemble", List.of(), List.of(new Param("z", "stream")), List.of(),
                List.of(new Component("map0", "map")),
                List.of(new External("z", "map0", "out"), new External("\"a,b, c\"", "map0", "function")),
                List.of());
        String written = TemplateJson.write(t);
        assertEquals(t, TemplateJson.readTemplate(written));
        assertEquals(written, TemplateJson.write(TemplateJson.readTemplate(written)));
    }

    @Test
    void leavesAreWrittenWithoutComponentKeysAsIoTpyStoredThem() {
        String json = TemplateJson.write(TemplateLibrary.standard().get("zip"));
        assertEquals(JsonParser.parseString("{\"name\": \"zip\", \"assembly\": \"zip\", \"inputs\": [[\"stream\", \"in\"]],"
                + " \"outputs\": [[\"stream\", \"out\"]], \"optional\": []}"), JsonParser.parseString(json));
    }

    @Test
    void readsIoTpysOtherForms() {
        String json = """
                {"name": "t", "assembly": "assemble", "inputs": [["stream", "x"], ["function", "f"]],
                 "outputs": [], "optional": [["f"]],
                 "components": [["unzip0", "unzip"], ["zip0", "zip"], ["mix0", "mix"]],
                 "externals": [["x", "unzip0", "in"]],
                 "internals": [["unzip0", "out", 0, "zip0", "in"],
                               ["unzip0", "out", "zip0", "in", 1],
                               ["unzip0", "out", 1, "mix0", "in", 0]]}
                """;
        Template t = TemplateJson.readTemplate(json);
        assertEquals(List.of("f"), t.optional(), "IoTpy's [name] for a typed optional field reads as the name");
        assertEquals(List.of(new Internal("unzip0", "out", 0, "zip0", "in", null),
                new Internal("unzip0", "out", null, "zip0", "in", 1),
                new Internal("unzip0", "out", 1, "mix0", "in", 0)), t.internals());
        assertEquals(List.of(List.of("unzip0", "out", 0, "zip0", "in"), List.of("unzip0", "out", "zip0", "in", 1)),
                t.internals().subList(0, 2).stream().map(TemplateJson::row).toList());
    }

    @Test
    void readsIoTpysTinyDbFile() {
        // IoTpy kept templates in TinyDB: {"_default": {"1": {"name": ..., "template": "<json string>"}}}.
        String db = "{\"_default\": {\"1\": {\"name\": \"zip\", \"template\": \"{\\\"assembly\\\": \\\"zip\\\", "
                + "\\\"inputs\\\": [[\\\"stream\\\", \\\"in\\\"]], \\\"optional\\\": [], \\\"name\\\": \\\"zip\\\", "
                + "\\\"outputs\\\": [[\\\"stream\\\", \\\"out\\\"]]}\"}, \"2\": {\"name\": \"bad\", \"template\": \"{\\\"name\\\": 1}\"}}}";
        TemplateResult r = TemplateJson.read(db);
        assertEquals(List.of(TemplateLibrary.standard().get("zip")),
                r.templates().stream().map(ParsedTemplate::template).toList());
        assertFalse(r.ok());
        assertTrue(r.errors().get(0).message().startsWith("in the stored template: \"name\" should be a non-empty string"),
                r.format());
        assertEquals(1, r.errors().get(0).line());
    }

    private static TemplateError onlyError(String json, int line, int column, String words) {
        TemplateResult r = TemplateJson.read(json);
        assertEquals(1, r.errors().size(), r::format);
        TemplateError e = r.errors().get(0);
        assertEquals(line, e.line(), e::format);
        assertEquals(column, e.column(), e::format);
        assertTrue(e.message().contains(words), () -> "'" + words + "' not in: " + e.message());
        assertTrue(r.templates().isEmpty());
        return e;
    }

    @Test
    void malformedJsonIsPositioned() {
        onlyError("{\"name\": \"t\",\n \"assembly\": \"assemble\"\n \"inputs\": []}", 3, 3, "malformed JSON");
        onlyError("{\"name\": \"t\", \"assembly\": \"a\"} x", 1, 33, "malformed JSON");
        onlyError("", 1, 1, "empty");
        onlyError("{\"name\": \"t\",", 1, 14, "ends too early");
    }

    @Test
    void wrongShapesArePositionedAtTheElement() {
        onlyError("""
                {"name": "t", "assembly": "assemble",
                 "externals": [["x", "map0", "in"],
                               ["x", "map0"]]}
                """, 3, 16, "an external should be [ext, part, param]");
        onlyError("""
                {"name": "t", "assembly": "assemble",
                 "externals": [["x", "map0", "in", "0"]]}
                """, 2, 36, "an index should be a whole number");
        onlyError("{\"name\": \"t\", \"assembly\": \"assemble\", \"inputs\": [[\"stream\"]]}", 1, 50,
                "should be \"name\" or [\"type\", \"name\"]");
        onlyError("{\"name\": \"t\", \"assembly\": \"assemble\", \"inputs\": {}}", 1, 49, "\"inputs\" should be a list");
        onlyError("{\"name\": \"t\"}", 1, 1, "no \"assembly\" key");
        onlyError("{\"name\": \"t\", \"name\": \"u\", \"assembly\": \"a\"}", 1, 15, "the key \"name\" appears twice");
        onlyError("[1]", 1, 2, "a template should be a JSON object, found the number 1");
        onlyError("{\"name\": \"t\", \"assembly\": \"assemble\", \"internals\": [[\"a\", \"out\", \"b\", \"in\", -1]]}",
                1, 77, "an index should be a whole number 0 or more, found the number -1");
    }

    @Test
    void unknownKeysAreWarnings() {
        TemplateResult r = TemplateJson.read("{\"name\": \"t\", \"assembly\": \"t\", \"colour\": \"red\"}");
        assertTrue(r.ok(), r::format);
        assertEquals(1, r.warnings().size());
        assertEquals(32, r.warnings().get(0).column());
        assertTrue(r.warnings().get(0).message().contains("unknown key \"colour\""));
    }
}
