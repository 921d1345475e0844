package io.iotj.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.assemble.Assembler;
import io.iotj.assemble.Assembly;
import io.iotj.assemble.AssemblyException;
import io.iotj.assemble.FunctionResolver;
import io.iotj.assemble.LeafRegistry;
import io.iotj.assemble.TemplateSource;
import io.iotj.connect.ConnectorLeaves;
import io.iotj.connect.LocalServices;
import io.iotj.parse.TemplateParser;
import io.iotj.runtime.RunningGraph;
import io.iotj.runtime.Runtimes;
import io.iotj.stream.ConnectorStats;
import io.iotj.stream.Event;
import io.iotj.template.Template;
import io.iotj.template.TemplateLibrary;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code store} leaf in a running graph: a simulated fleet stored, then read back with SQL. */
class StoreLeafTest {
    @TempDir
    Path dir;

    static Assembly assemble(String text) {
        Template t = TemplateParser.parseTemplate(text, ConnectorLeaves.register(TemplateLibrary.standard()));
        return new Assembler(TemplateSource.of(t), ConnectorLeaves.register(LeafRegistry.standard()),
                FunctionResolver.standard(FunctionResolver.of(Map.of()))).assemble("g", t, Map.of());
    }

    private static ConnectorStats.Counts counts(RunningGraph g) {
        return g.graph().parts().stream().map(p -> p.operator()).filter(o -> o instanceof ConnectorStats)
                .map(o -> ((ConnectorStats) o).connectorCounts()).findFirst().orElseThrow();
    }

    @Test
    void aFleetStoredInBothDatabasesReadsBackWithSql() throws Exception {
        LocalServices.postgres();
        String table = "fleet_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        for (String db : List.of("duckdb:" + dir.resolve("s.duckdb"), LocalServices.POSTGRES)) {
            Assembly a = assemble("""
                    keep() -> None {
                        readings = sensors(devices=20, rate=5, speed=0, count=20000, seed=1);
                        store(in=readings, name="%s", db="%s");
                    }
                    """.formatted(table, db));
            RunningGraph g = Runtimes.threads().start(a.graph());
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (counts(g).written() < 20000 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                ConnectorStats.Counts c = counts(g);
                assertEquals(20000, c.written(), db + ": " + c);
                assertEquals(0, c.failed(), db + ": " + c);
                assertEquals(ConnectorStats.Link.CONNECTED, c.link());
            } finally {
                g.stop();
            }
            assertEquals(ConnectorStats.Link.CLOSED, counts(g).link(), "stopping the graph closes the connection");
            try (Store s = Store.open(db)) {
                QueryResult q = s.query("SELECT count(*), count(DISTINCT key), min(value) > 10 FROM " + table);
                assertEquals(List.of(20000L, 20L, true), q.rows().get(0));
                List<Event<Object>> d7 = s.read(table, "d7", Instant.EPOCH, Instant.now().plusSeconds(3600));
                assertEquals(1000, d7.size());
                assertTrue(d7.get(1).time() - d7.get(0).time() == 200, "5 readings a second: " + d7.subList(0, 2));
                s.query("DROP TABLE " + table);
            }
        }
    }

    @Test
    void aDatabaseThatIsDownFailsTheStartNamingItsAddressNotItsPassword() throws Exception {
        int port = LocalServices.freePort();
        Assembly a = assemble("""
                keep() -> None {
                    readings = sensors(devices=2, speed=0, count=10);
                    store(in=readings, name="x", db="postgresql://postgres:topsecret@127.0.0.1:%d/test");
                }
                """.formatted(port));
        StoreException e = assertThrows(StoreException.class, () -> Runtimes.threads().start(a.graph()));
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
    }

    @Test
    void badParametersAreRefusedAtAssembly() {
        AssemblyException e = assertThrows(AssemblyException.class, () -> assemble("""
                keep() -> None {
                    readings = sensors();
                    store(in=readings, name="my table");
                }
                """));
        assertTrue(e.getMessage().contains("name") && e.getMessage().contains("letters, digits and _"), e.getMessage());
        e = assertThrows(AssemblyException.class, () -> assemble("""
                keep() -> None {
                    readings = sensors();
                    store(in=readings, name="t", db="oracle://scott:tiger@h/db");
                }
                """));
        assertTrue(e.getMessage().contains("unknown database") && !e.getMessage().contains("tiger"), e.getMessage());
    }
}
