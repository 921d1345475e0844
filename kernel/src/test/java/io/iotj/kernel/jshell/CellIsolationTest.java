package io.iotj.kernel.jshell;

import io.iotj.kernel.session.NotebookFunction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Interrupting a cell stops that cell's threads only. */
class CellIsolationTest {
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

    private static void ok(String cell) {
        EvalResult r = evaluator.eval(cell);
        assertTrue(r.isSuccess(), () -> ((EvalResult.Failure) r).text());
    }

    /** Runs {@code cell} on another thread and interrupts it once it has counted {@code ready} down. */
    private static void interruptWhenReady(String cell) throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        evaluator.bind("ready", ready);
        CompletableFuture<EvalResult> busy = CompletableFuture.supplyAsync(() -> evaluator.eval(cell));
        assertTrue(ready.await(10, TimeUnit.SECONDS), "the cell should start");
        Thread.sleep(100);
        assertTrue(evaluator.interrupt());
        assertInstanceOf(EvalResult.Interrupted.class, busy.get(5, TimeUnit.SECONDS));
    }

    @Test
    void graphLikeThreadsRunningNotebookMethodsSurviveAnInterrupt() throws Exception {
        ok("long work(long x) { long s = 0; for (int i = 0; i < 1000; i++) { s += i * x; } return s; }");
        NotebookFunction work = evaluator.functionFor("work").orElseThrow();

        // A host thread (like a stream graph's) calling the notebook method in a loop.
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong calls = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread graph = new Thread(() -> {
            try {
                while (running.get()) {
                    assertEquals(499500L * 3, work.call(3L));
                    calls.incrementAndGet();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        graph.start();

        // A thread started by an earlier, finished cell, running notebook code in a loop.
        ok("""
                var bgRunning = new java.util.concurrent.atomic.AtomicBoolean(true);
                var bgCalls = new java.util.concurrent.atomic.AtomicLong();
                Thread bg = new Thread(() -> { while (bgRunning.get()) { work(1); bgCalls.incrementAndGet(); } });
                bg.start();""");
        Thread bg = (Thread) evaluator.variable("bg").orElseThrow();
        AtomicLong bgCalls = (AtomicLong) evaluator.variable("bgCalls").orElseThrow();

        interruptWhenReady("{ ready.countDown(); while (true) { } }");
        long graphAfter = calls.get();
        long bgAfter = bgCalls.get();
        Thread.sleep(300);

        assertNull(failure.get(), () -> "graph thread failed: " + failure.get());
        assertTrue(graph.isAlive());
        assertTrue(calls.get() > graphAfter, "the graph thread keeps calling after the interrupt");
        assertTrue(bg.isAlive(), "a thread of an earlier cell is not stopped");
        assertTrue(bgCalls.get() > bgAfter);

        running.set(false);
        ok("bgRunning.set(false); bg.join();");
        graph.join(2000);
        assertFalse(graph.isAlive());
    }

    @Test
    void threadsStartedByTheInterruptedCellStopToo() throws Exception {
        interruptWhenReady("""
                Thread child = new Thread(() -> { long n = 0; while (true) { n++; } });
                child.start();
                { ready.countDown(); while (true) { } }""");
        Thread child = (Thread) evaluator.variable("child").orElseThrow();
        child.join(1000);
        assertFalse(child.isAlive(), "the cell's own background thread is stopped with it");
    }

    @Test
    void workStartedOutsideAnyCellFromACellIsImmune() throws Exception {
        ok("""
                var immuneCalls = new java.util.concurrent.atomic.AtomicLong();
                var immuneRunning = new java.util.concurrent.atomic.AtomicBoolean(true);
                Thread immune = io.iotj.kernel.jshell.JavaEvaluator.outsideCell(() -> {
                    Thread t = new Thread(() -> { while (immuneRunning.get()) { immuneCalls.incrementAndGet(); } });
                    t.start();
                    return t;
                });""");
        // The starting cell has ended; now interrupt a cell that itself starts immune work and spins.
        interruptWhenReady("""
                var spinnerRunning = new java.util.concurrent.atomic.AtomicBoolean(true);
                Thread spinner = io.iotj.kernel.jshell.JavaEvaluator.outsideCell(() -> {
                    Thread t = new Thread(() -> { while (spinnerRunning.get()) { } });
                    t.start();
                    return t;
                });
                { ready.countDown(); while (true) { } }""");
        Thread spinner = (Thread) evaluator.variable("spinner").orElseThrow();
        Thread.sleep(200);
        assertTrue(spinner.isAlive(), "work started through outsideCell survives its cell's interrupt");
        assertTrue(((Thread) evaluator.variable("immune").orElseThrow()).isAlive());
        ok("spinnerRunning.set(false); immuneRunning.set(false); spinner.join(); immune.join();");
    }

    @Test
    void aPoolCreatedByAnInterruptedCellServesLaterWorkNormally() throws Exception {
        ok("""
                int one() { int s = 0; for (int i = 0; i < 10; i++) { s += i; } return s; }
                java.util.concurrent.Callable<Integer> task = () -> one();""");
        // The pool's worker thread is born inside a cell that then gets interrupted: it inherits that cell's token.
        interruptWhenReady("""
                var pool = java.util.concurrent.Executors.newFixedThreadPool(1);
                pool.submit(() -> one()).get();
                { ready.countDown(); while (true) { } }""");
        Thread.sleep(2500); // the stopped cell's token retires after its linger time
        // Another interrupt opens a new stop window; the old pool's thread must not be hit by it.
        CountDownLatch ready = new CountDownLatch(1);
        evaluator.bind("ready", ready);
        CompletableFuture<EvalResult> busy = CompletableFuture.supplyAsync(() ->
                evaluator.eval("{ ready.countDown(); while (true) { } }"));
        assertTrue(ready.await(10, TimeUnit.SECONDS));
        assertTrue(evaluator.interrupt());
        java.util.concurrent.ExecutorService pool =
                (java.util.concurrent.ExecutorService) evaluator.variable("pool").orElseThrow();
        @SuppressWarnings("unchecked")
        java.util.concurrent.Callable<Integer> task =
                (java.util.concurrent.Callable<Integer>) evaluator.variable("task").orElseThrow();
        for (int i = 0; i < 20; i++) {
            assertEquals(45, pool.submit(task).get(5, TimeUnit.SECONDS)); // notebook code on the pool's thread
        }
        assertInstanceOf(EvalResult.Interrupted.class, busy.get(5, TimeUnit.SECONDS));
        pool.shutdownNow();
    }
}
