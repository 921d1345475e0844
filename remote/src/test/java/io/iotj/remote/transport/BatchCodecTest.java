package io.iotj.remote.transport;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class BatchCodecTest {
    private final BatchCodec codec = new BatchCodec(new ValueCodec());

    record Point(double x, double y) implements Serializable {}

    @Test
    void longBatchRoundTripsWithPositionAndIndex() throws IOException {
        long[] data = {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 42, 0};
        Batch b = new Batch(new StreamId("in", 2, "map0.out"), 1_000_000_000_000L, new Values.Longs(data, 5));
        byte[] bytes = codec.encode(b);
        assertEquals(8 * 5, bytes.length - headerSize("in", "map0.out"), "5 longs packed as 8 bytes each");
        Batch back = codec.decode(bytes);
        assertEquals(b.stream(), back.stream());
        assertEquals(b.position(), back.position());
        assertEquals(5, back.size());
        for (int i = 0; i < 5; i++) assertEquals(data[i], back.values().get(i));
    }

    @Test
    void doubleBatchRoundTrips() throws IOException {
        double[] data = {0.5, Double.NaN, -0.0, Double.MAX_VALUE};
        Batch back = codec.decode(codec.encode(new Batch(new StreamId("x", StreamId.NO_INDEX, "p"), 7, new Values.Doubles(data, 4))));
        assertArrayEquals(data, ((Values.Doubles) back.values()).data());
        assertEquals(StreamId.NO_INDEX, back.stream().index());
    }

    @Test
    void generalValuesKeepTheirTypes() throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b", List.of("x", 2.5));
        List<Object> values = new ArrayList<>(Arrays.asList(null, true, 3, 4L, 2.5f, "héllo", 'c', (short) 7, (byte) 8,
                List.of(1, List.of(2, 3)), map, new long[]{1, 2}, new double[]{0.5}, new int[]{9}, new byte[]{1, 2, 3},
                new Point(1, 2), io.iotj.stream.Tuple.of(1, "a", List.of(2.5))));
        Batch back = codec.decode(codec.encode(new Batch(new StreamId("in", 0, "zip0.out"), 0, new Values.Objects(values))));
        List<Object> got = ((Values.Objects) back.values()).list();
        assertEquals(values.size(), got.size());
        for (int i = 0; i < values.size(); i++) {
            Object want = values.get(i), have = got.get(i);
            if (want instanceof long[] a) assertArrayEquals(a, (long[]) have);
            else if (want instanceof double[] a) assertArrayEquals(a, (double[]) have);
            else if (want instanceof int[] a) assertArrayEquals(a, (int[]) have);
            else if (want instanceof byte[] a) assertArrayEquals(a, (byte[]) have);
            else {
                assertEquals(want, have, "value " + i);
                // lists arrive as lists and maps as maps (ArrayList, LinkedHashMap); other types exactly
                if (want instanceof List) assertInstanceOf(List.class, have);
                else if (want instanceof Map) assertInstanceOf(LinkedHashMap.class, have);
                else if (want != null) assertEquals(want.getClass(), have.getClass(), "type of value " + i);
            }
        }
    }

    @Test
    void aValueThatCannotTravelIsNamedInTheError() {
        Object notSerializable = new Object();
        IOException e = assertThrows(IOException.class, () -> codec.encode(
                new Batch(new StreamId("in", -1, "p"), 0, new Values.Objects(List.of(notSerializable)))));
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
    }

    /** A serialized object of a class outside the allowed packages is refused, not instantiated. */
    @Test
    void deserializationFilterRefusesForeignClasses() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(raw)) {
            o.writeObject(new org.opentest4j.AssertionFailedError("not to be rebuilt"));
        }
        byte[] body = handMadeObjectBatch(raw.toByteArray());
        IOException e = assertThrows(IOException.class, () -> codec.decode(body));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void malformedMessagesGetReadableErrors() throws IOException {
        assertTrue(assertThrows(IOException.class, () -> codec.decode("hello".getBytes()))
                .getMessage().contains("not an iotj data message"));
        byte[] good = codec.encode(new Batch(new StreamId("in", -1, "p"), 0, new Values.Longs(new long[]{1, 2, 3}, 3)));
        byte[] cut = Arrays.copyOf(good, good.length - 4);
        IOException e = assertThrows(IOException.class, () -> codec.decode(cut));
        assertTrue(e.getMessage().contains("expected 24"), e.getMessage());
    }

    @Test
    void trimmingKeepsTheTail() {
        Values v = new Values.Longs(new long[]{10, 11, 12, 13}, 4).from(2);
        assertEquals(2, v.size());
        assertEquals(12L, v.get(0));
        assertEquals(13L, v.get(1));
        assertThrows(IndexOutOfBoundsException.class, () -> v.get(2));
    }

    private static int headerSize(String param, String producer) {
        return 4 + 4 + param.length() + 4 + 4 + producer.length() + 8 + 4;
    }

    /** An OBJECTS batch of one SERIALIZED value carrying {@code serialized}. */
    private static byte[] handMadeObjectBatch(byte[] serialized) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 + 4 + 2 + 4 + 4 + 1 + 8 + 4 + 1 + 4 + serialized.length);
        b.put((byte) 'I').put((byte) 'B').put((byte) 1).put((byte) 3);
        b.putInt(2).put("in".getBytes()).putInt(-1);
        b.putInt(1).put("p".getBytes());
        b.putLong(0).putInt(1);
        b.put((byte) 14).putInt(serialized.length).put(serialized);
        return b.array();
    }
}
