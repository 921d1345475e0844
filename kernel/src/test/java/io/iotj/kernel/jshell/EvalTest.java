package io.iotj.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EvalTest {
    private static JavaEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = new JavaEvaluator();
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    private static EvalResult.Success ok(String cell) {
        EvalResult r = evaluator.eval(cell);
        if (r instanceof EvalResult.Failure f) {
            throw new AssertionError("cell failed: " + f.text());
        }
        return (EvalResult.Success) r;
    }

    @Test
    void lastExpressionIsTheLiveValue() {
        EvalResult.Success s = ok("int a1 = 20;\nint b1 = 22;\na1 + b1");
        assertTrue(s.hasValue());
        assertEquals(42, s.value());
        assertEquals("int", s.typeName());
    }

    @Test
    void valueIsTheActualObjectNotItsText() {
        EvalResult.Success s = ok("new java.util.ArrayList<>(List.of(1, 2, 3))");
        assertInstanceOf(java.util.ArrayList.class, s.value());
        assertEquals(List.of(1, 2, 3), s.value());
    }

    @Test
    void statementsDeclarationsAndVoidCallsHaveNoValue() {
        assertFalse(ok("int c1 = 5;").hasValue());
        assertFalse(ok("System.out.print(\"\");").hasValue());
        assertFalse(ok("void noop() {}\nnoop();").hasValue());
        assertFalse(ok("for (int i = 0; i < 2; i++) { }").hasValue());
    }

    @Test
    void aTrailingSemicolonHidesTheValue() {
        assertTrue(ok("List.of(1).isEmpty()").hasValue());
        assertFalse(ok("List.of(1).isEmpty();").hasValue());
    }

    @Test
    void nullIsAValue() {
        EvalResult.Success s = ok("String n1 = null;\nn1");
        assertTrue(s.hasValue());
        assertNull(s.value());
    }

    @Test
    void methodsClassesImportsAndStatementsInOneCell() {
        EvalResult.Success s = ok("""
                import java.util.concurrent.atomic.AtomicInteger;
                record Point(int x, int y) { int sum() { return x + y; } }
                int twice(int v) { return 2 * v; }
                AtomicInteger counter = new AtomicInteger();
                for (int i = 0; i < 3; i++) counter.incrementAndGet();
                twice(new Point(counter.get(), 4).sum())
                """);
        assertEquals(14, s.value());
    }

    @Test
    void compileErrorIsPositionedWithinTheCell() {
        EvalResult r = evaluator.eval("int d1 = 1;\nint d2 = 2;\n\n  int d3 = d1 + missing;\n");
        EvalResult.CompileError e = assertInstanceOf(EvalResult.CompileError.class, r);
        CompileDiagnostic d = e.diagnostics().get(0);
        assertEquals(4, d.line());
        assertEquals(17, d.column());
        assertTrue(d.message().startsWith("cannot find symbol"), d.message());
        assertEquals("  int d3 = d1 + missing;", d.sourceLine());
        assertTrue(e.text().contains("  int d3 = d1 + missing;\n                ^"), e.text());
        // snippets before the error ran
        assertEquals(Integer.valueOf(2), evaluator.variable("d2").orElseThrow());
    }

    @Test
    void runtimeErrorTraceIsTrimmedToTheUsersFrames() {
        ok("int divide(int a, int b) {\n    return a / b;\n}");
        EvalResult r = evaluator.eval("int e1 = 1;\ndivide(e1, 0)");
        EvalResult.RuntimeError e = assertInstanceOf(EvalResult.RuntimeError.class, r);
        assertEquals("java.lang.ArithmeticException", e.className());
        assertEquals("/ by zero", e.message());
        assertInstanceOf(ArithmeticException.class, e.exception());
        assertEquals("java.lang.ArithmeticException: / by zero", e.traceback().get(0));
        assertTrue(e.traceback().get(1).matches("\\tat divide \\(cell \\d+, line 2\\)"), e.text());
        assertTrue(e.traceback().get(2).matches("\\tat cell \\d+, line 2"), e.text());
        assertEquals(3, e.traceback().size(), e.text());
        assertFalse(e.text().contains("jdk.") || e.text().contains("reflect") || e.text().contains("iotj"), e.text());
    }

    @Test
    void laterCellsRunAfterAFailureAndKeepVariables() {
        ok("int f1 = 7;");
        assertInstanceOf(EvalResult.RuntimeError.class, evaluator.eval("throw new IllegalStateException(\"boom\");"));
        assertInstanceOf(EvalResult.CompileError.class, evaluator.eval("int = ;"));
        assertEquals(8, ok("f1 + 1").value());
    }
}
