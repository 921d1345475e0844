package io.iotj.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InterruptTest {
    private static JavaEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = new JavaEvaluator();
        evaluator.warmUp();
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    /**
     * Starts {@code cell} on another thread, interrupts it once it has called {@code ready.countDown()} and had
     * 100 ms more, and checks it ends within 1 s of the interrupt.
     */
    private static EvalResult interruptAfterStart(String cell) throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        evaluator.bind("ready", ready);
        CompletableFuture<EvalResult> result = CompletableFuture.supplyAsync(() -> evaluator.eval(cell));
        assertTrue(ready.await(10, TimeUnit.SECONDS), "the cell should start");
        Thread.sleep(100);
        long t0 = System.nanoTime();
        assertTrue(evaluator.interrupt(), "a cell should be running");
        EvalResult r = result.get(5, TimeUnit.SECONDS);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < 1000, "stopping took " + ms + " ms");
        return r;
    }

    @Test
    void busyLoopStopsAndVariablesSurvive() throws Exception {
        assertTrue(evaluator.eval("int kept = 41;").isSuccess());
        EvalResult r = interruptAfterStart("long n = 0;\n{ ready.countDown(); while (true) { n++; } }");
        EvalResult.Interrupted i = assertInstanceOf(EvalResult.Interrupted.class, r);
        assertTrue(!i.abandoned());
        EvalResult.Success next = (EvalResult.Success) evaluator.eval("kept + 1");
        assertEquals(42, next.value());
    }

    @Test
    void busyLoopInsideAMethodStops() throws Exception {
        assertTrue(evaluator.eval("void spin() { int x = 0; for (;;) { x ^= 1; } }").isSuccess());
        assertInstanceOf(EvalResult.Interrupted.class, interruptAfterStart("{ ready.countDown(); spin(); }"));
    }

    @Test
    void sleepingCellStops() throws Exception {
        assertInstanceOf(EvalResult.Interrupted.class, interruptAfterStart("{ ready.countDown(); Thread.sleep(60_000); }"));
    }

    @Test
    void cellThatSwallowsExceptionsStillStops() throws Exception {
        EvalResult r = interruptAfterStart("""
                {
                    ready.countDown();
                    while (true) {
                        try { Thread.sleep(10_000); } catch (Exception e) { }
                    }
                }""");
        assertInstanceOf(EvalResult.Interrupted.class, r);
    }

    @Test
    void stuckCellIsAbandonedAfterTheGracePeriod() throws Exception {
        try (JavaEvaluator quick = new JavaEvaluator(EvaluatorConfig.builder()
                .stopGrace(Duration.ofMillis(200)).build())) {
            java.util.concurrent.Semaphore gate = new java.util.concurrent.Semaphore(0);
            CountDownLatch ready = new CountDownLatch(1);
            quick.bind("gate", gate);
            quick.bind("ready", ready);
            // Blocked inside the JDK, ignoring interrupts: no woven check can run.
            CompletableFuture<EvalResult> result = CompletableFuture.supplyAsync(() ->
                    quick.eval("{ ready.countDown(); gate.acquireUninterruptibly(); }"));
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            Thread.sleep(100);
            assertTrue(quick.interrupt());
            EvalResult r = result.get(5, TimeUnit.SECONDS);
            assertTrue(assertInstanceOf(EvalResult.Interrupted.class, r).abandoned());
            assertEquals(3, ((EvalResult.Success) quick.eval("1 + 2")).value(), "the session stays usable");
            gate.release(); // let the abandoned thread end
        }
    }

    @Test
    void quickRequestsAnswerWhileACellRuns() throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        evaluator.bind("ready", ready);
        CompletableFuture<EvalResult> busy = CompletableFuture.supplyAsync(() ->
                evaluator.eval("{ ready.countDown(); while (true) { } }"));
        assertTrue(ready.await(10, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        Completion c = evaluator.complete("Stri", 4);
        assertEquals(List.of(), c.matches());
        assertEquals(List.of(), evaluator.inspect("String.valueOf(", 15));
        assertEquals(Completeness.Verdict.INCOMPLETE, evaluator.isComplete("void f() {").status());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(3), "answers do not wait for the cell");
        assertTrue(evaluator.interrupt());
        assertInstanceOf(EvalResult.Interrupted.class, busy.get(5, TimeUnit.SECONDS));
        assertTrue(evaluator.complete("Stri", 4).matches().contains("String"), "normal again once the cell ended");
    }

    @Test
    void interruptWithNoCellRunningIsHarmless() {
        assertTrue(!evaluator.interrupt());
        assertTrue(evaluator.eval("1").isSuccess());
    }
}
