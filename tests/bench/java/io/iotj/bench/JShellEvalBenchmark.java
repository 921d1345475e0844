package io.iotj.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;

/**
 * JShell's own {@code eval("1 + 1")} with local execution in this JVM: the floor under the kernel's
 * execute round trip (the kernel adds its wire protocol, output routing and stop checks on top).
 * {@code tests/bench/latency.py} runs it with the installed kernelspec's flags right after measuring
 * the kernel, so the two figures come from the same run and the same flags.
 *
 * <p>Needs only the JDK: {@code java [FLAGS] tests/bench/java/io/iotj/bench/JShellEvalBenchmark.java
 * [--runs N]} (the source launcher compiles it), or {@code tests/bench/run JShellEvalBenchmark}.
 * Prints one line: {@code jshell eval median_ms p90_ms first_ms runs}.
 */
public final class JShellEvalBenchmark {
    private JShellEvalBenchmark() {
    }

    public static void main(String[] args) {
        int runs = 50;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown flag " + args[i] + " (known: --runs N)");
            }
        }
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            long t = System.nanoTime();
            eval(shell, "1 + 1");
            double first = (System.nanoTime() - t) / 1e6;
            // A few warm-up evaluations, as the kernel has had (it warms its JShell up at start).
            for (int i = 0; i < 10; i++) {
                eval(shell, "1 + 1");
            }
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                eval(shell, "1 + 1");
                ms.add((System.nanoTime() - t0) / 1e6);
            }
            Collections.sort(ms);
            System.out.printf(java.util.Locale.ROOT, "jshell eval %.2f %.2f %.2f %d%n", ms.get(ms.size() / 2),
                    ms.get((int) (ms.size() * 0.9)), first, runs);
        }
    }

    private static void eval(JShell shell, String code) {
        for (SnippetEvent e : shell.eval(code)) {
            if (e.exception() != null || !"2".equals(e.value())) {
                throw new IllegalStateException("JShell did not evaluate " + code + ": " + e);
            }
        }
    }
}
