package io.iotj.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** PostgreSQL: rows go in through {@code COPY … FROM STDIN}, the server's own bulk path. */
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
                + ") FROM STDIN (FORMAT text)";
        StringBuilder b = new StringBuilder(1 << 16);
        return new BulkWriter() {
            @Override
            public void write(List<Object[]> rows) throws SQLException {
                b.setLength(0);
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            b.append('\t');
                        }
                        text(b, columns.get(i).type(), row[i]);
                    }
                    b.append('\n');
                }
                try {
                    copy.copyIn(sql, new StringReader(b.toString()));
                } catch (IOException e) {
                    throw new SQLException("writing rows to " + table + ": " + e.getMessage(), "08006", e);
                }
                if (b.capacity() > 1 << 22) {
                    b.setLength(0);
                    b.trimToSize(); // a burst's buffer is not kept for the hours after it
                }
            }

            @Override
            public void close() {
            }
        };
    }

    /** A cell in COPY's text format: {@code \N} for null, backslash escapes in text. */
    private static void text(StringBuilder b, ColumnType t, Object cell) {
        if (cell == null) {
            b.append("\\N");
            return;
        }
        switch (t) {
            case BIGINT -> b.append((long) (Long) cell);
            case DOUBLE -> {
                double d = (Double) cell;
                if (Double.isNaN(d)) {
                    b.append("NaN");
                } else if (Double.isInfinite(d)) {
                    b.append(d > 0 ? "Infinity" : "-Infinity");
                } else {
                    b.append(d);
                }
            }
            case BOOLEAN -> b.append((Boolean) cell ? 't' : 'f');
            case TIMESTAMP -> b.append((Instant) cell);
            case TEXT -> {
                String s = (String) cell;
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    switch (c) {
                        case '\\' -> b.append("\\\\");
                        case '\t' -> b.append("\\t");
                        case '\n' -> b.append("\\n");
                        case '\r' -> b.append("\\r");
                        case '\0' -> { } // PostgreSQL text cannot hold NUL
                        default -> b.append(c);
                    }
                }
            }
            default -> throw new AssertionError(t);
        }
    }
}
