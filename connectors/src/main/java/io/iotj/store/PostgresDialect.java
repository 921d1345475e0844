package io.iotj.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** PostgreSQL: rows go in through {@code COPY … FROM STDIN} in its binary format, the server's own bulk path. */
final class PostgresDialect extends Dialect {

    @Override
    String sqlType(ColumnType t) {
        return switch (t) {
            case BIGINT -> "bigint";
            case DOUBLE -> "double precision";
            case BOOLEAN -> "boolean";
            case TEXT -> "text";
            case TIMESTAMP -> "timestamptz";
        };
    }

    @Override
    BulkWriter writer(Connection c, String table, List<Column> columns) throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        String sql = "COPY " + quote(table) + " (" + columns.stream().map(col -> quote(col.name())).collect(Collectors.joining(", "))
                + ") FROM STDIN (FORMAT binary)";
        Buffer buffer = new Buffer();
        DataOutputStream out = new DataOutputStream(buffer);
        return new BulkWriter() {
            @Override
            public void write(List<Object[]> rows) throws SQLException {
                buffer.reset();
                try {
                    out.write(SIGNATURE);
                    out.writeInt(0); // flags
                    out.writeInt(0); // header extension
                    for (Object[] row : rows) {
                        out.writeShort(row.length);
                        for (int i = 0; i < row.length; i++) {
                            binary(out, columns.get(i).type(), row[i]);
                        }
                    }
                    out.writeShort(-1);
                    out.flush();
                    copy.copyIn(sql, new ByteArrayInputStream(buffer.bytes(), 0, buffer.size()));
                } catch (IOException e) {
                    throw new SQLException("writing rows to " + table + ": " + e.getMessage(), "08006", e);
                }
                buffer.shrink(); // a burst's buffer is not kept for the hours after it
            }

            @Override
            public void close() {
            }
        };
    }

    /** COPY's binary format: the server parses nothing, which is what makes it its fastest input. */
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** PostgreSQL's timestamps count microseconds from 2000-01-01T00:00:00Z. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    private static void binary(DataOutputStream out, ColumnType t, Object cell) throws IOException {
        if (cell == null) {
            out.writeInt(-1);
            return;
        }
        switch (t) {
            case BIGINT -> {
                out.writeInt(8);
                out.writeLong((Long) cell);
            }
            case DOUBLE -> {
                out.writeInt(8);
                out.writeDouble((Double) cell);
            }
            case BOOLEAN -> {
                out.writeInt(1);
                out.writeByte((Boolean) cell ? 1 : 0);
            }
            case TIMESTAMP -> {
                Instant i = (Instant) cell;
                out.writeInt(8);
                out.writeLong(i.getEpochSecond() * 1_000_000L + i.getNano() / 1000 - PG_EPOCH_MICROS);
            }
            case TEXT -> {
                byte[] b = ((String) cell).replace("\0", "").getBytes(StandardCharsets.UTF_8); // text cannot hold NUL
                out.writeInt(b.length);
                out.write(b);
            }
            default -> throw new AssertionError(t);
        }
    }

    /** A byte buffer whose array is read in place. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(1 << 16);
        }

        byte[] bytes() {
            return buf;
        }

        void shrink() {
            if (buf.length > 1 << 22) {
                buf = new byte[1 << 16];
            }
            reset();
        }
    }
}
