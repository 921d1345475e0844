package io.iotj.remote.transport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of one data message. Layout (big-endian):
 * <pre>
 * 'I' 'B' version kind | param | index:int | producer | position:long | count:int | values
 * </pre>
 * where strings are a length and UTF-8 bytes, and values are {@code count} raw longs or doubles
 * (kinds 1, 2) or {@code count} {@link ValueCodec} values (kind 3).
 */
public final class BatchCodec {
    private static final byte M1 = 'I', M2 = 'B', VERSION = 1, LONGS = 1, DOUBLES = 2, OBJECTS = 3;

    private final ValueCodec values;

    /** A codec that uses {@code values} for non-numeric batches. */
    public BatchCodec(ValueCodec values) {
        this.values = values;
    }

    /** Encodes a batch. */
    public byte[] encode(Batch batch) throws IOException {
        StreamId id = batch.stream();
        byte[] param = utf8(id.param()), producer = utf8(id.producer());
        int head = 4 + 4 + param.length + 4 + 4 + producer.length + 8 + 4;
        return switch (batch.values()) {
            case Values.Longs l -> {
                ByteBuffer buf = header(head + 8 * l.size(), LONGS, param, id.index(), producer, batch.position(), l.size());
                buf.asLongBuffer().put(l.data(), 0, l.size());
                yield buf.array();
            }
            case Values.Doubles d -> {
                ByteBuffer buf = header(head + 8 * d.size(), DOUBLES, param, id.index(), producer, batch.position(), d.size());
                buf.asDoubleBuffer().put(d.data(), 0, d.size());
                yield buf.array();
            }
            case Values.Objects o -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(head + 16 * o.size());
                bytes.write(header(head, OBJECTS, param, id.index(), producer, batch.position(), o.size()).array());
                DataOutputStream out = new DataOutputStream(bytes);
                for (Object v : o.list()) values.write(out, v);
                out.flush();
                yield bytes.toByteArray();
            }
        };
    }

    /** Decodes a message; a message that is not an iotj batch gets an {@link IOException} saying why. */
    public Batch decode(byte[] body) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(body);
        try {
            if (buf.get() != M1 || buf.get() != M2) throw new IOException("not an iotj data message");
            byte version = buf.get();
            if (version != VERSION) throw new IOException("data message version " + version + ", expected " + VERSION);
            byte kind = buf.get();
            String param = string(buf);
            int index = buf.getInt();
            String producer = string(buf);
            long position = buf.getLong();
            int count = buf.getInt();
            if (count < 0) throw new IOException("negative count " + count);
            StreamId id = new StreamId(param, index, producer);
            Values v = switch (kind) {
                case LONGS -> {
                    need(buf, 8L * count);
                    long[] a = new long[count];
                    buf.asLongBuffer().get(a);
                    yield new Values.Longs(a, count);
                }
                case DOUBLES -> {
                    need(buf, 8L * count);
                    double[] a = new double[count];
                    buf.asDoubleBuffer().get(a);
                    yield new Values.Doubles(a, count);
                }
                case OBJECTS -> {
                    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body, buf.position(), buf.remaining()));
                    List<Object> list = new ArrayList<>(Math.min(count, 1 << 16));
                    for (int i = 0; i < count; i++) list.add(values.read(in));
                    yield new Values.Objects(list);
                }
                default -> throw new IOException("unknown batch kind " + kind);
            };
            return new Batch(id, position, v);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw new IOException("truncated or malformed data message (" + body.length + " bytes)", e);
        }
    }

    private static ByteBuffer header(int size, byte kind, byte[] param, int index, byte[] producer, long position, int count) {
        ByteBuffer buf = ByteBuffer.allocate(size);
        buf.put(M1).put(M2).put(VERSION).put(kind);
        buf.putInt(param.length).put(param).putInt(index);
        buf.putInt(producer.length).put(producer);
        buf.putLong(position).putInt(count);
        return buf;
    }

    private static void need(ByteBuffer buf, long bytes) throws IOException {
        if (buf.remaining() != bytes) throw new IOException("data message has " + buf.remaining() + " value bytes, expected " + bytes);
    }

    private static String string(ByteBuffer buf) throws IOException {
        int n = buf.getInt();
        if (n < 0 || n > buf.remaining()) throw new IOException("bad string length " + n);
        byte[] b = new byte[n];
        buf.get(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
