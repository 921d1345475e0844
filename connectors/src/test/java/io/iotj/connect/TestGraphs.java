package io.iotj.connect;

import io.iotj.assemble.Assembler;
import io.iotj.assemble.Assembly;
import io.iotj.assemble.FunctionResolver;
import io.iotj.assemble.LeafRegistry;
import io.iotj.assemble.TemplateSource;
import io.iotj.parse.TemplateParser;
import io.iotj.runtime.RunningGraph;
import io.iotj.stream.ConnectorStats;
import io.iotj.template.Template;
import io.iotj.template.TemplateLibrary;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Templates with the connector leaves, assembled as the kernel does, and waiting on what they do. */
public final class TestGraphs {
    private TestGraphs() {
    }

    /** A name unique to this test run (topics, tables, client ids): other suites share the services. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Assembles the last template in {@code text}; {@code fns} are the functions it may name. */
    public static Assembly assemble(String text, Map<String, Object> fns) {
        Template t = TemplateParser.parseTemplate(text, ConnectorLeaves.register(TemplateLibrary.standard()));
        return new Assembler(TemplateSource.of(t), ConnectorLeaves.register(LeafRegistry.standard()),
                FunctionResolver.standard(FunctionResolver.of(fns))).assemble(unique("g"), t, Map.of());
    }

    /** Assembles a template that names no functions. */
    public static Assembly assemble(String text) {
        return assemble(text, Map.of());
    }

    /** The counts of the connector part whose kind is {@code kind}. */
    public static ConnectorStats.Counts counts(RunningGraph g, String kind) {
        return g.graph().parts().stream().map(p -> p.operator()).filter(o -> o instanceof ConnectorStats && o.kind().equals(kind))
                .map(o -> ((ConnectorStats) o).connectorCounts()).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " part in " + g.graph()));
    }

    /** Waits until {@code done} holds or {@code timeout} passed; returns whether it holds. */
    public static boolean await(BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
