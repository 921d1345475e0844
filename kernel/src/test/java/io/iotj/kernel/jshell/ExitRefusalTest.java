package io.iotj.kernel.jshell;

import io.iotj.kernel.session.NotebookFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell cannot end the JVM (and with it the kernel): every way of calling System.exit, Runtime.exit
 * or Runtime.halt from code a cell runs ends in {@link ExitRefusedError} where it was called, and the
 * session goes on. If a refusal failed, this test's own JVM would end and the build would say so.
 */
class ExitRefusalTest {

    /** One session for all: each test uses names of its own, as cells of one notebook would. */
    private static JavaEvaluator session;

    @BeforeAll
    static void start() {
        session = new JavaEvaluator(EvaluatorConfig.builder().build());
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static EvalResult.RuntimeError refused(JavaEvaluator e, String cell) {
        EvalResult r = e.eval(cell);
        EvalResult.RuntimeError err = assertInstanceOf(EvalResult.RuntimeError.class, r, () -> cell + " -> " + r);
        assertEquals(ExitRefusedError.class.getName(), err.name(), cell);
        assertTrue(err.message().contains("was refused"), err.message());
        return err;
    }

    @Test
    void directCallsAndMethodReferencesAreRefusedAndTheSessionGoesOn() {
        {
            JavaEvaluator e = session;
            EvalResult.RuntimeError exit = refused(e, "int before = 1;\nSystem.exit(3);");
            assertTrue(exit.message().startsWith("System.exit(3) was refused"), exit.message());
            assertTrue(exit.text().contains("line 2"), "the trace points at the call:\n" + exit.text());
            assertTrue(!exit.text().contains("ExitGuard"), "no frame of the guard itself:\n" + exit.text());
            refused(e, "Runtime.getRuntime().exit(4);");
            refused(e, "Runtime.getRuntime().halt(5);");
            refused(e, "IntConsumer exit = System::exit; exit.accept(6);");
            refused(e, "IntConsumer halt = Runtime.getRuntime()::halt; halt.accept(7);");
            refused(e, "ObjIntConsumer<Runtime> exit = Runtime::exit; exit.accept(Runtime.getRuntime(), 8);");
            assertEquals(2, ((EvalResult.Success) e.eval("before + 1")).value());
        }
    }

    @Test
    void aThreadTheCellStartedIsRefusedToo() {
        {
            JavaEvaluator e = session;
            EvalResult r = e.eval("""
                    Throwable[] seen = new Throwable[1];
                    Thread t = new Thread(() -> System.exit(9));
                    t.setUncaughtExceptionHandler((th, ex) -> seen[0] = ex);
                    t.start();
                    t.join();
                    seen[0].getMessage()""");
            EvalResult.Success s = assertInstanceOf(EvalResult.Success.class, r, r::toString);
            assertTrue(String.valueOf(s.value()).startsWith("System.exit(9) was refused"), String.valueOf(s.value()));
        }
    }

    @Test
    void aCellMethodAGraphCallsIsRefusedInTheGraphsThread() throws Exception {
        {
            JavaEvaluator e = session;
            assertTrue(e.eval("int stopAll(int x) { if (x > 2) Runtime.getRuntime().halt(x); return x; }").isSuccess());
            NotebookFunction f = e.functionFor("stopAll").orElseThrow();
            Thread graph = new Thread(() -> {
                assertEquals(1, f.call(1));
                assertThrows(ExitRefusedError.class, () -> f.call(3));
            });
            Throwable[] failed = new Throwable[1];
            graph.setUncaughtExceptionHandler((t, ex) -> failed[0] = ex);
            graph.start();
            graph.join();
            assertEquals(null, failed[0]);
        }
    }

    @Test
    void aJarAddedToTheSessionCannotExitEither(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("tool/Tool.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package tool;
                public class Tool {
                    public static String run(String[] args) {
                        if (args.length == 0) { System.err.println("usage: tool FILE"); System.exit(2); }
                        return "ran " + args[0];
                    }
                }""");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", dir.resolve("classes").toString(), src.toString()));
        Path jar = dir.resolve("tool.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("tool/Tool.class"));
            j.write(Files.readAllBytes(dir.resolve("classes/tool/Tool.class")));
        }
        {
            JavaEvaluator e = session;
            e.addToClasspath(jar.toString());
            assertEquals("ran x", ((EvalResult.Success) e.eval("tool.Tool.run(new String[] {\"x\"})")).value());
            refused(e, "tool.Tool.run(new String[0]);");
            assertEquals(jar.toString(), ((EvalResult.Success) e.eval("java.nio.file.Path.of(tool.Tool.class"
                            + ".getProtectionDomain().getCodeSource().getLocation().toURI()).toString()")).value(),
                    "a guarded class still says which jar it came from");
        }
    }
}
