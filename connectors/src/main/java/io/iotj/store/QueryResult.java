package io.iotj.store;

import java.util.List;

/**
 * The rows a query returned.
 *
 * @param columns   the column names
 * @param types     their kinds
 * @param rows      the rows; cells are {@code Long}, {@code Double}, {@code Boolean}, {@code String},
 *                  {@code java.time.Instant} or {@code null}
 * @param truncated true when there were more rows than the query was allowed to return
 * @param updated   rows changed by a statement that returns none ({@code INSERT}, {@code DELETE}), else -1
 */
public record QueryResult(List<String> columns, List<ColumnType> types, List<List<Object>> rows, boolean truncated,
                          long updated) {
}
