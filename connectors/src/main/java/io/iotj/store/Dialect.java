package io.iotj.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** What differs between the embedded database and PostgreSQL: type names and the fastest way to add rows. */
abstract class Dialect {

    static Dialect of(StoreAddress a) {
        return a.isEmbedded() ? new DuckDbDialect() : new PostgresDialect();
    }

    abstract String sqlType(ColumnType t);

    /** Adds rows (cells in {@code columns}' order, already fitted) to {@code table} in one transaction. */
    abstract BulkWriter writer(Connection c, String table, List<Column> columns) throws SQLException;

    /** A quoted SQL identifier. */
    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Writes batches of rows into one table. */
    interface BulkWriter extends AutoCloseable {
        void write(List<Object[]> rows) throws SQLException;

        @Override
        void close() throws SQLException;
    }
}
