package io.iotj.magics.live;

import io.iotj.runtime.GraphStatus;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamsViewTest {

    @Test
    void oneRowPerGraphWithCountersRateAndLastError() {
        FakeGraph.FakeStream z = new FakeGraph.FakeStream("z", 10);
        FakeGraph a = new FakeGraph("test", z);
        FakeGraph b = new FakeGraph("bad", new FakeGraph.FakeStream("y", 10));
        b.status = GraphStatus.State.FAILED;
        b.failure = new GraphProbe.Failure("map0", "0", "java.lang.ArithmeticException: / by zero");
        List<GraphProbe> graphs = new ArrayList<>(List.of(a, b));
        AtomicLong clock = new AtomicLong();
        StreamsView v = new StreamsView(() -> graphs, clock::get);
        v.table();
        for (int i = 0; i < 300; i++) {
            z.append(i);
        }
        a.in = 300;
        clock.set(2_000_000_000L);
        Table t = v.table();
        assertEquals(List.of("name", "mode", "status", "in", "out", "rate /s", "backlog", "last error"),
                t.columnNames());
        assertEquals(List.of("test", "bad"), t.stringColumn("name").asList());
        assertEquals(List.of("running", "failed"), t.stringColumn("status").asList());
        assertEquals(300L, t.longColumn("in").get(0));
        assertEquals(150.0, t.doubleColumn("rate /s").get(0));
        assertTrue(t.doubleColumn("rate /s").isMissing(1), "a failed graph has no rate");
        assertEquals("part map0 failed on value 0: java.lang.ArithmeticException: / by zero",
                t.stringColumn("last error").get(1));
        assertFalse(v.allFinished());
        assertTrue(v.html().contains("<td style=\"text-align:left\">failed</td>"));
    }

    @Test
    void versionFollowsChangesAndEmptySessionsSaySo() {
        List<GraphProbe> graphs = new ArrayList<>();
        StreamsView v = new StreamsView(() -> graphs);
        assertTrue(v.html().contains("No graphs"));
        assertTrue(v.allFinished());
        long v0 = v.version();
        FakeGraph.FakeStream z = new FakeGraph.FakeStream("z", 10);
        graphs.add(new FakeGraph("g", z));
        long v1 = v.version();
        assertNotEquals(v0, v1);
        assertEquals(v1, v.version());
        z.append(1);
        assertNotEquals(v1, v.version());
    }
}
