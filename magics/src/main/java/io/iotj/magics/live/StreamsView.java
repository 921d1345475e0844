package io.iotj.magics.live;

import io.iotj.runtime.GraphStatus;
import io.iotj.stream.ConnectorStats;
import io.iotj.magics.table.TableHtml;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The table of {@code %streams}: one row per graph of the session with its name, runtime, status,
 * values in and out, output rate, backlog and last error.
 */
public final class StreamsView {
    private static final long RATE_WINDOW_NANOS = 2_000_000_000L;
    private final Supplier<List<? extends GraphProbe>> graphs;
    private final LongSupplier clock;
    private final Map<GraphProbe, RateMeter> meters = new HashMap<>();

    /** A view of whatever graphs {@code graphs} lists at each rendering. */
    public StreamsView(Supplier<List<? extends GraphProbe>> graphs) {
        this(graphs, System::nanoTime);
    }

    StreamsView(Supplier<List<? extends GraphProbe>> graphs, LongSupplier clock) {
        this.graphs = graphs;
        this.clock = clock;
    }

    /** The table now. */
    public synchronized Table table() {
        List<? extends GraphProbe> gs = graphs.get();
        StringColumn name = StringColumn.create("name");
        StringColumn mode = StringColumn.create("mode");
        StringColumn status = StringColumn.create("status");
        LongColumn in = LongColumn.create("in");
        LongColumn out = LongColumn.create("out");
        DoubleColumn rate = DoubleColumn.create("rate /s");
        LongColumn backlog = LongColumn.create("backlog");
        StringColumn error = StringColumn.create("last error");
        long now = clock.getAsLong();
        meters.keySet().retainAll(gs);
        for (GraphProbe g : gs) {
            GraphStatus.State s = g.status();
            long o = g.valuesOut();
            double r = meters.computeIfAbsent(g, k -> new RateMeter(RATE_WINDOW_NANOS)).sample(now, o);
            name.append(g.name());
            mode.append(g.mode());
            status.append(s.word());
            in.append(g.valuesIn());
            out.append(o);
            if (s.finished()) {
                rate.appendMissing();
            } else {
                rate.append(Math.round(r * 10) / 10.0);
            }
            backlog.append(g.backlog());
            GraphProbe.Failure f = g.failure();
            error.append(f == null ? "" : f.describe());
        }
        return Table.create("graphs", name, mode, status, in, out, rate, backlog, error);
    }

    /**
     * The sources and sinks of the graphs: per part, its link (connected, reconnecting, …), values
     * in, dropped by its overflow policy, malformed, written, failed, and its latest problem.
     */
    public synchronized Table connectors() {
        StringColumn graph = StringColumn.create("graph");
        StringColumn part = StringColumn.create("part");
        StringColumn address = StringColumn.create("reads or writes");
        StringColumn link = StringColumn.create("link");
        LongColumn in = LongColumn.create("in");
        LongColumn dropped = LongColumn.create("dropped");
        LongColumn malformed = LongColumn.create("malformed");
        LongColumn written = LongColumn.create("written");
        LongColumn failed = LongColumn.create("failed");
        StringColumn problem = StringColumn.create("last problem");
        for (GraphProbe g : graphs.get()) {
            for (Map.Entry<String, ConnectorStats.Counts> e : g.connectors().entrySet()) {
                ConnectorStats.Counts c = e.getValue();
                graph.append(g.name());
                part.append(e.getKey());
                address.append(c.address());
                link.append(c.link().word());
                in.append(c.in());
                dropped.append(c.dropped());
                malformed.append(c.malformed());
                written.append(c.written());
                failed.append(c.failed());
                problem.append(c.lastError() == null ? "" : c.lastError());
            }
        }
        return Table.create("sources and sinks", graph, part, address, link, in, dropped, malformed, written, failed, problem);
    }

    /** Changes whenever a row would read differently (rates aside). */
    public long version() {
        long v = 17;
        for (GraphProbe g : graphs.get()) {
            v = v * 31 + g.connectors().hashCode();
            v = v * 31 + g.name().hashCode();
            v = v * 31 + g.status().ordinal();
            v = v * 31 + g.valuesIn();
            v = v * 31 + g.valuesOut();
            v = v * 31 + g.backlog();
            v = v * 31 + (g.failure() == null ? 0 : 1);
        }
        return v;
    }

    /** True when no graph can change any more (all stopped or failed, or none). */
    public boolean allFinished() {
        return graphs.get().stream().allMatch(g -> g.status().finished());
    }

    /** The table as HTML. */
    public String html() {
        Table t = table();
        if (t.rowCount() == 0) {
            return "<div class=\"iotj-streams\">No graphs in this session yet: start one with "
                    + "<code>%assemble NAME</code>.</div>";
        }
        Table c = connectors();
        return "<div class=\"iotj-streams\">" + TableHtml.render(t.setName(""), 1000)
                + (c.rowCount() == 0 ? "" : TableHtml.render(c, 1000)) + "</div>";
    }

    /** The table as plain text. */
    public String text() {
        Table t = table();
        if (t.rowCount() == 0) {
            return "No graphs in this session yet.";
        }
        Table c = connectors();
        return c.rowCount() == 0 ? t.printAll() : t.printAll() + "\n" + c.printAll();
    }
}
