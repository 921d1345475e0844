package io.iotj.magics.nodes;

import io.iotj.remote.Controller;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodesViewTest {
    private static Controller.NodeInfo node(String name, boolean alive, long seen, List<String> parts, long in, double rate) {
        return new Controller.NodeInfo(name, "lab-host", 4, parts, seen, rate, in, alive, List.of());
    }

    @Test
    void oneRowPerNodeWithItsPartsRateAndHeartbeatAge() {
        List<Controller.NodeInfo> nodes = List.of(
                node("n1", true, 9_600, List.of("g-1/a", "g-1/b"), 500, 1234.56),
                node("n2", false, 2_000, List.of(), 0, 0));
        NodesView view = new NodesView("amqp://guest:****@127.0.0.1:5672", () -> nodes, () -> 10_000);
        Table t = view.table();
        assertEquals(2, t.rowCount());
        assertEquals(List.of("node", "status", "host", "cores", "parts", "running", "values /s", "values",
                "last heartbeat"),
                t.columnNames());
        assertEquals("n1", t.stringColumn("node").get(0));
        assertEquals("listening", t.stringColumn("status").get(0));
        assertEquals("silent", t.stringColumn("status").get(1));
        assertEquals(2, t.intColumn("parts").get(0));
        assertEquals("g-1/a, g-1/b", t.stringColumn("running").get(0));
        assertEquals(1234.6, t.doubleColumn("values /s").get(0));
        assertEquals(500L, t.longColumn("values").get(0));
        assertEquals("0.4 s ago", t.stringColumn("last heartbeat").get(0));
        assertEquals("8.0 s ago", t.stringColumn("last heartbeat").get(1));
        assertTrue(view.html().contains("<td style=\"text-align:left\">n2</td>"), view.html());
    }

    @Test
    void theBrokerIsShownWithoutItsPassword() {
        NodesView view = new NodesView("amqp://guest:****@127.0.0.1:5672", List::of, () -> 0);
        assertTrue(view.text().startsWith("nodes on amqp://guest:****@127.0.0.1:5672"), view.text());
        assertTrue(view.text().contains("No node is listening"), view.text());
        assertTrue(view.html().contains("install/iotj-node --name n1"), view.html());
        assertFalse(view.html().contains("<table"), "no empty table");
    }

    @Test
    void versionChangesWhenANodeIsHeardOrItsPartsChange() {
        List<Controller.NodeInfo> nodes = new ArrayList<>(List.of(node("n1", true, 1_000, List.of(), 0, 0)));
        NodesView view = new NodesView("amqp://127.0.0.1", () -> nodes, () -> 1_000);
        long v0 = view.version();
        assertEquals(v0, view.version(), "nothing changed");
        nodes.set(0, node("n1", true, 1_500, List.of(), 0, 0));
        assertEquals(v0, view.version(), "heard again within the same second: the age shown barely moved");
        nodes.set(0, node("n1", true, 2_100, List.of(), 0, 0));
        long v1 = view.version();
        assertNotEquals(v0, v1, "heard a second later");
        nodes.set(0, node("n1", true, 2_100, List.of("g/a"), 0, 0));
        assertNotEquals(v1, view.version(), "a part started");
    }
}
