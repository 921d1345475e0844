package io.iotj.kernel.jshell;

import io.iotj.kernel.session.MethodInfo;
import io.iotj.kernel.session.NotebookFunction;
import io.iotj.kernel.session.VariableInfo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.Test;

/** Variables, bindings, notebook methods and snippet sources, as the magics use them. */
class SessionTest {

    private static JavaEvaluator fresh() {
        return new JavaEvaluator(EvaluatorConfig.builder().noDefaultImports().build());
    }

    private static void ok(JavaEvaluator e, String cell) {
        EvalResult r = e.eval(cell);
        assertTrue(r.isSuccess(), () -> ((EvalResult.Failure) r).text());
    }

    @Test
    void bindHandsTheSameHostObjectToSnippets() {
        try (JavaEvaluator e = fresh()) {
            List<String> names = new ArrayList<>(List.of("a"));
            e.bind("names", names);
            ok(e, "names.add(\"b\");");
            assertEquals(List.of("a", "b"), names);
            assertSame(names, e.variable("names").orElseThrow());
            assertEquals(new VariableInfo("names", "java.util.ArrayList"), e.variables().get(0));
        }
    }

    @Test
    void bindTypesLambdasByTheirInterfaceAndAcceptsAnExplicitType() {
        try (JavaEvaluator e = fresh()) {
            Function<Integer, Integer> inc = x -> x + 1;
            e.bind("inc", inc);
            assertEquals(3, ((EvalResult.Success) e.eval("inc.apply(2)")).value());
            e.bind("strings", new ArrayList<>(List.of("x")), "java.util.List<String>");
            assertEquals("X", ((EvalResult.Success) e.eval("strings.get(0).toUpperCase()")).value());
            e.bind("nothing", null);
            assertTrue(e.hasVariable("nothing"));
            assertTrue(e.variable("nothing").isEmpty());
            EvaluationException bad = assertThrows(EvaluationException.class, () -> e.bind("n", "text", "Integer"));
            assertInstanceOf(EvalResult.RuntimeError.class, bad.failure());
        }
    }

    @Test
    void evalObjectReturnsLiveValuesAndLeavesNoTrace() {
        try (JavaEvaluator e = fresh()) {
            ok(e, "StringBuilder sb = new StringBuilder(\"x\");");
            Object o = e.evalObject("sb.append(\"y\")");
            assertSame(e.variable("sb").orElseThrow(), o);
            assertEquals(7, e.evalObject("3 + 4"));
            assertEquals(List.of("sb"), e.variables().stream().map(VariableInfo::name).toList());
            EvaluationException bad = assertThrows(EvaluationException.class, () -> e.evalObject("nope + 1"));
            assertInstanceOf(EvalResult.CompileError.class, bad.failure());
            assertThrows(IllegalArgumentException.class, () -> e.evalObject("int z = 1;"));
        }
    }

    @Test
    void notebookMethodsAreCallableFromOtherThreads() throws Exception {
        try (JavaEvaluator e = fresh()) {
            ok(e, "double times_two(double x) { return 2 * x; }");
            NotebookFunction f = e.functionFor("times_two").orElseThrow();
            assertEquals("(double)double", f.signature());
            assertEquals(1, f.arity());
            Object r = CompletableFuture.supplyAsync(() -> {
                try {
                    return f.call(21.0);
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }).get(5, TimeUnit.SECONDS);
            assertEquals(42.0, r);
            assertTrue(e.functionFor("no_such").isEmpty());
        }
    }

    @Test
    void lookupsFollowRedefinitionsOfMethodsAndTheirDependencies() throws Exception {
        try (JavaEvaluator e = fresh()) {
            ok(e, "double g(double x) { return x; }\ndouble f(double x) { return g(x) + 1; }");
            assertEquals(2.0, e.functionFor("f").orElseThrow().call(1.0));
            ok(e, "double g(double x) { return 10 * x; }");
            assertEquals(11.0, e.functionFor("f").orElseThrow().call(1.0));
            ok(e, "int f(int a, int b) { return a * b; }");
            assertEquals(2, e.functionsNamed("f").size());
            assertThrows(IllegalArgumentException.class, () -> e.functionFor("f"));
        }
    }

    @Test
    void notebookFunctionsRethrowTheUsersException() {
        try (JavaEvaluator e = fresh()) {
            ok(e, "int check(int x) { if (x < 0) throw new IllegalArgumentException(\"negative\"); return x; }");
            NotebookFunction f = e.functionFor("check").orElseThrow();
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> f.call(-1));
            assertEquals("negative", ex.getMessage());
        }
    }

