package io.iotj.magics.library;

import io.iotj.parse.TemplateParser;
import io.iotj.template.ParsedTemplate;
import io.iotj.template.Template;
import io.iotj.template.TemplateLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserTemplatesTest {
    static final String TEST = """
            test(x:stream, y:stream) -> z:stream {
              a = map(in=x, function="times_two");
              b = map(in=x, function="iden");
              z = zip(in=[a, b]);
            }
            """;

    static Template parse(String text) {
        return TemplateParser.parseTemplate(text, TemplateLibrary.standard());
    }

    @Test
    void theFolderIsUnderIotjHomeElseUnderTheUsersHome() {
        assertEquals(Path.of("/data/iotj", "templates"),
                UserTemplates.folder(Map.of("IOTJ_HOME", "/data/iotj"), "/home/ann"));
        assertEquals(Path.of("/home/ann", ".iotj", "templates"), UserTemplates.folder(Map.of(), "/home/ann"));
        assertEquals(Path.of("/home/ann", ".iotj", "templates"),
                UserTemplates.folder(Map.of("IOTJ_HOME", " "), "/home/ann"));
    }

    @Test
    void savedTemplatesLoadBackEqual(@TempDir Path dir) throws IOException {
        UserTemplates lib = new UserTemplates(dir.resolve("templates"));
        assertTrue(lib.load().templates().isEmpty(), "a missing folder is an empty library");
        Template t = parse(TEST);
        Path f = lib.save(t);
        assertEquals(dir.resolve("templates").resolve("test.json"), f);
        lib.save(t);
        UserTemplates.Loaded loaded = lib.load();
        assertEquals(List.of(), loaded.problems());
        assertEquals(1, loaded.templates().size());
        assertEquals(t, loaded.templates().get(0).getValue().template());
        try (var files = Files.list(dir.resolve("templates"))) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aBrokenFileIsReportedWithItsPositionAndTheOthersStillLoad(@TempDir Path dir) throws IOException {
        UserTemplates lib = new UserTemplates(dir);
        lib.save(parse(TEST));
        Files.writeString(dir.resolve("broken.json"), "{\"name\": \"broken\",\n \"inputs\": [}");
        UserTemplates.Loaded loaded = lib.load();
        assertEquals(1, loaded.templates().size());
        assertEquals(1, loaded.problems().size());
        String p = loaded.problems().get(0);
        assertTrue(p.contains("broken.json") && p.contains("line 2"), p);
    }

    @Test
    void namesThatAreNoFileNamesAreRefused(@TempDir Path dir) {
        Template odd = new Template("../evil", Template.ASSEMBLE, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
        assertThrows(IOException.class, () -> new UserTemplates(dir).save(odd));
    }

    @Test
    void theCatalogKnowsWhereEachTemplateCameFrom() {
        TemplateCatalog c = new TemplateCatalog();
        assertEquals(TemplateCatalog.Origin.BUILTIN, c.find("map").orElseThrow().origin());
        assertEquals("ML", c.find("train").orElseThrow().where(), "the ML leaves are known");
        assertTrue(c.library().find("predict").isPresent());
        ParsedTemplate p = TemplateParser.parse(TEST, c.library()).templates().get(0);
        c.addFromLibrary(p, "/lib/test.json");
        assertEquals(TemplateCatalog.Origin.LIBRARY, c.find("test").orElseThrow().origin());
        c.addFromCell(p);
        assertEquals(TemplateCatalog.Origin.SESSION, c.find("test").orElseThrow().origin());
        assertTrue(c.library().find("test").isPresent(), "the parser and assembler see it");
        assertEquals("test", c.all().getLast().template().name());
        assertEquals(List.of("test"), c.near("tset", 3));
    }
}
