package io.iotj.remote.transport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The general codec for values that are not plain numbers: a compact tagged form for the common
 * types (null, booleans, numbers, strings, lists, maps, primitive arrays) and Java serialization for
 * other {@link Serializable} values.
 *
 * <p>Data messages come from a broker that other programs can publish to, so deserialization is
 * limited by an {@link ObjectInputFilter}: only {@code java.*} classes, iotj's own classes and the
 * packages the caller allows are rebuilt, with bounded depth and size. Anything else is refused with
 * a readable error rather than run.
 */
public final class ValueCodec {
    private static final int NULL = 0, FALSE = 1, TRUE = 2, INT = 3, LONG = 4, DOUBLE = 5, FLOAT = 6,
            STRING = 7, LIST = 8, MAP = 9, LONGS = 10, DOUBLES = 11, INTS = 12, BYTES = 13,
            SERIALIZED = 14, SHORT = 15, BYTE = 16, CHAR = 17, TUPLE = 18;
    private static final int MAX_DEPTH = 64;

    private final ObjectInputFilter filter;

    /** A codec that rebuilds serialized values of {@code java.*}, {@code io.iotj.*} and the given package prefixes. */
    public ValueCodec(List<String> allowedPackagePrefixes) {
        StringBuilder pattern = new StringBuilder("maxdepth=32;maxrefs=100000;maxbytes=67108864;java.**;io.iotj.**;");
        for (String p : allowedPackagePrefixes) pattern.append(p).append(".**;");
        pattern.append("[*;!*");
        this.filter = ObjectInputFilter.Config.createFilter(pattern.toString());
    }

    /** A codec that rebuilds only {@code java.*} and {@code io.iotj.*} classes. */
    public ValueCodec() {
        this(List.of());
    }

    /** Writes one value. */
    public void write(DataOutput out, Object v) throws IOException {
        write(out, v, 0);
    }

    private void write(DataOutput out, Object v, int depth) throws IOException {
        if (depth > MAX_DEPTH) throw new IOException("value nested deeper than " + MAX_DEPTH);
        switch (v) {
            case null -> out.writeByte(NULL);
            case Boolean b -> out.writeByte(b ? TRUE : FALSE);
            case Integer i -> { out.writeByte(INT); out.writeInt(i); }
            case Long l -> { out.writeByte(LONG); out.writeLong(l); }
            case Double d -> { out.writeByte(DOUBLE); out.writeDouble(d); }
            case Float f -> { out.writeByte(FLOAT); out.writeFloat(f); }
            case Short s -> { out.writeByte(SHORT); out.writeShort(s); }
            case Byte b -> { out.writeByte(BYTE); out.writeByte(b); }
            case Character c -> { out.writeByte(CHAR); out.writeChar(c); }
            case String s -> { out.writeByte(STRING); writeString(out, s); }
            case long[] a -> { out.writeByte(LONGS); out.writeInt(a.length); for (long x : a) out.writeLong(x); }
            case double[] a -> { out.writeByte(DOUBLES); out.writeInt(a.length); for (double x : a) out.writeDouble(x); }
            case int[] a -> { out.writeByte(INTS); out.writeInt(a.length); for (int x : a) out.writeInt(x); }
            case byte[] a -> { out.writeByte(BYTES); out.writeInt(a.length); out.write(a); }
            case io.iotj.stream.Tuple t -> {
                // zip's and mix's values: a tuple stays a tuple on the other node
                out.writeByte(TUPLE);
                out.writeInt(t.items().size());
                for (Object x : t.items()) write(out, x, depth + 1);
            }
            case List<?> list when isPlainList(list) -> {
                out.writeByte(LIST);
                out.writeInt(list.size());
                for (Object x : list) write(out, x, depth + 1);
            }
            case Map<?, ?> map when isPlainMap(map) -> {
                out.writeByte(MAP);
                out.writeInt(map.size());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    write(out, e.getKey(), depth + 1);
                    write(out, e.getValue(), depth + 1);
                }
            }
            case Serializable s -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
                    oos.writeObject(s);
                }
                out.writeByte(SERIALIZED);
                out.writeInt(bytes.size());
                out.write(bytes.toByteArray());
            }
            default -> throw new IOException("cannot send a " + v.getClass().getName()
                    + " to another node: it is neither a number, string, list, map, array nor Serializable");
        }
    }

    /** Reads one value written by {@link #write}. */
    public Object read(DataInput in) throws IOException {
        return read(in, 0);
    }

    private Object read(DataInput in, int depth) throws IOException {
        if (depth > MAX_DEPTH) throw new IOException("value nested deeper than " + MAX_DEPTH);
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case NULL -> null;
            case FALSE -> Boolean.FALSE;
            case TRUE -> Boolean.TRUE;
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case FLOAT -> in.readFloat();
            case SHORT -> in.readShort();
            case BYTE -> in.readByte();
            case CHAR -> in.readChar();
            case STRING -> readString(in);
            case LONGS -> { long[] a = new long[length(in)]; for (int i = 0; i < a.length; i++) a[i] = in.readLong(); yield a; }
            case DOUBLES -> { double[] a = new double[length(in)]; for (int i = 0; i < a.length; i++) a[i] = in.readDouble(); yield a; }
            case INTS -> { int[] a = new int[length(in)]; for (int i = 0; i < a.length; i++) a[i] = in.readInt(); yield a; }
            case BYTES -> { byte[] a = new byte[length(in)]; in.readFully(a); yield a; }
            case LIST -> {
                int n = length(in);
                List<Object> list = new ArrayList<>(Math.min(n, 1 << 16));
                for (int i = 0; i < n; i++) list.add(read(in, depth + 1));
                yield list;
            }
            case MAP -> {
                int n = length(in);
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) map.put(read(in, depth + 1), read(in, depth + 1));
                yield map;
            }
            case TUPLE -> {
                int n = length(in);
                List<Object> items = new ArrayList<>(Math.min(n, 1 << 16));
                for (int i = 0; i < n; i++) items.add(read(in, depth + 1));
                yield new io.iotj.stream.Tuple(items);
            }
            case SERIALIZED -> readSerialized(in);
            default -> throw new IOException("unknown value tag " + tag + " (not a message from iotj, or a newer version)");
        };
    }

    private Object readSerialized(DataInput in) throws IOException {
        byte[] bytes = new byte[length(in)];
        in.readFully(bytes);
        try (ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            ois.setObjectInputFilter(filter);
            return ois.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("value of class " + e.getMessage() + " is not known on this node", e);
        } catch (java.io.InvalidClassException e) {
            throw new IOException("value refused by the deserialization filter: " + e.getMessage(), e);
        }
    }

    private static boolean isPlainList(List<?> list) {
        // ArrayList, List.of, Arrays.asList... rebuild as ArrayList; other List classes keep their class via serialization.
        String n = list.getClass().getName();
        return n.equals("java.util.ArrayList") || n.startsWith("java.util.ImmutableCollections$")
                || n.equals("java.util.Arrays$ArrayList") || n.startsWith("java.util.Collections$Unmodifiable");
    }

    private static boolean isPlainMap(Map<?, ?> map) {
        String n = map.getClass().getName();
        return n.equals("java.util.HashMap") || n.equals("java.util.LinkedHashMap")
                || n.startsWith("java.util.ImmutableCollections$") || n.startsWith("java.util.Collections$Unmodifiable");
    }

    private static int length(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) throw new IOException("negative length " + n);
        return n;
    }

    static void writeString(DataOutput out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInput in) throws IOException {
        byte[] b = new byte[length(in)];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
