package io.iotj.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One table a stream is written to. It is created from the first values' shape; a field that
 * appears later gets a new column (older rows hold null there), so a device that starts sending
 * an extra reading loses nothing. A value whose field does not fit its column's kind (text where
 * numbers are stored) is not written: it is reported, with the reason, to the caller.
 */
final class StoredTable {
    private final Connection connection;
    private final Dialect dialect;
    private final String name;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private boolean exists;
    private Dialect.BulkWriter writer;

    StoredTable(Connection connection, Dialect dialect, String name) throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.name = name;
        load();
    }

    private void load() throws SQLException {
        columns.clear();
        exists = tableExists(connection, name);
        if (!exists) {
            return;
        }
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT * FROM " + Dialect.quote(name) + " WHERE 1 = 0")) {
            ResultSetMetaData m = r.getMetaData();
            for (int i = 1; i <= m.getColumnCount(); i++) {
                String n = m.getColumnName(i);
                columns.put(n, new Column(n, ColumnType.ofJdbc(m.getColumnType(i), m.getColumnTypeName(i))));
            }
        }
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet r = md.getTables(null, null, table, new String[] {"TABLE", "BASE TABLE"})) {
            while (r.next()) {
                String schema = r.getString("TABLE_SCHEM");
                if (schema == null || schema.equals("public") || schema.equals("main")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The table's columns in order. */
    List<Column> columns() {
        return List.copyOf(columns.values());
    }

    /**
     * Writes {@code rows} (field name to cell) in one batch; rows that do not fit go to
     * {@code rejected} with the reason and are not written.
     *
     * @return the number of rows written
     */
    int write(List<Map<String, Object>> rows, BiConsumer<Integer, String> rejected) throws SQLException {
        List<Column> added = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            for (Map.Entry<String, Object> e : row.entrySet()) {
                if (!columns.containsKey(e.getKey()) && e.getValue() != null) {
                    Column c = new Column(e.getKey(), ColumnType.of(e.getValue()));
                    columns.put(c.name(), c);
                    added.add(c);
                }
            }
        }
        if (!added.isEmpty()) {
            addColumns(added);
        }
        List<Column> cols = columns();
        List<Object[]> cells = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            Map<String, Object> row = rows.get(r);
            Object[] out = new Object[cols.size()];
            try {
                for (int i = 0; i < out.length; i++) {
                    out[i] = cols.get(i).fit(row.get(cols.get(i).name()));
                }
                cells.add(out);
            } catch (IllegalArgumentException e) {
                rejected.accept(r, e.getMessage());
            }
        }
        if (cells.isEmpty()) {
            return 0;
        }
        if (writer == null) {
            writer = dialect.writer(connection, name, cols);
        }
        writer.write(cells);
        return cells.size();
    }

    private void addColumns(List<Column> added) throws SQLException {
        closeWriter();
        try (Statement s = connection.createStatement()) {
            if (!exists) {
                StringBuilder b = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(Dialect.quote(name)).append(" (");
                List<Column> all = columns();
                for (int i = 0; i < all.size(); i++) {
                    b.append(i == 0 ? "" : ", ").append(Dialect.quote(all.get(i).name())).append(' ')
                            .append(dialect.sqlType(all.get(i).type()));
                }
                s.execute(b.append(')').toString());
                exists = true;
            } else {
                for (Column c : added) {
                    s.execute("ALTER TABLE " + Dialect.quote(name) + " ADD COLUMN IF NOT EXISTS " + Dialect.quote(c.name())
                            + " " + dialect.sqlType(c.type()));
                }
            }
        }
        // Another writer may have made the table or its columns meanwhile: read back what is there.
        Map<String, Column> wanted = new LinkedHashMap<>(columns);
        load();
        for (Column c : wanted.values()) {
            if (!columns.containsKey(c.name())) {
                throw new SQLException("table " + name + " has no column " + c.name() + " after adding it");
            }
        }
    }

    private void closeWriter() throws SQLException {
        if (writer != null) {
            Dialect.BulkWriter w = writer;
            writer = null;
            w.close();
        }
    }

    void close() throws SQLException {
        closeWriter();
    }
}
