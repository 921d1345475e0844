package io.iotj.store;

import io.iotj.stream.Event;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Streams kept in tables, to look at again: written in batches (the {@code store} leaf does this for
 * a graph), read back by time range as {@link Event}s, or queried with SQL ({@code %%sql}).
 *
 * <pre>{@code
 * try (Store store = Store.open("postgresql://127.0.0.1:5432/test")) {   // or Store.open(null): embedded
 *     store.write("readings", events);                                  // creates the table from their shape
 *     List<Event<Object>> lastHour = store.read("readings", Instant.now().minusSeconds(3600), Instant.now());
 *     QueryResult q = store.query("SELECT key, avg(value) FROM readings GROUP BY key");
 * }
 * }</pre>
 *
 * <p>A table holds {@code key}, {@code time} and {@code arrival} (timestamps with time zone), then
 * the value's fields (see the {@code store} leaf). A value read back has the value columns as its
 * payload: the one column's cell when the table has only {@code value}, else a map of column name
 * to cell. One store is one connection; its methods may be called from any thread, one at a time.
 */
public final class Store implements AutoCloseable {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    /** Rows a query returns at most, so a careless {@code SELECT *} cannot exhaust the heap. */
    public static final int MAX_ROWS = 100_000;

    private final StoreAddress address;
    private final Dialect dialect;
    private final Connection connection;
    private final Map<String, StoredTable> tables = new HashMap<>();

    private Store(StoreAddress address, Connection connection) {
        this.address = address;
        this.dialect = Dialect.of(address);
        this.connection = connection;
    }

    /**
     * Opens the store at {@code db} (see {@link StoreAddress#parse}): {@code null} for the embedded
     * database, {@code postgresql://…} for a server.
     *
     * @throws StoreException naming the address (never the password) when it cannot be reached
     */
    public static Store open(String db) {
        StoreAddress a;
        try {
            a = StoreAddress.parse(db);
        } catch (IllegalArgumentException e) {
            throw new StoreException(e.getMessage(), e);
        }
        return open(a);
    }

    /** Opens the store at {@code address}. */
    public static Store open(StoreAddress address) {
        try {
            if (address.isEmbedded()) {
                java.nio.file.Files.createDirectories(address.embedded().getParent());
            }
            Connection c = DriverManager.getConnection(address.jdbcUrl(), address.properties());
            c.setAutoCommit(true);
            return new Store(address, c);
        } catch (SQLException | java.io.IOException e) {
            String m = reason(e);
            java.util.regex.Matcher lock = java.util.regex.Pattern.compile("Conflicting lock is held in .*\\(PID (\\d+)\\)").matcher(m);
            if (address.isEmbedded() && lock.find()) {
                throw new StoreException("the embedded database " + address.embedded() + " is in use by another process (PID "
                        + lock.group(1) + ", perhaps another notebook's kernel): one process at a time can use it. Stop "
                        + "that process's graphs, or give this store another file with db=\"duckdb:PATH\"", e);
            }
            throw new StoreException("cannot open the store at " + address.display() + ": " + m, e);
        }
    }

