package io.iotj.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** DuckDB: rows go in through its appender, which writes column chunks directly (no SQL per row). */
final class DuckDbDialect extends Dialect {

    @Override
    String sqlType(ColumnType t) {
        return switch (t) {
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case TEXT -> "VARCHAR";
            case TIMESTAMP -> "TIMESTAMPTZ";
        };
    }

    @Override
    BulkWriter writer(Connection c, String table, List<Column> columns) throws SQLException {
        DuckDBAppender appender = c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
        return new BulkWriter() {
            @Override
            public void write(List<Object[]> rows) throws SQLException {
                for (Object[] row : rows) {
                    appender.beginRow();
                    for (int i = 0; i < row.length; i++) {
                        append(appender, columns.get(i).type(), row[i]);
                    }
                    appender.endRow();
                }
                appender.flush();
            }

            @Override
            public void close() throws SQLException {
                appender.close();
            }
        };
    }

    private static void append(DuckDBAppender a, ColumnType t, Object cell) throws SQLException {
        if (cell == null) {
            a.appendNull();
            return;
        }
        switch (t) {
            case BIGINT -> a.append((long) (Long) cell);
            case DOUBLE -> a.append((double) (Double) cell);
            case BOOLEAN -> a.append((boolean) (Boolean) cell);
            case TEXT -> a.append((String) cell);
            case TIMESTAMP -> {
                Instant i = (Instant) cell;
                a.appendEpochMicros(Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000));
            }
            default -> throw new AssertionError(t);
        }
    }
}
