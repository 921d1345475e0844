package io.iotj.magics;

import io.iotj.kernel.KernelContext;
import io.iotj.store.ColumnType;
import io.iotj.store.QueryResult;
import io.iotj.store.Store;
import io.iotj.store.StoreAddress;
import io.iotj.store.StoreException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code %%sql [--db URI] [--as NAME]}: a cell of SQL over the stored streams (the embedded
 * database unless {@code --db} names another), its result shown as a table and, with
 * {@code --as}, bound to a Tablesaw {@code Table} variable. A connection to a server is kept for
 * the session and closed when the kernel stops; the embedded database is opened for each cell.
 */
final class SqlMagic {
    private final KernelContext kernel;
    private final Map<String, Store> stores = new HashMap<>();

    SqlMagic(KernelContext kernel) {
        this.kernel = kernel;
    }

    Object sql(List<String> args, String body) throws Exception {
        String db = null;
        String as = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--db") || a.equals("--as")) && i + 1 < args.size()) {
                if (a.equals("--db")) {
                    db = args.get(++i);
                } else {
                    as = args.get(++i);
                }
            } else if (a.startsWith("--db=")) {
                db = a.substring(5);
            } else if (a.startsWith("--as=")) {
                as = a.substring(5);
            } else {
                throw MagicErrors.of("UsageError", "unknown option " + a + ": %%sql [--db URI] [--as NAME]");
            }
        }
        if (as != null && !as.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            throw MagicErrors.of("UsageError", "--as needs a Java variable name, was " + as);
        }
        if (body.isBlank()) {
            throw MagicErrors.of("UsageError", "the cell holds no SQL: %%sql [--db URI] [--as NAME], then the query");
        }
        QueryResult r = run(db, body);
        if (r.columns().isEmpty()) {
            System.out.println(r.updated() == 1 ? "1 row changed" : r.updated() + " rows changed");
            return null;
        }
        Table t = table(r);
        if (r.truncated()) {
            System.out.println("showing the first " + Store.MAX_ROWS + " rows; the query returned more (add LIMIT, or aggregate)");
        }
        if (as != null) {
            kernel.session().bind(as, t, Table.class.getName());
        }
        return t;
    }

    private synchronized QueryResult run(String db, String sql) throws Exception {
        StoreAddress address;
        try {
            address = StoreAddress.parse(db);
        } catch (IllegalArgumentException e) {
            throw MagicErrors.of("UsageError", e.getMessage());
        }
        if (address.isEmbedded()) {
            // Opened for the cell only: the embedded database admits one process at a time, and
            // another notebook's kernel may want it next.
            try (Store s = Store.open(address)) {
                return s.query(sql);
            } catch (StoreException e) {
                throw MagicErrors.of("SqlError", e.getMessage());
            }
        }
        String key = address.jdbcUrl() + " " + address.user();
        for (int attempt = 0; ; attempt++) {
            Store s = stores.get(key);
            try {
                if (s == null) {
                    s = Store.open(address);
                    stores.put(key, s);
                }
                return s.query(sql);
            } catch (StoreException e) {
                if (s != null && !s.isValid(2) && attempt == 0) {
                    s.close(); // the server went away since the last cell: open it again, once
                    stores.remove(key);
                    continue;
                }
                throw MagicErrors.of("SqlError", e.getMessage());
            }
        }
    }

    /** The rows as a Tablesaw table, each column typed as the database said. */
    static Table table(QueryResult r) {
        Table t = Table.create("sql");
        for (int c = 0; c < r.columns().size(); c++) {
            String name = unique(t, r.columns().get(c));
            ColumnType type = r.types().get(c);
            Column<?> col = switch (type) {
                case BIGINT -> LongColumn.create(name);
                case DOUBLE -> DoubleColumn.create(name);
                case BOOLEAN -> BooleanColumn.create(name);
                case TIMESTAMP -> InstantColumn.create(name);
                case TEXT -> StringColumn.create(name);
            };
            for (List<Object> row : r.rows()) {
                Object v = row.get(c);
                if (v == null) {
                    col.appendMissing();
                } else {
                    switch (type) {
                        case BIGINT -> ((LongColumn) col).append(((Number) v).longValue());
                        case DOUBLE -> ((DoubleColumn) col).append(((Number) v).doubleValue());
                        case BOOLEAN -> ((BooleanColumn) col).append((Boolean) v);
                        case TIMESTAMP -> {
                            if (v instanceof Instant i) {
                                ((InstantColumn) col).append(i);
                            } else {
                                col.appendMissing();
                            }
                        }
                        case TEXT -> ((StringColumn) col).append(String.valueOf(v));
                    }
                }
            }
            t.addColumns(col);
        }
        return t;
    }

    private static String unique(Table t, String name) {
        String n = name;
        for (int i = 2; t.columnNames().contains(n); i++) {
            n = name + "_" + i;
        }
        return n;
    }

    synchronized void close() {
        for (Store s : stores.values()) {
            s.close();
        }
        stores.clear();
    }
}
