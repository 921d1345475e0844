package io.iotj.kernel;

import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.iotj.display.MimeBundle;
import io.iotj.kernel.jshell.EvaluatorConfig;
import io.iotj.kernel.output.OutputRouter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The kernel's cell semantics with a real JShell evaluator (no Jupyter wire). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IotjKernelTest {
    private final IotjKernel kernel = new IotjKernel();
    private OutputRouter router;

    /** A real extension, as the magics module would write one. */
    static final class Greeter implements KernelExtension {
        @Override
        public void start(KernelContext k) {
            k.magics().registerLineMagic("hello", args -> "hello " + String.join(" ", args));
            k.session().bind("greeting", "hi from an extension", "String");
            k.renderers().register(java.time.Duration.class, d -> MimeBundle.text(d.toMillis() + " ms"));
        }
    }

    static final class Broken implements KernelExtension {
        @Override
        public void start(KernelContext k) {
            throw new IllegalStateException("no broker");
        }

        @Override
        public String name() {
            return "broken";
        }
    }

    @BeforeAll
    void start() {
        router = new OutputRouter((ctx, stream, text) -> { }, System.out, System.err, 4);
        kernel.initialize(EvaluatorConfig.builder().startup(IotjKernel.DISPLAY_IMPORT).build(),
                new ExtensionContext(kernel, router), List.of(new Greeter(), new Broken()));
    }

    @AfterAll
    void stop() {
        kernel.onShutdown(false);
        router.close();
    }

    private Object value(String cell) {
        CellOutcome outcome = kernel.runCell(cell, null);
        if (outcome instanceof CellOutcome.Failed f) fail(f.name() + ": " + f.message() + "\n" + f.traceback());
        CellOutcome.Done done = (CellOutcome.Done) outcome;
        assertTrue(done.hasValue(), "no value for: " + cell);
        return done.value();
    }

    private CellOutcome.Failed failure(String cell) {
        CellOutcome outcome = kernel.runCell(cell, null);
        return assertInstanceOf(CellOutcome.Failed.class, outcome);
    }

    @Test
    void codeAndLineMagicsRunInOrderAndTheLastValueIsTheResult() {
        assertEquals(42, value("int a = 2;\n%lsmagic\na * 21"));
        assertInstanceOf(MimeBundle.class, value("int b = 1;\n%lsmagic"), "a magic last gives the magic's value");
    }

    @Test
    void compileErrorsAfterAMagicNameTheCellsLine() {
        CellOutcome.Failed f = failure("%lsmagic\nint x = ;");
        assertEquals("CompilationException", f.name());
        assertTrue(f.message().startsWith("line 2, column 9"), f.message());
    }

    @Test
    void unknownMagicsAndFailingMagicsAreReadableErrors() {
        CellOutcome.Failed unknown = failure("%nosuch 1 2");
        assertEquals("UnknownMagic", unknown.name());
        assertTrue(unknown.message().contains("%nosuch") && unknown.message().contains("%lsmagic"), unknown.message());
        CellOutcome.Failed bad = failure("%classpath /no/such/dir/*.jar");
        assertTrue(bad.message().contains("nothing matches"), bad.message());
        assertTrue(bad.traceback().stream().noneMatch(l -> l.contains("at io.iotj")), "no stack trace of ours");
    }

    @Test
    void timeReportsTheFailureOfTheCodeItRuns() {
        CellOutcome.Failed f = failure("%time int y = ;");
        assertEquals("CompilationException", f.name());
        assertEquals(7, value("%time 3 + 4"));
    }

    @Test
    void rawLineMagicsGetTheirLineAsWrittenEvenWithAnOddQuote() {
        // %time takes Java code: a quote in a comment or a char literal is no magic argument.
        assertEquals(7, value("%time 3 + 4 // don't split me"));
        assertEquals("\"", value("%time \"\\\"\" // it's one quote"));
    }

    @Test
    void errorsInCodeThatTimeRunsNameTheCellsLineAndColumn() {
        CellOutcome.Failed line = failure("int t1 = 1;\n%time int y = ;");
        assertTrue(line.message().startsWith("line 2, column 15"), line.message());
        CellOutcome.Failed body = failure("%%time\nint t2 = 1;\nint y = ;");
        assertTrue(body.message().startsWith("line 3, column 9"), body.message());
        CellOutcome.Failed nested = failure("%%time\nint t3 = 1;\n  %time int y = ;");
        assertTrue(nested.message().startsWith("line 3, column 17"), nested.message());
    }

    @Test
    void displayIsImportedInEverySession() {
        MimeBundle d = (MimeBundle) value("html(\"<b>x</b>\")");
        assertEquals("<b>x</b>", d.get(MimeBundle.HTML));
    }

    @Test
    void classpathMakesCompiledClassesUsable(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/demo/Twice.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package demo; public class Twice { public static int of(int x) { return 2 * x; } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
        assertEquals(0, rc);
        value("%classpath " + classes);
        assertEquals(42, value("demo.Twice.of(21)"));
    }

    @Test
    void extensionsRegisterMagicsRenderersAndVariablesAndFailuresAreReported() {
        assertEquals("hello a b", value("%hello a b"));
        assertEquals("hi from an extension", value("greeting"));
        assertEquals("1500 ms", kernel.render(java.time.Duration.ofMillis(1500)).toString());
        // Other tests may have taken the notes first; run alone, the broken extension's note is there.
        List<String> notes = kernel.takeStartupNotes();
        assertTrue(notes.isEmpty() || notes.stream().anyMatch(n -> n.contains("broken") && n.contains("no broker")), notes.toString());
    }

    @Test
    void aNoteOfAnExtensionWaitsForTheNextCell() {
        new ExtensionContext(kernel, router).startupNote("templates/bad.json: malformed JSON at line 1");
        List<String> notes = kernel.takeStartupNotes();
        assertTrue(notes.contains("templates/bad.json: malformed JSON at line 1"), notes.toString());
        assertFalse(kernel.takeStartupNotes().contains("templates/bad.json: malformed JSON at line 1"), "shown once");
    }

    @Test
    void magicNamesCompleteAtLineStarts() {
        ReplacementOptions line = kernel.complete("%ls", 3);
        assertEquals(List.of("%lsmagic"), line.getReplacements());
        assertEquals(0, line.getSourceStart());
        assertEquals(List.of("%%html"), kernel.complete("%%ht", 4).getReplacements());
        assertEquals(List.of(), kernel.complete("int a;\n%%ht", 11).getReplacements(), "cell magics only on the first line");
        assertTrue(kernel.complete("%t", 2).getReplacements().containsAll(List.of("%time", "%%time")));
        assertTrue(kernel.complete("Strin", 5).getReplacements().contains("String"), "Java completion otherwise");
    }

    @Test
    void isCompleteKnowsCellMagicsAndOpenBlocks() {
        assertEquals("complete", kernel.isComplete("%%html\n<b>"));
        assertEquals("complete", kernel.isComplete("int q = 1;"));
        assertTrue(kernel.isComplete("for (int i = 0; i < 3; i++) {").isBlank(), "incomplete gives an indent");
    }

    @Test
    void notesOfASuccessfulCellAreWarningsOnStdoutNotErrorsOnStderr() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        java.io.ByteArrayOutputStream outText = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream errText = new java.io.ByteArrayOutputStream();
        System.setOut(new PrintStream(outText, true));
        System.setErr(new PrintStream(errText, true));
        try {
            kernel.runCell("void later() { notYetDefined(); }", null);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String shown = io.iotj.kernel.output.ErrorStyle.plain(outText.toString());
        assertTrue(shown.startsWith("warning: method later() was defined, but cannot be used until"), shown);
        assertTrue(errText.toString().isBlank(), "stderr is for errors: " + errText);
    }
}
