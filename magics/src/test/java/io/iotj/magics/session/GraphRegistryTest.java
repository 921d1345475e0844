package io.iotj.magics.session;

import io.iotj.runtime.GraphStatus;
import io.iotj.magics.live.StreamProbe;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphRegistryTest {
    static final class Fake implements SessionGraph {
        final String name;
        volatile GraphStatus.State status = GraphStatus.State.RUNNING;

        Fake(String name) {
            this.name = name;
        }

        @Override public String template() { return "test"; }
        @Override public void stop() { status = GraphStatus.State.STOPPED; }
        @Override public String name() { return name; }
        @Override public String mode() { return "threads"; }
        @Override public GraphStatus.State status() { return status; }
        @Override public Failure failure() { return null; }
        @Override public long valuesIn() { return 0; }
        @Override public long valuesOut() { return 0; }
        @Override public long backlog() { return 0; }
        @Override public List<StreamProbe> outputs() { return List.of(); }
    }

    @Test
    void aSecondGraphOfATemplateGetsAFreshName() {
        GraphRegistry r = new GraphRegistry();
        assertEquals("test", r.freshName("test"));
        r.add(new Fake("test"));
        assertEquals("test_2", r.freshName("test"));
        r.add(new Fake("test_2"));
        assertEquals("test_3", r.freshName("test"));
        assertEquals(List.of("test", "test_2"), r.names());
    }

    @Test
    void aRunningGraphCannotBeReplacedAFinishedOneCan() {
        GraphRegistry r = new GraphRegistry();
        Fake a = new Fake("g");
        r.add(a);
        assertThrows(IllegalStateException.class, () -> r.add(new Fake("g")));
        a.stop();
        Fake b = new Fake("g");
        r.add(b);
        assertEquals(List.of(b), r.all());
        assertEquals(List.of(b), r.unfinished());
    }

    @Test
    void finishedGraphsAreForgottenBeyondTheLimit() {
        GraphRegistry r = new GraphRegistry();
        Fake running = new Fake("keep");
        r.add(running);
        for (int i = 0; i < 500; i++) {
            Fake f = new Fake("g" + i);
            f.stop();
            r.add(f);
        }
        assertEquals(GraphRegistry.KEEP_FINISHED + 1, r.all().size());
        assertTrue(r.get("keep").isPresent(), "running graphs are never forgotten");
        assertTrue(r.get("g499").isPresent());
        assertTrue(r.get("g0").isEmpty());
    }
}
