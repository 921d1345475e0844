package io.iotj.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error reports users read, and the classpath. */
class ErrorReportTest {
    private static JavaEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = new JavaEvaluator();
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    @Test
    void messagesNameVariablesAndClassesAsTheUserWroteThem() {
        EvalResult r = evaluator.eval("String nothing = null;\nnothing.length()", "In [2]");
        EvalResult.RuntimeError e = assertInstanceOf(EvalResult.RuntimeError.class, r);
        assertEquals("Cannot invoke \"String.length()\" because \"nothing\" is null", e.message());
        assertEquals("java.lang.NullPointerException: " + e.message(), e.traceback().get(0));
        evaluator.eval("class Reading { double v; }");
        EvalResult cast = evaluator.eval("Object o = new Reading();\nString s = (String) o;");
        EvalResult.RuntimeError c = assertInstanceOf(EvalResult.RuntimeError.class, cast);
        assertTrue(c.message().startsWith("class Reading cannot be cast to class java.lang.String"), c.message());
        assertTrue(!c.text().contains("$JShell$"), c.text());
    }

    @Test
    void framesMapToCellLinesEvenAfterCommentsAndBlankLines() {
        EvalResult r = evaluator.eval("""
                // helpers

                /* a class */
                class Parser {
                    int parse(String s) {
                        return Integer.parseInt(s);
                    }
                }
                var p = new Parser();
                int total = 0;
                total += p.parse("x1");""", "In [7]");
        EvalResult.RuntimeError e = assertInstanceOf(EvalResult.RuntimeError.class, r);
        assertEquals("java.lang.NumberFormatException", e.className());
        List<String> tb = e.traceback();
        assertTrue(tb.contains("\tat Parser.parse (In [7], line 6)"), e.text());
        assertTrue(tb.get(tb.size() - 1).equals("\tat In [7], line 11"), e.text());
        assertTrue(tb.stream().anyMatch(l -> l.contains("java.lang.Integer.parseInt")), "JDK frames the user called stay");
        StackTraceElement top = e.exception().getStackTrace()[e.exception().getStackTrace().length - 1];
        assertEquals("In [7]", top.getFileName(), "the live exception carries the cleaned trace too");
    }

    @Test
    void codeAfterAMagicLineCountsLinesFromWhereItStarts() {
        EvalResult.CompileError c = assertInstanceOf(EvalResult.CompileError.class,
                evaluator.eval("int m1 = 1;\nint m2 = nope;", "In [2]", 3));
        assertEquals(4, c.diagnostics().get(0).line());
        EvalResult.RuntimeError r = assertInstanceOf(EvalResult.RuntimeError.class,
                evaluator.eval("int m3 = 1;\nint m4 = m3 / 0;", "In [3]", 5));
        assertEquals("\tat In [3], line 6", r.traceback().get(1));
    }

    @Test
    void exceptionsDefinedInCellsAreNamedAsWritten() {
        evaluator.eval("class QuotaExceeded extends RuntimeException { QuotaExceeded(String m) { super(m); } }");
        EvalResult r = evaluator.eval("throw new QuotaExceeded(\"too many\");");
        EvalResult.RuntimeError e = assertInstanceOf(EvalResult.RuntimeError.class, r);
        assertEquals("QuotaExceeded", e.className());
        assertEquals("QuotaExceeded: too many", e.traceback().get(0));
    }

    @Test
    void causesAreShown() {
        EvalResult r = evaluator.eval("throw new RuntimeException(\"outer\", new java.io.IOException(\"disk\"));");
        EvalResult.RuntimeError e = assertInstanceOf(EvalResult.RuntimeError.class, r);
        assertTrue(e.traceback().contains("Caused by: java.io.IOException: disk"), e.text());
    }

    @Test
    void deepRecursionIsShortened() {
        evaluator.eval("int down(int n) { return down(n + 1) + 1; }");
        EvalResult.RuntimeError e = assertInstanceOf(EvalResult.RuntimeError.class, evaluator.eval("down(0)"));
        assertEquals("java.lang.StackOverflowError", e.className());
        assertTrue(e.traceback().size() <= 62, "lines: " + e.traceback().size());
        assertTrue(e.text().contains("more frames"), e.text());
    }

    @Test
    void unfinishedCellIsAPositionedError() {
        EvalResult r = evaluator.eval("int ok1 = 1;\nfor (int i = 0; i < 3; i++) {\n    ok1 += i;\n");
        EvalResult.CompileError e = assertInstanceOf(EvalResult.CompileError.class, r);
        assertTrue(e.message().contains("reached end of file"), e.message());
        assertTrue(e.diagnostics().get(0).line() >= 3, e.text());
    }

    @Test
    void severalErrorsInOneSnippetAreAllReported() {
        EvalResult r = evaluator.eval("void broken() {\n    int a = \"s\";\n    undefinedCall();\n}");
        EvalResult.CompileError e = assertInstanceOf(EvalResult.CompileError.class, r);
        assertEquals(List.of(2, 3), e.diagnostics().stream().map(CompileDiagnostic::line).toList(), e.text());
        assertEquals(13, e.diagnostics().get(0).column());
        assertEquals(5, e.diagnostics().get(1).column());
    }

    @Test
    void evaluatingFromInsideACellIsRefusedInsteadOfDeadlocking() {
        evaluator.bind("self", evaluator);
        EvalResult r = evaluator.eval("self.eval(\"1\")");
        EvalResult.RuntimeError e = assertInstanceOf(EvalResult.RuntimeError.class, r);
        assertEquals("java.lang.IllegalStateException", e.className());
    }

    @Test
    void addToClasspathMakesNewClassesUsable(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/demo/Shout.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package demo; public class Shout { public static String of(String s) { return s.toUpperCase() + \"!\"; } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString()));
        assertInstanceOf(EvalResult.CompileError.class, evaluator.eval("demo.Shout.of(\"a\")"));
        evaluator.addToClasspath(classes.toString());
        assertEquals("HI!", ((EvalResult.Success) evaluator.eval("demo.Shout.of(\"hi\")")).value());
        assertThrows(IllegalArgumentException.class, () -> evaluator.addToClasspath(dir.resolve("missing.jar").toString()));
    }
}
