package io.iotj.magics.chart;

import io.iotj.graph.Part;
import io.iotj.runtime.ExecutionHook;
import io.iotj.stream.Ops;
import io.iotj.stream.IotStream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingProgressTest {
    private final long[] now = {0};
    private final TrainingProgress progress = new TrainingProgress(() -> now[0]);
    private final ExecutionHook hook = progress.wrap(ExecutionHook.NONE);

    private static Part part(String name, String template) {
        IotStream<Object> in = new IotStream<>("in");
        IotStream<Object> out = new IotStream<>("out");
        return new Part(name, template, Ops.map(in, out, v -> v));
    }

    private void work(Part p, long millis) {
        hook.run(p, () -> now[0] += millis * 1_000_000);
    }

    @Test
    void fastTrainingShowsNothingAndOtherPartsAreNotWatched() {
        Part train = part("train0", "train");
        Part map = part("map0", "map");
        for (int i = 0; i < 100; i++) {
            work(train, 5);
            work(map, 5_000);
        }
        assertFalse(progress.activity("train0").shown());
        assertNull(progress.activity("map0"), "only train parts are watched");
    }

    @Test
    void aSlowWindowShowsTheLineWhichFollowsTheTraining() {
        Part train = part("train0", "train");
        work(train, 1500);
        TrainingProgress.Activity a = progress.activity("train0");
        assertTrue(a.shown(), "a stretch over a second shows the progress");
        assertTrue(a.text().contains("waiting for values") && a.text().contains("longest 1.5 s"), a.text());

        // While the next window trains, the line changes as time passes.
        long[] seen = new long[2];
        String[] during = new String[1];
        hook.run(train, () -> {
            now[0] += 500_000_000L;
            seen[0] = a.version();
            during[0] = a.display().get("text/html").toString();
            now[0] += 700_000_000L;
            seen[1] = a.version();
        });
        assertNotEquals(seen[0], seen[1], "the elapsed time is part of what the line shows");
        assertTrue(during[0].contains("training for 0.5 s") && during[0].contains("data-busy=\"true\""), during[0]);

        progress.until(() -> true);
        assertTrue(a.text().contains("graph over"), a.text());
        assertTrue(a.display().get("text/html").toString().contains("data-busy=\"false\""));
        assertEquals(2, a.version() % 2 + 1, "finished is part of the version");
    }
}
