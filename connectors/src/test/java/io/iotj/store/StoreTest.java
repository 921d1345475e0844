package io.iotj.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.connect.LocalServices;
import io.iotj.stream.Event;
import io.iotj.stream.Tuple;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The store's Java API against the embedded database and the local PostgreSQL: what is written reads back. */
class StoreTest {
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    static Path dir;

    static Stream<String> databases() throws Exception {
        LocalServices.postgres();
        return Stream.of("duckdb:" + dir.resolve("store.duckdb"), LocalServices.POSTGRES);
    }

    private static String table() {
        return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static List<Event<Object>> readings(int n) {
        List<Event<Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Event<>("d" + (i % 3), T0 + i * 1000L, T0 + i * 1000L + 250, 20.0 + i / 10.0));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eventsReadBackByTimeRangeAndKeyWithRealTimestampColumns(String db) {
        String t = table();
        try (Store s = Store.open(db)) {
            assertEquals(300, s.write(t, readings(300)));
            List<Event<Object>> all = s.read(t, Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 300_000));
            assertEquals(readings(300), all, "every event back, oldest first, key, times and value intact");
            List<Event<Object>> d1 = s.read(t, "d1", Instant.ofEpochMilli(T0 + 10_000), Instant.ofEpochMilli(T0 + 20_000));
            assertEquals(List.of(T0 + 10_000, T0 + 13_000, T0 + 16_000, T0 + 19_000), d1.stream().map(Event::time).toList());
            QueryResult types = s.query("SELECT \"time\" + INTERVAL '1 hour' AS later, key, value FROM " + t + " ORDER BY \"time\" LIMIT 1");
            assertEquals(List.of(ColumnType.TIMESTAMP, ColumnType.TEXT, ColumnType.DOUBLE), types.types(),
                    "time is a timestamp the database computes with");
            assertEquals(Instant.ofEpochMilli(T0 + 3_600_000), types.rows().get(0).get(0));
            QueryResult avg = s.query("SELECT key, count(*) AS n, avg(value) AS mean FROM " + t + " GROUP BY key ORDER BY key");
            assertEquals(List.of("key", "n", "mean"), avg.columns());
            assertEquals(List.of(List.of("d0", 100L, 34.85), List.of("d1", 100L, 34.95), List.of("d2", 100L, 35.05)),
                    avg.rows().stream().map(r -> List.of(r.get(0), r.get(1), Math.round((Double) r.get(2) * 100) / 100.0)).toList());
            s.query("DROP TABLE " + t);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aNewFieldAddsAColumnAndAValueThatDoesNotFitIsRefusedWithTheReason(String db) {
        String t = table();
        try (Store s = Store.open(db)) {
            Map<String, Object> first = new LinkedHashMap<>();
            first.put("temp", 21.5);
            first.put("unit", "C");
            s.write(t, List.of(new Event<>("plant/a", T0, T0, first)));
            Map<String, Object> second = new LinkedHashMap<>(first);
            second.put("battery", 0.93);
            s.write(t, List.of(new Event<>("plant/a", T0 + 1, T0 + 1, second)));
            Map<String, Object> bad = Map.of("temp", "hot");
            StoreException e = assertThrows(StoreException.class,
                    () -> s.write(t, List.of(new Event<>("plant/b", T0 + 2, T0 + 2, bad), new Event<>("plant/b", T0 + 3, T0 + 3, first))));
            assertTrue(e.getMessage().contains("1 of 2 values were not written") && e.getMessage().contains("temp")
                    && e.getMessage().contains("\"hot\""), e.getMessage());
            List<Event<Object>> back = s.read(t, Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 10));
            assertEquals(3, back.size(), "the value that fits was written");
            assertEquals(Map.of("temp", 21.5, "unit", "C"), withoutNulls(back.get(0).value()));
            assertEquals(Map.of("temp", 21.5, "unit", "C", "battery", 0.93), withoutNulls(back.get(1).value()));
            s.query("DROP TABLE " + t);
        }
    }

    private static Map<Object, Object> withoutNulls(Object v) {
        Map<Object, Object> m = new LinkedHashMap<>((Map<?, ?>) v);
        m.values().removeIf(x -> x == null);
        return m;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void plainValuesTuplesAndRecordsGetColumnsOfTheirOwn(String db) {
        String t = table();
        record Alert(String device, double score, boolean flagged) { }
        try (Store s = Store.open(db)) {
            long before = System.currentTimeMillis();
            s.write(t + "_n", List.of(1L, 2L, 3L));
            s.write(t + "_t", List.of(Tuple.of("a", 1.5), Tuple.of("b", 2.5)));
            s.write(t + "_r", List.of(new Alert("d3", 4.2, true)));
            QueryResult n = s.query("SELECT sum(value) AS total, min(\"time\") AS first FROM " + t + "_n");
            assertEquals(6L, ((Number) n.rows().get(0).get(0)).longValue());
            assertFalse(((Instant) n.rows().get(0).get(1)).isBefore(Instant.ofEpochMilli(before).minusSeconds(1)),
                    "a plain value is stamped with when it was stored");
            assertEquals(List.of(List.of("b", 2.5)), s.query("SELECT v0, v1 FROM " + t + "_t WHERE v1 > 2").rows());
            assertEquals(List.of(List.of("d3", 4.2, true)), s.query("SELECT device, score, flagged FROM " + t + "_r").rows());
            for (String suffix : List.of("_n", "_t", "_r")) {
                s.query("DROP TABLE " + t + suffix);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void sqlErrorsAreTheDatabasesOwnWords(String db) {
        try (Store s = Store.open(db)) {
            StoreException e = assertThrows(StoreException.class, () -> s.query("SELECT * FROM no_such_table_here"));
            assertTrue(e.getMessage().contains("no_such_table_here"), e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void badTableNamesAreRefused(String db) {
        try (Store s = Store.open(db)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.write("drop table x;", List.of(1)));
            assertTrue(e.getMessage().contains("letters, digits and _"), e.getMessage());
        }
    }
}
