package io.iotj.bench;

import io.iotj.parse.TemplateParser;
import io.iotj.parse.TemplatePrinter;
import io.iotj.template.Param;
import io.iotj.template.Template;
import io.iotj.template.TemplateJson;
import io.iotj.template.TemplateLibrary;
import io.iotj.template.TemplateResult;

import java.util.List;

/**
 * How long a notebook waits for a {@code %%template} cell: parse + compile + validate of IoTpy's
 * meetup text and of a 500-line template, and JSON write/read and printing of the same.
 *
 * <p>Run: {@code tests/bench/run ParserBenchmark --n 20000} (default n = 2000
 * parses per case after a warm-up; prints microseconds per operation).
 */
public final class ParserBenchmark {
    private ParserBenchmark() {
    }

    public static void main(String[] args) {
        int n = 2000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--n")) {
                n = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown flag " + args[i] + " (known: --n N)");
            }
        }
        TemplateLibrary lib = TemplateLibrary.standard();
        Param f = new Param("function", "function");
        lib.register(new Template("train", "train", List.of(f, Param.of("num_features"), Param.of("min_window_size"),
                Param.of("max_window_size"), Param.of("step_size"), new Param("in", "stream")),
                List.of(new Param("model", "stream")), List.of(), List.of(), List.of(), List.of()));
        lib.register(new Template("plot", "plot", List.of(f, new Param("model", "stream"), new Param("in", "stream"),
                Param.of("num_features"), Param.of("min_window_size"), Param.of("max_window_size"),
                Param.of("step_size")), List.of(), List.of(), List.of(), List.of(), List.of()));
        String meetup = """
                meetup() -> None
                {
                    out = source(function="ML.examples.meetup.source", initial_state=0);
                    m = func(function="ML.KMeans.KMeansStream", parameters=[0, 0, 5]);
                    train = attribute(in=m, attribute="train");
                    model = train(in=out, function=train, num_features=2, min_window_size=5, max_window_size=30, step_size=2);
                    plot(in=out, function="ML.examples.meetup.plot", model=model, num_features=2, min_window_size=5, max_window_size=100, step_size=2);
                }
                """;
        StringBuilder big = new StringBuilder("big(x:stream) -> y:stream {\n    v0 = map(in=x, function=\"f\");\n");
        for (int i = 1; i < 500; i++) {
            big.append("    v").append(i).append(" = map(in=v").append(i - 1).append(", function=\"f\", initial_state=")
               .append(i).append(");\n");
        }
        big.append("    y = zip(in=[v499, v1, v2]);\n}\n");
        for (String[] c : new String[][] {{"meetup (5 lines)", meetup}, {"500 lines", big.toString()}}) {
            int runs = c[0].startsWith("500") ? Math.max(1, n / 50) : n;
            measure(c[0] + " parse+validate", runs, () -> check(TemplateParser.parse(c[1], lib)));
            Template t = TemplateParser.parse(c[1], lib).template();
            String json = TemplateJson.write(t);
            measure(c[0] + " JSON write", runs, () -> TemplateJson.write(t).length());
            measure(c[0] + " JSON read", runs, () -> check(TemplateJson.read(json)));
            measure(c[0] + " print", runs, () -> TemplatePrinter.print(t, lib).length());
        }
    }

    private static int check(TemplateResult r) {
        if (!r.ok()) {
            throw new IllegalStateException(r.format());
        }
        return r.templates().size();
    }

    private static void measure(String what, int runs, java.util.function.IntSupplier op) {
        long sink = 0;
        for (int i = 0; i < runs; i++) {
            sink += op.getAsInt(); // warm-up
        }
        // CPU time of this thread as well as wall time: the machine is shared, so wall time alone misleads.
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            sink += op.getAsInt();
        }
        double us = (System.nanoTime() - t0) / 1e3 / runs;
        double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / runs;
        System.out.printf("%-36s %10.1f us/op wall %10.1f us/op cpu  (%d runs, %d)%n", what, us, cpu, runs, sink % 10);
    }
}
