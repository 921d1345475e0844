package io.iotj.store;

import java.sql.Types;

/** The kinds of column the store creates, and reads back. */
public enum ColumnType {
    /** Whole numbers ({@code Long}). */
    BIGINT,
    /** Other numbers ({@code Double}). */
    DOUBLE,
    /** {@code Boolean}. */
    BOOLEAN,
    /** Text ({@code String}); also what nested JSON is stored as. */
    TEXT,
    /** A point in time ({@code java.time.Instant}), stored as a timestamp with time zone. */
    TIMESTAMP;

    /** The column type a cell of this Java value makes. */
    static ColumnType of(Object cell) {
        if (cell instanceof Long || cell instanceof Integer || cell instanceof Short || cell instanceof Byte) {
            return BIGINT;
        }
        if (cell instanceof Number) {
            return DOUBLE;
        }
        if (cell instanceof Boolean) {
            return BOOLEAN;
        }
        if (cell instanceof java.time.Instant) {
            return TIMESTAMP;
        }
        return TEXT;
    }

    /** The kind of an existing column from its JDBC type. */
    static ColumnType ofJdbc(int type, String typeName) {
        String name = typeName == null ? "" : typeName.toUpperCase(java.util.Locale.ROOT);
        if (name.equals("HUGEINT") || name.equals("UHUGEINT") || name.equals("UBIGINT") || name.equals("UINTEGER")
                || name.equals("USMALLINT") || name.equals("UTINYINT")) {
            return BIGINT; // DuckDB's wide and unsigned integers (sum() of BIGINT is a HUGEINT)
        }
        return switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> BIGINT;
            case Types.DOUBLE, Types.FLOAT, Types.REAL, Types.NUMERIC, Types.DECIMAL -> DOUBLE;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE -> TIMESTAMP;
            default -> name.startsWith("TIMESTAMP") ? TIMESTAMP : TEXT;
        };
    }
}