    /** A readable reason, without the driver's class names. */
    static String reason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return StoreAddress.mask(m.strip());
    }

    /** Where this store is. */
    public StoreAddress address() {
        return address;
    }

    /**
     * A table name as the store uses it: letters, digits and {@code _}, lower case.
     *
     * @throws IllegalArgumentException when {@code name} is not such a name
     */
    public static String tableName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a stored stream's name must be letters, digits and _ (not starting "
                    + "with a digit, at most 63), was \"" + name + "\"");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * Writes stream values into the table {@code name} in one batch, creating it (or new columns)
     * from their shape.
     *
     * @return the number written; values that do not fit their columns are not written and are
     *         listed in the exception
     * @throws StoreException when the database fails, or some values do not fit (the others were written)
     */
    public synchronized int write(String name, List<?> values) {
        List<String> problems = new ArrayList<>();
        int n = write(name, values, (i, why) -> problems.add("value " + i + ": " + why));
        if (!problems.isEmpty()) {
            throw new StoreException(problems.size() + " of " + values.size() + " values were not written to " + name
                    + ": " + String.join("; ", problems.subList(0, Math.min(3, problems.size()))), null);
        }
        return n;
    }

    /** {@link #write(String, List)} reporting values that do not fit to {@code rejected} (index, reason). */
    synchronized int write(String name, List<?> values, java.util.function.BiConsumer<Integer, String> rejected) {
        String t = tableName(name);
        long now = System.currentTimeMillis();
        List<Map<String, Object>> rows = new ArrayList<>(values.size());
        for (Object v : values) {
            rows.add(RowFields.of(Objects.requireNonNull(v, "values must not be null"), now));
        }
        try {
            StoredTable st = tables.get(t);
            if (st == null) {
                st = new StoredTable(connection, dialect, t);
                tables.put(t, st);
            }
            return st.write(rows, rejected);
        } catch (SQLException e) {
            tables.remove(t);
            throw new StoreException("writing to " + t + " in the " + address.display() + " failed: " + reason(e), e);
        }
    }

    /** The values stored in {@code name} with {@code from <= time < to}, oldest first. */
    public List<Event<Object>> read(String name, Instant from, Instant to) {
        return read(name, null, from, to);
    }

    /** The values of one key (a device, a topic) stored in {@code name} with {@code from <= time < to}, oldest first. */
    public synchronized List<Event<Object>> read(String name, String key, Instant from, Instant to) {
        String t = tableName(name);
        String sql = "SELECT * FROM " + Dialect.quote(t) + " WHERE \"time\" >= ? AND \"time\" < ?"
                + (key == null ? "" : " AND \"key\" = ?") + " ORDER BY \"time\"";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setObject(1, OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
            ps.setObject(2, OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC));
            if (key != null) {
                ps.setString(3, key);
            }
            try (ResultSet r = ps.executeQuery()) {
                ResultSetMetaData m = r.getMetaData();
                List<Column> cols = new ArrayList<>();
                for (int i = 1; i <= m.getColumnCount(); i++) {
                    cols.add(new Column(m.getColumnName(i), ColumnType.ofJdbc(m.getColumnType(i), m.getColumnTypeName(i))));
                }
                List<Event<Object>> out = new ArrayList<>();
                while (r.next()) {
                    out.add(event(r, cols));
                    if (out.size() > 10 * MAX_ROWS) {
                        throw new StoreException("more than " + 10 * MAX_ROWS + " values in " + t + " between " + from + " and "
                                + to + "; read a shorter range", null);
                    }
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("reading " + t + " from the " + address.display() + " failed: " + reason(e), e);
        }
    }

    private static Event<Object> event(ResultSet r, List<Column> cols) throws SQLException {
        String key = null;
        long time = 0;
        long arrival = 0;
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            Object cell = cell(r, i + 1, c.type());
            switch (c.name()) {
                case RowFields.KEY -> key = cell == null ? null : String.valueOf(cell);
                case RowFields.TIME -> time = cell instanceof Instant in ? in.toEpochMilli() : 0;
                case RowFields.ARRIVAL -> arrival = cell instanceof Instant in ? in.toEpochMilli() : 0;
                default -> fields.put(c.name(), cell);
            }
        }
        Object value = fields.size() == 1 && fields.containsKey("value") ? fields.get("value") : fields;
        return new Event<>(key, time, arrival, value);
    }

    /** One cell as the store's Java types. */
    static Object cell(ResultSet r, int i, ColumnType t) throws SQLException {
        Object o = r.getObject(i);
        if (o == null) {
            return null;
        }
        return switch (t) {
            case BIGINT -> ((Number) o).longValue();
            case DOUBLE -> o instanceof Number n ? n.doubleValue() : Double.valueOf(o.toString());
            case BOOLEAN -> o instanceof Boolean b ? b : Boolean.valueOf(o.toString());
            case TIMESTAMP -> instant(o);
            case TEXT -> o.toString();
        };
    }

    private static Object instant(Object o) {
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (o instanceof java.time.LocalDateTime ldt) {
            return ldt.toInstant(java.time.ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Date d) {
            return Instant.ofEpochMilli(d.getTime());
        }
        return o.toString();
    }

    /**
     * Runs SQL: the rows of the last statement that returns rows (at most {@link #MAX_ROWS}), or the
     * count of rows the last statement changed.
     *
     * @throws StoreException with the database's message when the SQL fails
     */
    public synchronized QueryResult query(String sql) {
        try (Statement s = connection.createStatement()) {
            s.setMaxRows(MAX_ROWS + 1);
            boolean rows = s.execute(sql);
            QueryResult last = null;
            for (;;) {
                if (rows) {
                    try (ResultSet r = s.getResultSet()) {
                        last = result(r);
                    }
                } else {
                    long n = s.getUpdateCount();
                    if (n == -1) {
                        break;
                    }
                    last = new QueryResult(List.of(), List.of(), List.of(), false, n);
                }
                rows = s.getMoreResults();
            }
            tables.clear(); // the SQL may have changed tables this store writes
            return last != null ? last : new QueryResult(List.of(), List.of(), List.of(), false, 0);
        } catch (SQLException e) {
            throw new StoreException(reason(e), e);
        }
    }

    private static QueryResult result(ResultSet r) throws SQLException {
        ResultSetMetaData m = r.getMetaData();
        List<String> names = new ArrayList<>();
        List<ColumnType> types = new ArrayList<>();
        for (int i = 1; i <= m.getColumnCount(); i++) {
            names.add(m.getColumnLabel(i));
            types.add(ColumnType.ofJdbc(m.getColumnType(i), m.getColumnTypeName(i)));
        }
        List<List<Object>> out = new ArrayList<>();
        boolean truncated = false;
        while (r.next()) {
            if (out.size() == MAX_ROWS) {
                truncated = true;
                break;
            }
            List<Object> row = new ArrayList<>(names.size());
            for (int i = 0; i < names.size(); i++) {
                row.add(cell(r, i + 1, types.get(i)));
            }
            out.add(row);
        }
        return new QueryResult(names, types, out, truncated, -1);
    }

    /** The tables in the store. */
    public synchronized List<String> tables() {
        try (ResultSet r = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE", "BASE TABLE"})) {
            List<String> out = new ArrayList<>();
            while (r.next()) {
                String schema = r.getString("TABLE_SCHEM");
                if (schema == null || schema.equals("public") || schema.equals("main")) {
                    out.add(r.getString("TABLE_NAME"));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("listing the tables of the " + address.display() + " failed: " + reason(e), e);
        }
    }

    /** True while the connection answers within {@code seconds}. */
    public boolean isValid(int seconds) {
        try {
            return connection.isValid(seconds);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        for (StoredTable t : tables.values()) {
            try {
                t.close();
            } catch (SQLException e) {
                // closing: nothing left to do about it
            }
        }
        tables.clear();
        try {
            connection.close();
        } catch (SQLException e) {
            // closing
        }
    }

    @Override
    public String toString() {
        return "Store[" + address.display() + "]";
    }
}
