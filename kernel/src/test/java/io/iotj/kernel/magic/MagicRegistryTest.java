package io.iotj.kernel.magic;

import io.github.spencerpark.jupyter.kernel.magic.registry.LineMagic;
import io.iotj.display.MimeBundle;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MagicRegistryTest {
    private final MagicRegistry registry = new MagicRegistry();
    private final List<String> classpath = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<String> ran = new ArrayList<>();

    MagicRegistryTest() {
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        new BuiltinMagics(registry, code -> {
            ran.add(code);
            return code.length();
        }, classpath::add, () -> out).register();
    }

    public static final class Annotated {
        @LineMagic("shout")
        public String shout(List<String> args) {
            return String.join(" ", args).toUpperCase();
        }
    }

    @Test
    void namesOfAllRegistrationStylesAreListedAndSorted() throws Exception {
        registry.registerMagics(new Annotated());
        assertEquals(List.of("classpath", "lsmagic", "shout", "time"), List.copyOf(registry.lineMagicNames()));
        assertEquals(List.of("html", "markdown", "svg", "time"), List.copyOf(registry.cellMagicNames()));
        assertEquals("A B", registry.applyLine("shout", "a b", List.of("a", "b")));
        String listing = registry.applyLineMagic("lsmagic", List.of()).toString();
        assertEquals("Line magics: %classpath %lsmagic %shout %time\nCell magics: %%html %%markdown %%svg %%time", listing);
    }

    @Test
    void cellMagicsTurnTheirBodyIntoTheRightMimeType() throws Exception {
        MimeBundle html = registry.applyCellMagic("html", List.of(), "<b>x</b>");
        assertEquals("<b>x</b>", html.get(MimeBundle.HTML));
        MimeBundle md = registry.applyCellMagic("markdown", List.of(), "# T");
        assertEquals("# T", md.get(MimeBundle.MARKDOWN));
        MimeBundle svg = registry.applyCellMagic("svg", List.of(), "<svg/>");
        assertEquals("<svg/>", svg.get(MimeBundle.SVG));
    }

    @Test
    void timeRunsTheRawCodeReturnsItsValueAndPrintsTheWallTime() throws Exception {
        Object value = registry.applyLine("time", "foo(\"a  b\")", List.of("foo(\"a", "b\")"));
        assertEquals(List.of("foo(\"a  b\")"), ran, "the code reaches the runner unsplit");
        assertEquals(11, value);
        assertTrue(printed.toString(StandardCharsets.UTF_8).startsWith("Wall time: "), printed.toString());
    }

    @Test
    void classpathExpandsGlobsAndRejectsPatternsThatMatchNothing(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("a.jar"));
        Files.createFile(dir.resolve("b.jar"));
        Files.createFile(dir.resolve("notes.txt"));
        registry.applyLineMagic("classpath", List.of(dir + "/*.jar"));
        assertEquals(List.of(dir.resolve("a.jar").toString(), dir.resolve("b.jar").toString()), classpath);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.applyLineMagic("classpath", List.of(dir + "/*.zip")));
        assertTrue(e.getMessage().contains("nothing matches"), e.getMessage());
        String listing = registry.applyLineMagic("classpath", List.of()).toString();
        assertTrue(listing.contains("a.jar") && listing.contains("b.jar"), listing);
    }
}
