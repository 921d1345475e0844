package io.iotj.connect.files;

import static io.iotj.connect.TestGraphs.assemble;
import static io.iotj.connect.TestGraphs.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.runtime.RunningGraph;
import io.iotj.runtime.Runtimes;
import io.iotj.stream.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files source (Spark's textFileStream), the csv replay and the csv_file sink, on real files. */
class FilesLeafTest {
    @TempDir
    Path dir;

    private String filesTemplate(Path in, Path state) {
        return """
                watch() -> lines {
                    lines = files(dir="%s", pattern="*.txt", state="%s");
                }
                """.formatted(in, state);
    }

    @Test
    void eachNewFileIsReadOnceAlsoAfterARestart() throws Exception {
        Path in = Files.createDirectories(dir.resolve("incoming"));
        Path state = dir.resolve("read.txt");
        Files.writeString(in.resolve("a.txt"), "one\ntwo\n");
        Files.writeString(in.resolve("skip.csv"), "not,matched\n");
        RunningGraph g = Runtimes.threads().start(assemble(filesTemplate(in, state)).graph());
        try {
            assertTrue(await(() -> g.out("lines").count() == 2, Duration.ofSeconds(20)));
            Files.writeString(in.resolve("b.txt"), "three\n");
            assertTrue(await(() -> g.out("lines").count() == 3, Duration.ofSeconds(20)));
            Event<?> e = (Event<?>) g.out("lines").values().get(2);
            assertEquals("b.txt", e.key());
            assertEquals("three", e.value());
        } finally {
            g.stop();
        }
        Files.writeString(in.resolve("c.txt"), "four\n");
        RunningGraph again = Runtimes.threads().start(assemble(filesTemplate(in, state)).graph());
        try {
            assertTrue(await(() -> again.out("lines").count() >= 1, Duration.ofSeconds(20)));
            Thread.sleep(1000);
            assertEquals(List.of("four"), again.out("lines").values().stream().map(v -> ((Event<?>) v).value()).toList(),
                    "a restarted graph reads only the file it has not read");
        } finally {
            again.stop();
        }
    }

    @Test
    void aRecordingReplaysAtTenTimesItsPaceWithNamedColumns() throws Exception {
        Path rec = dir.resolve("rec.csv");
        StringBuilder b = new StringBuilder("timestamp,device,temp\n");
        for (int i = 0; i < 21; i++) {
            b.append("2024-05-01T12:00:").append(String.format("%02d", i)).append("Z,d").append(i % 2).append(',').append(20 + i).append('\n');
        }
        Files.writeString(rec, b);
        RunningGraph g = Runtimes.threads().start(assemble("""
                replay() -> rows {
                    rows = csv(path="%s", time="timestamp", speed=10);
                }
                """.formatted(rec)).graph());
        long start = System.nanoTime();
        try {
            assertTrue(await(() -> g.out("rows").count() == 21, Duration.ofSeconds(30)));
            double seconds = (System.nanoTime() - start) / 1e9;
            // 20 recorded seconds at ten times their pace: 2 s (never faster; a loaded machine may be slower).
            assertTrue(seconds >= 1.8, "replayed in " + seconds + " s");
            Event<?> e = (Event<?>) g.out("rows").values().get(3);
            assertEquals(Map.of("timestamp", "2024-05-01T12:00:03Z", "device", "d1", "temp", 23L), e.value());
            assertEquals(java.time.Instant.parse("2024-05-01T12:00:03Z").toEpochMilli(), e.time());
        } finally {
            g.stop();
        }
    }

    @Test
    void csvFileRotatesBySize() throws Exception {
        Path out = dir.resolve("out").resolve("readings.csv");
        RunningGraph g = Runtimes.threads().start(assemble("""
                keep() -> None {
                    readings = sensors(devices=2, speed=0, count=2000, seed=1);
                    csv_file(in=readings, path="%s", max_bytes=20000, keep=3);
                }
                """.formatted(out)).graph());
        try {
            assertTrue(await(() -> io.iotj.connect.TestGraphs.counts(g, "csv_file").written() == 2000, Duration.ofSeconds(30)));
        } finally {
            g.stop();
        }
        List<String> current = Files.readAllLines(out);
        assertEquals("key,time,arrival,value", current.get(0));
        assertTrue(Files.size(out) <= 20000);
        for (int i = 1; i <= 3; i++) {
            Path older = out.resolveSibling("readings." + i + ".csv");
            assertTrue(Files.exists(older) && Files.size(older) <= 20000, older.toString());
            assertEquals("key,time,arrival,value", Files.readAllLines(older).get(0), "every file starts with the header");
        }
        assertTrue(!Files.exists(out.resolveSibling("readings.4.csv")), "at most keep=3 older files");
        assertTrue(current.get(current.size() - 1).matches("d[01],20\\d\\d-.*Z,.*Z,-?\\d+\\.\\d+"), current.get(current.size() - 1));
    }
}
