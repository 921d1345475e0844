package io.iotj.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Completion, inspection and completeness. */
class AnalysisTest {
    private static JavaEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = new JavaEvaluator();
        assertTrue(evaluator.eval("int myCounter = 3;\ndouble times_two(double x) { return 2 * x; }").isSuccess());
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    @Test
    void completesTypesWithTheReplaceRange() {
        Completion c = evaluator.complete("int n = Stri", 12);
        assertTrue(c.matches().contains("String"), c.matches().toString());
        assertEquals(8, c.cursorStart());
        assertEquals(12, c.cursorEnd());
    }

    @Test
    void completesMembersAfterADot() {
        String code = "List.of(1, 2).siz";
        Completion c = evaluator.complete(code, code.length());
        assertEquals(List.of("size()"), c.matches());
        assertEquals(code.length() - 3, c.cursorStart());
    }

    @Test
    void completesNotebookDefinitions() {
        Completion c = evaluator.complete("myC", 3);
        assertTrue(c.matches().contains("myCounter"), c.matches().toString());
        Completion m = evaluator.complete("times", 5);
        assertTrue(m.matches().contains("times_two("), m.matches().toString());
    }

    @Test
    void completesInTheMiddleOfACell() {
        String code = "int a = 1;\nSystem.out.prin\nint b = 2;";
        int cursor = code.indexOf("prin") + 4;
        Completion c = evaluator.complete(code, cursor);
        assertTrue(c.matches().contains("println("), c.matches().toString());
        assertEquals(code.indexOf("prin"), c.cursorStart());
    }

    @Test
    void inspectShowsSignaturesAndJdkJavadoc() {
        String code = "String.valueOf(";
        List<Documentation> docs = evaluator.inspect(code, code.length());
        assertTrue(docs.stream().anyMatch(d -> d.signature().equals("String String.valueOf(Object obj)")),
                docs.toString());
        assumeTrue(Files.exists(Path.of(System.getProperty("java.home"), "lib", "src.zip")), "JDK has no src.zip");
        Documentation d = docs.stream().filter(x -> x.signature().contains("Object obj")).findFirst().orElseThrow();
        assertTrue(d.javadoc().contains("string representation"), d.javadoc());
    }

    @Test
    void inspectWorksWithTheCursorInsideAName() {
        List<Documentation> docs = evaluator.inspect("Math.abs(-1)", 7);
        assertTrue(docs.stream().anyMatch(d -> d.signature().contains("Math.abs(")), docs.toString());
    }

    @Test
    void inspectsNotebookMethods() {
        List<Documentation> docs = evaluator.inspect("times_two(", 10);
        assertEquals("double times_two(double x)", docs.get(0).signature());
    }

    @Test
    void inspectFollowsRedefinitions() {
        assertTrue(evaluator.eval("long grow(long x) { return x + 1; }").isSuccess());
        assertEquals("long grow(long x)", evaluator.inspect("grow(", 5).get(0).signature());
        assertTrue(evaluator.eval("String grow(String s) { return s + s; }\nvoid grow(long x) { }").isSuccess());
        List<String> now = evaluator.inspect("grow(", 5).stream().map(Documentation::signature).toList();
        assertTrue(now.contains("String grow(String s)") && now.contains("void grow(long x)"), now.toString());
    }

    @Test
    void inspectsSessionVariables() {
        List<Documentation> docs = evaluator.inspect("myCounter + 1", 4);
        assertEquals(List.of(new Documentation("int myCounter", "myCounter = 3")), docs);
    }

    @Test
    void isCompleteAnswers() {
        assertEquals(Completeness.Verdict.COMPLETE, evaluator.isComplete("int x = 1;").status());
        assertEquals(Completeness.Verdict.COMPLETE, evaluator.isComplete("1 + 1").status());
        assertEquals(Completeness.Verdict.COMPLETE, evaluator.isComplete("int a = 1;\nvoid f() { }\na").status());
        Completeness open = evaluator.isComplete("for (int i = 0; i < 3; i++) {");
        assertEquals(Completeness.Verdict.INCOMPLETE, open.status());
        assertEquals("    ", open.indent());
        Completeness nested = evaluator.isComplete("class A {\n    void m() {\n        String s = \"{\";");
        assertEquals(Completeness.Verdict.INCOMPLETE, nested.status());
        assertEquals("        ", nested.indent());
        assertEquals(Completeness.Verdict.INCOMPLETE, evaluator.isComplete("int x =").status());
        assertEquals(Completeness.Verdict.INVALID, evaluator.isComplete(")").status());
        assertEquals(Completeness.Verdict.COMPLETE, evaluator.isComplete("").status());
    }

    @Test
    void codeThatCanNeverCompileAsWrittenIsInvalidNotComplete() {
        for (String bad : List.of("int 1x = 3;", "x +* 2;", "int f() { return 1 }", "class A { int 1a; }",
                "int a = 1;\nint 2b = a;", "String s = \"abc")) {
            assertEquals(Completeness.Verdict.INVALID, evaluator.isComplete(bad).status(), bad);
        }
        // Complete code of every snippet kind stays complete, also when it uses names nobody defined yet.
        for (String good : List.of("import java.util.*;", "var v = 3;", "Foo f = new Foo();", "x -> x * 2",
                "record P(int x, int y) {}", "public static final int K = 3;", "enum E { A, B }",
                "int y = switch (k) { case 1 -> 2; default -> 3; };", "void later();", "a.b.c",
                "int[] a = {1, 2};", "System.out.println(\"hi\") // done", "@FunctionalInterface interface F { int f(); }",
                "for (int i = 0; i < 3; i++) { }", "String t = \"\"\"\n  text\n  \"\"\";")) {
            assertEquals(Completeness.Verdict.COMPLETE, evaluator.isComplete(good).status(), good);
        }
    }

    @Test
    void completionOfGarbageDoesNotThrow() {
        Completion c = evaluator.complete(")))(((", 99);
        assertFalse(c.cursorStart() > c.cursorEnd());
    }
}
