package io.iotj.magics.session;

import io.iotj.magics.live.StreamProbe;
import io.iotj.magics.table.StreamTables;
import io.iotj.runtime.RunningGraph;
import io.iotj.stream.IotStream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A running graph of the notebook, as the live views and {@code %streams} read it. */
public final class NotebookGraph implements SessionGraph {
    private final RunningGraph running;
    private final String template;
    private final List<StreamProbe> outputs;
    private final List<IotStream<?>> inputs;

    public NotebookGraph(RunningGraph running, String template) {
        this.running = running;
        this.template = template;
        List<StreamProbe> outs = new ArrayList<>();
        for (Map.Entry<String, IotStream<?>> e : running.graph().outputs().entrySet()) {
            outs.add(probe(e.getKey(), stream(running, e.getKey(), e.getValue(), false)));
        }
        this.outputs = List.copyOf(outs);
        List<IotStream<?>> ins = new ArrayList<>();
        for (Map.Entry<String, IotStream<?>> e : running.graph().inputs().entrySet()) {
            ins.add(stream(running, e.getKey(), e.getValue(), true));
        }
        this.inputs = List.copyOf(ins);
    }

    /**
     * The stream users feed or read: the running graph's, which for remote nodes is not the
     * assembled graph's own (that one stays empty); the assembled one when the graph has none
     * (it failed before it had streams).
     */
    private static IotStream<?> stream(RunningGraph running, String name, IotStream<?> assembled, boolean input) {
        try {
            return input ? running.in(name) : running.out(name);
        } catch (IllegalArgumentException e) {
            return assembled;
        }
    }

    private static StreamProbe probe(String name, IotStream<?> s) {
        return new StreamProbe() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long count() {
                return s.count();
            }

            @Override
            public List<?> recent(int n) {
                return s.recent(n);
            }
        };
    }

    @Override
    public java.util.Map<String, io.iotj.stream.ConnectorStats.Counts> connectors() {
        java.util.Map<String, io.iotj.stream.ConnectorStats.Counts> out = new java.util.LinkedHashMap<>();
        for (io.iotj.graph.Part p : running.graph().parts()) {
            if (p.operator() instanceof io.iotj.stream.ConnectorStats c) {
                out.put(p.name(), c.connectorCounts());
            }
        }
        return out;
    }

    /** The running graph itself (what the JShell variable holds). */
    public RunningGraph running() {
        return running;
    }

    @Override
    public String template() {
        return template;
    }

    @Override
    public void stop() {
        running.stop();
    }

    @Override
    public String name() {
        return running.name();
    }

    @Override
    public String mode() {
        return running.mode();
    }

    @Override
    public io.iotj.runtime.GraphStatus.State status() {
        return running.status().state();
    }

    @Override
    public Failure failure() {
        io.iotj.runtime.GraphStatus s = running.status();
        if (s.state() != io.iotj.runtime.GraphStatus.State.FAILED) {
            return null;
        }
        Throwable e = s.error();
        String exception = e == null ? "unknown error"
                : e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        String value = s.value() == null ? null : StreamTables.text(s.value());
        return new Failure(s.part(), value, exception);
    }

    @Override
    public long valuesIn() {
        long n = 0;
        for (IotStream<?> s : inputs) {
            n += s.count();
        }
        return n;
    }

    @Override
    public long valuesOut() {
        long n = 0;
        for (StreamProbe s : outputs) {
            n += s.count();
        }
        return n;
    }

    @Override
    public long backlog() {
        return running.backlog();
    }

    @Override
    public List<StreamProbe> outputs() {
        return outputs;
    }
}
