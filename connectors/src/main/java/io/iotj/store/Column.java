package io.iotj.store;

/**
 * A column of a stored table.
 *
 * @param name its plain SQL name
 * @param type its kind
 */
public record Column(String name, ColumnType type) {

    /**
     * {@code cell} as this column holds it ({@code Long}, {@code Double}, {@code Boolean},
     * {@code String}, {@code Instant}), or {@code null}.
     *
     * @throws IllegalArgumentException saying why the cell does not fit
     */
    Object fit(Object cell) {
        if (cell == null) {
            return null;
        }
        switch (type) {
            case BIGINT -> {
                if (cell instanceof Long) {
                    return cell;
                }
                if (ColumnType.of(cell) == ColumnType.BIGINT) {
                    return ((Number) cell).longValue();
                }
                if (cell instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 9e15) {
                    return n.longValue();
                }
            }
            case DOUBLE -> {
                if (cell instanceof Double) {
                    return cell;
                }
                if (cell instanceof Number n) {
                    return n.doubleValue();
                }
            }
            case BOOLEAN -> {
                if (cell instanceof Boolean) {
                    return cell;
                }
            }
            case TEXT -> {
                return cell instanceof String s ? s : String.valueOf(cell);
            }
            case TIMESTAMP -> {
                if (cell instanceof java.time.Instant) {
                    return cell;
                }
            }
            default -> throw new AssertionError(type);
        }
        String shown = String.valueOf(cell);
        if (shown.length() > 40) {
            shown = shown.substring(0, 40) + "…";
        }
        throw new IllegalArgumentException("field " + name + " is " + describe(cell) + " \"" + shown + "\" but the column "
                + name + " holds " + type.name().toLowerCase(java.util.Locale.ROOT) + " values");
    }

    private static String describe(Object cell) {
        return switch (ColumnType.of(cell)) {
            case BIGINT -> "a whole number";
            case DOUBLE -> "a number";
            case BOOLEAN -> "a boolean";
            case TIMESTAMP -> "a time";
            case TEXT -> "text";
        };
    }
}
