package io.iotj.bench;

import io.iotj.kernel.jshell.JavaEvaluator;
import io.iotj.kernel.session.NotebookFunction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Prints the evaluator's latencies: construction, warm-up, eval of {@code 1 + 1}, completion and inspection.
 * Not a test. Run: {@code tests/bench/run [--flags kernel] EvaluatorBenchmark [RUNS]} (default 50 runs).
 */
public final class EvaluatorBenchmark {
    private EvaluatorBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        long t0 = System.nanoTime();
        JavaEvaluator evaluator = new JavaEvaluator();
        long t1 = System.nanoTime();
        evaluator.warmUpExecution();
        long t2 = System.nanoTime();
        evaluator.warmUpAnalysis();
        long t3 = System.nanoTime();
        System.out.printf("construct        %8.1f ms%n", (t1 - t0) / 1e6);
        System.out.printf("warmUpExecution  %8.1f ms (JShell, startup imports, first snippet)%n", (t2 - t1) / 1e6);
        System.out.printf("warmUpAnalysis   %8.1f ms (first completion and Javadoc)%n", (t3 - t2) / 1e6);
        try (evaluator) {
            report("eval 1 + 1", runs, () -> evaluator.eval("1 + 1"));
            report("eval 3 snippets", runs, () -> evaluator.eval("int a = 1;\nint b = a + 1;\na + b"));
            report("complete Str", runs, () -> evaluator.complete("Str", 3));
            report("complete member", runs, () -> evaluator.complete("\"abc\".subs", 10));
            report("isComplete open", runs, () -> evaluator.isComplete("for (int i = 0; i < 3; i++) {"));
            report("isComplete complete", runs, () -> evaluator.isComplete(
                    "double scale(double x) { return 2 * x; }\nfor (int i = 0; i < 3; i++) { }\nint n = 3;"));
            report("inspect", runs, () -> evaluator.inspect("String.valueOf(", 15));
            evaluator.eval("double times_two(double x) { return 2 * x; }");
            NotebookFunction f = evaluator.functionFor("times_two").orElseThrow();
            report("functionFor", runs, () -> evaluator.functionFor("times_two"));
            List<Double> stops = new ArrayList<>();
            for (int i = 0; i < Math.max(3, runs / 10); i++) {
                java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
                evaluator.bind("ready", ready);
                var busy = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                        evaluator.eval("{ ready.countDown(); long n = 0; while (true) { n++; } }"));
                try {
                    ready.await();
                    Thread.sleep(50);
                    long s0 = System.nanoTime();
                    evaluator.interrupt();
                    busy.get();
                    stops.add((System.nanoTime() - s0) / 1e6);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            Collections.sort(stops);
            System.out.printf("interrupt busy loop -> eval returns: median %.2f ms, max %.2f ms (%d runs)%n",
                    stops.get(stops.size() / 2), stops.get(stops.size() - 1), stops.size());
            long c0 = System.nanoTime();
            double sum = 0;
            int calls = 1_000_000;
            for (int i = 0; i < calls; i++) {
                try {
                    sum += (Double) f.call((double) i);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            System.out.printf("NotebookFunction.call %6.0f ns/call (sum %.0f)%n", (System.nanoTime() - c0) / (double) calls, sum);
        }
    }

    private static void report(String name, int runs, Supplier<?> work) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("%-15s median %6.2f ms  p90 %6.2f ms  max %6.2f ms  (%d runs)%n", name,
                ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.9)), ms.get(ms.size() - 1), runs);
    }
}
