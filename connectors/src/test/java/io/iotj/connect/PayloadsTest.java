package io.iotj.connect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.stream.Event;
import io.iotj.stream.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How messages are read (formats, fields, times) and written (encodings, topics named after values). */
class PayloadsTest {

    @Test
    void jsonFieldsNestedTimesAndReasons() throws Exception {
        PayloadFormat f = PayloadFormat.of("json", List.of("temp:double", "meta.unit"), "at");
        Event<Object> e = f.read("t", "{\"at\": \"2024-05-01T12:00:00Z\", \"temp\": \"21.5\", \"meta\": {\"unit\": \"C\"}}", 5);
        assertEquals(Map.of("temp", 21.5, "meta.unit", "C"), e.value());
        assertEquals(1714564800000L, e.time());
        assertEquals(5, e.arrival());
        assertEquals(1714564800000L, f.read("t", "{\"at\": 1714564800, \"temp\": 1, \"meta\": {\"unit\": \"C\"}}", 5).time(),
                "epoch seconds");
        PayloadFormat.Malformed m = assertThrows(PayloadFormat.Malformed.class,
                () -> f.read("t", "{\"at\": \"yesterday\", \"temp\": 1, \"meta\": {}}", 5));
        assertTrue(m.getMessage().contains("field at is not a time"), m.getMessage());
        assertEquals("no field meta.unit", assertThrows(PayloadFormat.Malformed.class,
                () -> f.read("t", "{\"at\": 1, \"temp\": 1}", 5)).getMessage());
    }

    @Test
    void csvRowsAsTuplesOrNamedCells() throws Exception {
        assertEquals(Tuple.of("d1", 21L, 0.5), PayloadFormat.of("csv", List.of(), null).read("k", "d1,21,0.5", 1).value());
        Event<Object> e = PayloadFormat.of("csv", List.of("device", "ts", "temp:double"), "ts").read("k", "d1,1714564800,21.5", 1);
        assertEquals(Map.of("device", "d1", "temp", 21.5), e.value());
        assertEquals(1714564800000L, e.time());
        assertTrue(assertThrows(PayloadFormat.Malformed.class, () -> PayloadFormat.of("csv", List.of("device", "temp:double"), null)
                .read("k", "d1,warm", 1)).getMessage().contains("column temp is not a number"));
    }

    @Test
    void encodingsAndTopicsNamedAfterTheValue() {
        record Alert(String device, double score) { }
        Event<Object> e = new Event<>("plant/d3/temp", 10, 12, 21.5);
        assertEquals("{\"key\":\"plant/d3/temp\",\"time\":10,\"arrival\":12,\"value\":21.5}", PayloadEncoding.JSON.text(e));
        assertEquals("21.5", PayloadEncoding.TEXT.text(e));
        assertArrayEquals("{\"device\":\"d3\",\"score\":4.5}".getBytes(StandardCharsets.UTF_8),
                PayloadEncoding.JSON.encode(new Alert("d3", 4.5)));
        assertEquals("alerts/d3", TopicTemplate.of("alerts/{key[1]}").apply(e));
        assertEquals("alerts/d3/4.5", TopicTemplate.of("alerts/{device}/{score}").apply(new Alert("d3", 4.5)));
        assertEquals("x/b", TopicTemplate.of("x/{1}").apply(Tuple.of("a", "b")));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> TopicTemplate.of("a/{device}").apply(e));
        assertTrue(bad.getMessage().contains("has no field device"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PayloadEncoding.DOUBLE.text(new Event<>("k", 1, 1, "text")));
    }
}
