package io.iotj.magics.table;

import io.iotj.magics.table.TableHtml;
import io.iotj.stream.IotStream;
import io.iotj.stream.Tuple;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamTablesTest {

    @Test
    void wholeNumbersBecomeALongColumnIndexedFromTheirStreamPosition() {
        Table t = StreamTables.of("x", List.of(5, 6, 7), 100);
        assertEquals(List.of("index", "value"), t.columnNames());
        assertEquals(ColumnType.LONG, t.column("value").type());
        assertEquals(List.of(100L, 101L, 102L), t.longColumn("index").asList());
        assertEquals(List.of(5L, 6L, 7L), t.longColumn("value").asList());
    }

    @Test
    void mixedNumbersBecomeDoublesAndOtherValuesText() {
        Table d = StreamTables.of("y", List.of(1, 2.5, 3L));
        assertEquals(ColumnType.DOUBLE, d.column("value").type());
        assertEquals(2.5, d.doubleColumn("value").get(1));
        Table s = StreamTables.of("s", Arrays.asList("a", 1, null));
        assertEquals(ColumnType.STRING, s.column("value").type());
        assertEquals("1", s.stringColumn("value").get(1));
        assertTrue(s.column("value").isMissing(2));
        Table b = StreamTables.of("b", List.of(true, false));
        assertEquals(ColumnType.BOOLEAN, b.column("value").type());
    }

    record Reading(String sensor, double celsius) { }

    @Test
    void tuplesSpreadOverOneColumnPerElement() {
        Table zip = StreamTables.of("z", List.of(List.of(2, 1), List.of(4, 2), List.of(6, 3)));
        assertEquals(List.of("index", "value[0]", "value[1]"), zip.columnNames());
        assertEquals(List.of(2L, 4L, 6L), zip.longColumn("value[0]").asList());
        assertEquals(List.of(1L, 2L, 3L), zip.longColumn("value[1]").asList());

        Table tuples = StreamTables.of("z", List.of(Tuple.of(2, 1), Tuple.of(4, 2)));
        assertEquals(List.of("index", "value[0]", "value[1]"), tuples.columnNames());
        assertEquals(List.of(2L, 4L), tuples.longColumn("value[0]").asList());

        Table arrays = StreamTables.of("a", List.of(new double[] {1, 2}, new double[] {3, 4}));
        assertEquals(List.of(2.0, 4.0), arrays.doubleColumn("value[1]").asList());

        Table mix = StreamTables.of("m", List.of(Map.entry(0, "a"), Map.entry(1, "b")));
        assertEquals(List.of("index", "value[0]", "value[1]"), mix.columnNames());

        Table records = StreamTables.of("r", List.of(new Reading("t1", 20.5), new Reading("t2", 21)));
        assertEquals(List.of("index", "sensor", "celsius"), records.columnNames());
        assertEquals(21.0, records.doubleColumn("celsius").get(1));
    }

    @Test
    void tuplesOfDifferentAritiesStayOneTextColumn() {
        Table t = StreamTables.of("t", List.of(List.of(1, 2), List.of(1, 2, 3)));
        assertEquals(List.of("index", "value"), t.columnNames());
        assertEquals("[1, 2, 3]", t.stringColumn("value").get(1));
    }

    @Test
    void aStreamsRecentValuesKeepTheirPositions() {
        IotStream<Integer> s = new IotStream<>("temps", 5, 16);
        for (int i = 0; i < 12; i++) {
            s.append(i * 10);
        }
        Table last3 = StreamTables.of(s, 3);
        assertEquals("temps", last3.name());
        assertEquals(List.of(9L, 10L, 11L), last3.longColumn("index").asList());
        assertEquals(List.of(90L, 100L, 110L), last3.longColumn("value").asList());
        assertEquals(5, StreamTables.of(s).rowCount(), "a stream keeps only its recent values");
    }

    @Test
    void emptyStreamGivesAnEmptyTable() {
        Table t = StreamTables.of("e", List.of());
        assertEquals(0, t.rowCount());
        assertTrue(TableHtml.render(t).contains("<th"));
    }

    @Test
    void htmlEscapesValuesAndCutsLongTablesToHeadAndTail() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            values.add("<v" + i + "&>");
        }
        String html = TableHtml.render(StreamTables.of("big<", values), 10);
        assertTrue(html.contains("&lt;v0&amp;&gt;"));
        assertTrue(html.contains("&lt;v999&amp;&gt;"));
        assertFalse(html.contains("&lt;v500&amp;&gt;"));
        assertFalse(html.contains("<v"));
        assertTrue(html.contains("990 more rows"));
        assertTrue(html.contains("1000 rows"));
        assertEquals(10, html.split("<tr>", -1).length - 2, "10 data rows plus the header row");
    }
}