    @Test
    void methodsNotYetCallableAreListedButNotReturned() {
        try (JavaEvaluator e = fresh()) {
            EvalResult.Success s = (EvalResult.Success) e.eval("int later(int x) { return helper(x); }");
            assertTrue(s.notes().get(0).contains("helper(int)"), s.notes().toString());
            assertFalse(e.methods().get(0).callable());
            assertTrue(e.functionFor("later").isEmpty());
            EvalResult r = e.eval("later(1)");
            EvalResult.RuntimeError err = assertInstanceOf(EvalResult.RuntimeError.class, r);
            assertTrue(err.message().contains("helper"), err.message());
            ok(e, "int helper(int x) { return x + 1; }");
            assertTrue(e.methods().get(0).callable());
            assertEquals(2, ((EvalResult.Success) e.eval("later(1)")).value());
        }
    }

    @Test
    void redefinitionsTellWhatHappenedToDependents() {
        try (JavaEvaluator e = fresh()) {
            ok(e, "class Box { }\nBox box = new Box();\nint peek() { return box.hashCode(); }");
            EvalResult.Success changed = (EvalResult.Success) e.eval("class Box { int size; }");
            assertEquals(List.of("variable box was reset to null because what it uses was redefined"),
                    changed.notes());
            EvalResult.Success broken = (EvalResult.Success) e.eval("interface Box { }");
            assertEquals(2, broken.notes().size(), broken.notes().toString());
            assertTrue(broken.notes().get(0).startsWith("variable box cannot be used until"),
                    broken.notes().toString());
        }
    }

    @Test
    void activeSnippetSourcesKeepDeclarationsInOrder() {
        try (JavaEvaluator e = fresh()) {
            ok(e, """
                    import java.util.List;
                    int base = 2;
                    int sq(int x) { return x * x; }
                    class Holder { int v; }
                    sq(base);
                    System.out.print("");""");
            ok(e, "int base = 3;");
            assertEquals(List.of("import java.util.List;", "int sq(int x) { return x * x; }",
                    "class Holder { int v; }", "int base = 3;"), e.activeSnippetSources());
            assertEquals(List.of(new MethodInfo("sq", "(int)int", "int sq(int x) { return x * x; }", true)),
                    e.methods());
        }
    }

    @Test
    void hostAndSnippetsShareClassesBothWays() {
        try (JavaEvaluator e = fresh()) {
            assertEquals("hello cell",
                    ((EvalResult.Success) e.eval("new io.iotj.kernel.jshell.HostGreeter().greet(\"cell\")")).value());
            ok(e, """
                    class Doubler implements java.util.function.IntUnaryOperator {
                        public int applyAsInt(int v) { return 2 * v; }
                    }
                    var op = new Doubler();""");
            IntUnaryOperator op = (IntUnaryOperator) e.variable("op").orElseThrow();
            assertEquals(8, op.applyAsInt(4));
        }
    }

    @Test
    void failingStartupImportsAreReportedAndDoNotBreakTheSession() {
        EvaluatorConfig config = EvaluatorConfig.builder()
                .startup("import static no.such.Display.*;")
                .startup("import java.util.concurrent.atomic.AtomicLong;")
                .build();
        try (JavaEvaluator e = new JavaEvaluator(config)) {
            assertEquals(5L, ((EvalResult.Success) e.eval("new AtomicLong(5).get()")).value());
            assertEquals(1, e.startupProblems().size());
            assertTrue(e.startupProblems().get(0).startsWith("import static no.such.Display.*;"),
                    e.startupProblems().toString());
            // default imports are there too
            assertTrue(e.eval("List<Integer> l = new ArrayList<>();").isSuccess());
        }
    }

    @Test
    void closeAndRestart() {
        JavaEvaluator first = fresh();
        ok(first, "int x = 1;");
        first.close();
        assertThrows(IllegalStateException.class, () -> first.eval("x"));
        try (JavaEvaluator second = fresh()) {
            assertInstanceOf(EvalResult.CompileError.class, second.eval("x"), "a new session starts empty");
            ok(second, "int x = 2;");
            assertEquals(2, second.variable("x").orElseThrow());
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("iotj-cell")), "no cell thread left behind");
    }
}
