package io.iotj.magics.table;

import io.iotj.stream.IotStream;
import io.iotj.stream.Tuple;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns the recent values of a stream into a Tablesaw {@link Table}: one row per value, the
 * first column {@code index} the value's position in the stream, then the value itself.
 *
 * <p>Column types follow the values: whole numbers become a {@code LongColumn}, other numbers a
 * {@code DoubleColumn}, booleans a {@code BooleanColumn}, anything else text. Tuples (lists,
 * arrays, {@code Map.Entry}, records) of one arity are spread over one column per element, so
 * the {@code (2, 1)} values of a {@code zip} read as two numeric columns.
 */
public final class StreamTables {
    /** The name of the column holding each value's position in its stream. */
    public static final String INDEX = "index";

    private StreamTables() {
    }

    /**
     * The last {@code n} values of {@code stream} (fewer when it kept fewer) as a table named
     * after the stream, indexed by their positions in the stream.
     */
    public static Table of(IotStream<?> stream, int n) {
        long count = stream.count();
        List<?> recent = stream.recent(n);
        // Values may arrive between the two reads; the index then runs a little behind, never
        // ahead of the truth.
        return of(stream.name(), recent, Math.max(0, count - recent.size()));
    }

    /** Every value {@code stream} still keeps, as {@link #of(IotStream, int)}. */
    public static Table of(IotStream<?> stream) {
        return of(stream, Math.max(1, stream.retain()));
    }

    /** A table of {@code values}, the first of which was the stream's value number 0. */
    public static Table of(String name, List<?> values) {
        return of(name, values, 0);
    }

    /**
     * A table of {@code values}, the first of which was the stream's value number
     * {@code firstIndex} (streams drop old values, so recent values do not start at 0).
     */
    public static Table of(String name, List<?> values, long firstIndex) {
        List<Object> rows = new ArrayList<>(values);
        Table t = Table.create(name);
        LongColumn index = LongColumn.create(INDEX, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            index.set(i, firstIndex + i);
        }
        t.addColumns(index);
        List<String> names = tupleNames(rows);
        if (names == null) {
            t.addColumns(column("value", rows));
            return t;
        }
        for (int c = 0; c < names.size(); c++) {
            List<Object> cells = new ArrayList<>(rows.size());
            for (Object row : rows) {
                cells.add(row == null ? null : elements(row).get(c));
            }
            t.addColumns(column(names.get(c), cells));
        }
        return t;
    }

    /** Column names when every non-null value is a tuple of the same arity (at least 2), else null. */
    private static List<String> tupleNames(List<Object> rows) {
        int arity = -1;
        Class<?> recordType = null;
        boolean sameRecord = true;
        for (Object row : rows) {
            if (row == null) {
                continue;
            }
            List<Object> els = elements(row);
            if (els == null || els.size() < 2 || (arity >= 0 && els.size() != arity)) {
                return null;
            }
            arity = els.size();
            if (row.getClass().isRecord() && !(row instanceof Tuple)) {
                sameRecord &= recordType == null || recordType == row.getClass();
                recordType = row.getClass();
            } else {
                sameRecord = false;
            }
        }
        if (arity < 0) {
            return null;
        }
        List<String> names = new ArrayList<>();
        if (sameRecord && recordType != null) {
            for (RecordComponent rc : recordType.getRecordComponents()) {
                names.add(rc.getName());
            }
        } else {
            for (int i = 0; i < arity; i++) {
                names.add("value[" + i + "]");
            }
        }
        return names;
    }

    /** The elements of a tuple-like value, or null when it is not one. */
    static List<Object> elements(Object v) {
        if (v instanceof Tuple t) {
            return new ArrayList<>(t.items());
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (v instanceof Map.Entry<?, ?> e) {
            return Arrays.asList(e.getKey(), e.getValue());
        }
        if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(Array.get(v, i));
            }
            return out;
        }
        if (v.getClass().isRecord()) {
            List<Object> out = new ArrayList<>();
            for (RecordComponent rc : v.getClass().getRecordComponents()) {
                try {
                    rc.getAccessor().setAccessible(true);
                    out.add(rc.getAccessor().invoke(v));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
            return out;
        }
        return null;
    }

    private static Column<?> column(String name, List<Object> cells) {
        boolean whole = true;
        boolean numeric = true;
        boolean bool = true;
        boolean any = false;
        for (Object c : cells) {
            if (c == null) {
                continue;
            }
            any = true;
            whole &= c instanceof Long || c instanceof Integer || c instanceof Short || c instanceof Byte;
            numeric &= c instanceof Number;
            bool &= c instanceof Boolean;
        }
        if (any && whole) {
            LongColumn col = LongColumn.create(name);
            cells.forEach(c -> {
                if (c == null) {
                    col.appendMissing();
                } else {
                    col.append(((Number) c).longValue());
                }
            });
            return col;
        }
        if (any && numeric) {
            DoubleColumn col = DoubleColumn.create(name);
            cells.forEach(c -> {
                if (c == null) {
                    col.appendMissing();
                } else {
                    col.append(((Number) c).doubleValue());
                }
            });
            return col;
        }
        if (any && bool) {
            BooleanColumn col = BooleanColumn.create(name);
            cells.forEach(c -> {
                if (c == null) {
                    col.appendMissing();
                } else {
                    col.append((Boolean) c);
                }
            });
            return col;
        }
        StringColumn col = StringColumn.create(name);
        cells.forEach(c -> {
            if (c == null) {
                col.appendMissing();
            } else {
                col.append(text(c));
            }
        });
        return col;
    }

    /** A value as text; arrays read as their elements, and a failing toString does not throw. */
    public static String text(Object v) {
        try {
            if (v.getClass().isArray()) {
                String s = Arrays.deepToString(new Object[] {v});
                return s.substring(1, s.length() - 1);
            }
            return String.valueOf(v);
        } catch (RuntimeException e) {
            return v.getClass().getName() + " (toString failed: " + e + ")";
        }
    }
}
