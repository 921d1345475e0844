package io.iotj.magics.live;

import io.iotj.runtime.GraphStatus;
import io.iotj.magics.table.TableHtml;
import io.iotj.magics.html.Xml;
import io.iotj.magics.table.StreamTables;
import tech.tablesaw.api.Table;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The live view of a graph's output streams: for each output, the last {@code rows} values as a
 * Tablesaw table with the stream's count and rate, under a line with the graph's name, runtime,
 * status and counters; a failed graph also shows the part, the value and the exception.
 *
 * <p>The view keeps no values of its own: each rendering reads the streams' recent values, so
 * its memory does not grow with the graph's lifetime.
 */
public final class LiveStreamView {
    /** Rows per stream unless told otherwise. */
    public static final int DEFAULT_ROWS = 10;
    private static final long RATE_WINDOW_NANOS = 2_000_000_000L;

    private final GraphProbe graph;
    private final int rows;
    private final LongSupplier clock;
    private final Map<String, RateMeter> meters = new HashMap<>();

    /** A view of {@code graph} showing the last {@code rows} values of each output. */
    public LiveStreamView(GraphProbe graph, int rows) {
        this(graph, rows, System::nanoTime);
    }

    LiveStreamView(GraphProbe graph, int rows, LongSupplier clock) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be at least 1, got " + rows);
        }
        this.graph = graph;
        this.rows = rows;
        this.clock = clock;
    }

    /** The graph this view shows. */
    public GraphProbe graph() {
        return graph;
    }

    /**
     * A number that changes whenever what the view shows changes (status, failure, counters,
     * output counts); equal numbers mean there is nothing new to send.
     */
    public long version() {
        long v = graph.status().ordinal();
        v = v * 31 + (graph.failure() == null ? 0 : 1);
        v = v * 31 + graph.valuesIn();
        v = v * 31 + graph.valuesOut();
        v = v * 31 + graph.backlog();
        for (StreamProbe s : graph.outputs()) {
            v = v * 31 + s.count();
        }
        return v;
    }

    /** The last values of {@code stream} as a table, indexed by their position in the stream. */
    public Table table(StreamProbe stream) {
        long count = stream.count();
        List<?> recent = stream.recent(rows);
        return StreamTables.of(stream.name(), recent, Math.max(0, count - recent.size()));
    }

    /** The view as HTML. */
    public String html() {
        GraphStatus.State status = graph.status();
        StringBuilder sb = new StringBuilder(1024);
        sb.append("<div class=\"iotj-live\" data-graph=\"").append(Xml.escape(graph.name()))
                .append("\" data-status=\"").append(status.word()).append("\">");
        sb.append("<div class=\"iotj-live-head\"><b>").append(Xml.escape(graph.name()))
                .append("</b> \u00b7 ").append(Xml.escape(graph.mode())).append(" \u00b7 ")
                .append("<span class=\"iotj-status\" style=\"color:").append(color(status))
                .append("\">").append(status.word()).append("</span> \u00b7 in ")
                .append(graph.valuesIn()).append(" \u00b7 out ").append(graph.valuesOut())
                .append(" \u00b7 backlog ").append(graph.backlog()).append("</div>");
        GraphProbe.Failure f = graph.failure();
        if (f != null) {
            sb.append("<div class=\"iotj-failure\" style=\"color:#b00020\">");
            if (f.part() == null) {
                sb.append("failed: ");
            } else {
                sb.append("part <b>").append(Xml.escape(f.part())).append("</b> failed");
                if (f.value() != null) {
                    sb.append(" on value <code>").append(Xml.escape(f.value())).append("</code>");
                }
                sb.append(": ");
            }
            sb.append("<code>").append(Xml.escape(f.exception())).append("</code></div>");
        }
        sb.append("<div style=\"display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start\">");
        long now = clock.getAsLong();
        for (StreamProbe s : graph.outputs()) {
            long count = s.count();
            double rate = meters.computeIfAbsent(s.name(), k -> new RateMeter(RATE_WINDOW_NANOS))
                    .sample(now, count);
            sb.append("<div class=\"iotj-stream\" data-stream=\"").append(Xml.escape(s.name()))
                    .append("\" data-count=\"").append(count).append("\"><div>")
                    .append(Xml.escape(s.name())).append(": ").append(count).append(" values");
            if (!status.finished()) {
                sb.append(" \u00b7 ").append(rate(rate)).append("/s");
            }
            sb.append("</div>");
            Table t = table(s);
            TableHtml.render(sb, t.setName(""), rows);
            sb.append("</div>");
        }
        sb.append("</div></div>");
        return sb.toString();
    }

    /** The view as plain text, for frontends without HTML. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(graph.name()).append(" [").append(graph.mode()).append("] ")
                .append(graph.status().word()).append(", in ").append(graph.valuesIn())
                .append(", out ").append(graph.valuesOut());
        GraphProbe.Failure f = graph.failure();
        if (f != null) {
            sb.append("\n  ").append(f.describe());
        }
        for (StreamProbe s : graph.outputs()) {
            sb.append("\n  ").append(s.name()).append(" (").append(s.count()).append(" values): ");
            List<?> recent = s.recent(rows);
            for (int i = 0; i < recent.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(StreamTables.text(recent.get(i)));
            }
        }
        return sb.toString();
    }

    static String rate(double perSecond) {
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", perSecond / 1e6);
        }
        if (perSecond >= 1e4) {
            return String.format(Locale.ROOT, "%.1fk", perSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    private static String color(GraphStatus.State s) {
        return switch (s) {
            case RUNNING -> "#1b7f3b";
            case IDLE -> "#4a78b0";
            case STOPPED -> "#555555";
            case FAILED -> "#b00020";
        };
    }
}
