package io.iotj.magics.nodes;

import io.iotj.magics.table.TableHtml;
import io.iotj.magics.html.Xml;
import io.iotj.remote.Controller;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The table of {@code %nodes}: one row per node heard on a broker with its name, host, cores,
 * the parts it runs, the values its parts took per second and in all (parts running now), when it
 * was last heard and whether it is still listening.
 */
public final class NodesView {
    private final String broker;
    private final Supplier<List<Controller.NodeInfo>> nodes;
    private final LongSupplier clockMillis;

    /**
     * @param maskedBroker the broker's address as it may be shown (no password)
     * @param nodes        the node table now (see {@link Controller#nodes()})
     */
    public NodesView(String maskedBroker, Supplier<List<Controller.NodeInfo>> nodes) {
        this(maskedBroker, nodes, System::currentTimeMillis);
    }

    NodesView(String maskedBroker, Supplier<List<Controller.NodeInfo>> nodes, LongSupplier clockMillis) {
        this.broker = maskedBroker;
        this.nodes = nodes;
        this.clockMillis = clockMillis;
    }

    /** The table now. */
    public Table table() {
        StringColumn name = StringColumn.create("node");
        StringColumn status = StringColumn.create("status");
        StringColumn host = StringColumn.create("host");
        IntColumn cores = IntColumn.create("cores");
        IntColumn count = IntColumn.create("parts");
        StringColumn parts = StringColumn.create("running");
        DoubleColumn rate = DoubleColumn.create("values /s");
        LongColumn taken = LongColumn.create("values");
        StringColumn heard = StringColumn.create("last heartbeat");
        long now = clockMillis.getAsLong();
        for (Controller.NodeInfo n : nodes.get()) {
            name.append(n.name());
            status.append(n.alive() ? "listening" : "silent");
            host.append(n.host());
            cores.append(n.cores());
            count.append(n.parts().size());
            parts.append(String.join(", ", n.parts()));
            rate.append(Math.round(n.valuesPerSecond() * 10) / 10.0);
            taken.append(n.totalIn());
            heard.append(String.format(Locale.ROOT, "%.1f s ago", Math.max(0, now - n.lastSeenMillis()) / 1000.0));
        }
        return Table.create("nodes", name, status, host, cores, count, parts, rate, taken, heard);
    }

    /**
     * Changes whenever a row would read differently: a node heard again (every second), a part
     * started or stopped, values taken.
     */
    public long version() {
        long v = 17;
        for (Controller.NodeInfo n : nodes.get()) {
            v = v * 31 + n.name().hashCode();
            v = v * 31 + (n.alive() ? 1 : 0);
            v = v * 31 + n.parts().hashCode();
            v = v * 31 + n.totalIn();
            v = v * 31 + n.lastSeenMillis() / 1000;
        }
        return v;
    }

    /** The table as HTML, with the broker it came from. */
    public String html() {
        Table t = table();
        String head = "<div class=\"iotj-nodes\"><div>nodes on <code>" + Xml.escape(broker) + "</code></div>";
        if (t.rowCount() == 0) {
            return head + "<div>No node is listening: start one with "
                    + "<code>install/iotj-node --name n1</code>.</div></div>";
        }
        return head + TableHtml.render(t.setName(""), 1000) + "</div>";
    }

    /** The table as plain text. */
    public String text() {
        Table t = table();
        return "nodes on " + broker + "\n"
                + (t.rowCount() == 0 ? "No node is listening: start one with install/iotj-node --name n1" : t.printAll());
    }
}
