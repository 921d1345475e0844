package io.iotj.magics.live;

import io.iotj.runtime.GraphStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveStreamViewTest {

    @Test
    void showsTheLastRowsOfEachOutputWithCountAndRate() {
        FakeGraph.FakeStream z = new FakeGraph.FakeStream("z", 100);
        FakeGraph g = new FakeGraph("test", z);
        AtomicLong clock = new AtomicLong();
        LiveStreamView view = new LiveStreamView(g, 3, clock::get);
        view.html();
        for (int i = 1; i <= 50; i++) {
            z.append(List.of(2 * i, i));
        }
        clock.set(1_000_000_000L);
        String html = view.html();
        assertTrue(html.contains("z: 50 values \u00b7 50.0/s"), html);
        // The last three values only, with their positions in the stream.
        assertTrue(html.contains("<td style=\"text-align:right\">47</td><td style=\"text-align:right\">96</td>"), html);
        assertTrue(html.contains(">100</td><td style=\"text-align:right\">50</td>"), html);
        assertFalse(html.contains(">94<"), "older rows are not shown");
        assertEquals(3, view.table(z).rowCount());
        assertTrue(view.text().contains("z (50 values): [96, 48], [98, 49], [100, 50]"), view.text());
    }

    @Test
    void versionChangesWithEveryValueAndStatusButNotOtherwise() {
        FakeGraph.FakeStream z = new FakeGraph.FakeStream("z", 5);
        FakeGraph g = new FakeGraph("g", z);
        LiveStreamView view = new LiveStreamView(g, 5);
        long v0 = view.version();
        assertEquals(v0, view.version());
        z.append(1);
        long v1 = view.version();
        assertNotEquals(v0, v1);
        g.status = GraphStatus.State.STOPPED;
        assertNotEquals(v1, view.version());
    }

    @Test
    void aFailureShowsThePartTheValueAndTheException() {
        FakeGraph g = new FakeGraph("bad", new FakeGraph.FakeStream("y", 5));
        g.status = GraphStatus.State.FAILED;
        g.failure = new GraphProbe.Failure("map0", "0", "java.lang.ArithmeticException: / by zero");
        String html = new LiveStreamView(g, 5).html();
        assertTrue(html.contains("data-status=\"failed\""));
        assertTrue(html.contains("part <b>map0</b> failed on value <code>0</code>: "
                + "<code>java.lang.ArithmeticException: / by zero</code>"), html);
        assertFalse(html.contains("/s<"), "a finished graph shows no rate");
    }

    @Test
    void aFailureWithoutAPartSaysWhatFailed() {
        FakeGraph g = new FakeGraph("remote", new FakeGraph.FakeStream("y", 5));
        g.status = GraphStatus.State.FAILED;
        g.failure = new GraphProbe.Failure(null, null, "java.lang.IllegalStateException: no node answered");
        LiveStreamView v = new LiveStreamView(g, 5);
        assertTrue(v.html().contains("failed: <code>java.lang.IllegalStateException: no node answered</code>"), v.html());
        assertTrue(v.text().contains("failed: java.lang.IllegalStateException: no node answered"), v.text());
    }

    @Test
    void memoryStaysBoundedHoweverManyValuesPass() {
        FakeGraph.FakeStream z = new FakeGraph.FakeStream("z", 10);
        FakeGraph g = new FakeGraph("long", z);
        AtomicLong clock = new AtomicLong();
        LiveStreamView view = new LiveStreamView(g, 10, clock::get);
        int first = 0;
        for (int round = 0; round < 2_000; round++) {
            for (int i = 0; i < 100; i++) {
                z.append(round * 100 + i);
            }
            clock.addAndGet(250_000_000L);
            String html = view.html();
            if (round == 0) {
                first = html.length();
            }
            assertTrue(html.length() < first + 400, "the view grows: " + html.length());
        }
        assertTrue(view.html().contains("z: 200000 values \u00b7 400.0/s"), view.html());
    }
}
