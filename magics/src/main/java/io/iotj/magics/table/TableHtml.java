package io.iotj.magics.table;

import io.iotj.magics.html.Xml;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.api.NumericColumn;

/**
 * Renders a Tablesaw {@link Table} as an HTML table. Long tables show their head and tail with
 * an ellipsis row between, so displaying a large table stays cheap and the notebook small.
 */
public final class TableHtml {
    /** Rows shown before a table is cut to head and tail. */
    public static final int MAX_ROWS = 60;

    private TableHtml() {
    }

    /** {@code table} as HTML, cut to {@value #MAX_ROWS} rows. */
    public static String render(Table table) {
        return render(table, MAX_ROWS);
    }

    /** {@code table} as HTML showing at most {@code maxRows} rows (head and tail). */
    public static String render(Table table, int maxRows) {
        StringBuilder sb = new StringBuilder(256 + table.rowCount() * table.columnCount() * 24);
        render(sb, table, maxRows);
        return sb.toString();
    }

    /** Appends {@code table} as HTML to {@code sb}. */
    public static void render(StringBuilder sb, Table table, int maxRows) {
        int rows = table.rowCount();
        sb.append("<table class=\"iotj-table\" data-table=\"").append(Xml.escape(table.name()))
                .append("\" style=\"border-collapse:collapse\">");
        if (table.name() != null && !table.name().isEmpty()) {
            sb.append("<caption style=\"text-align:left;font-weight:bold\">")
                    .append(Xml.escape(table.name())).append("</caption>");
        }
        sb.append("<thead><tr>");
        for (Column<?> c : table.columns()) {
            sb.append("<th style=\"").append(align(c)).append("\">").append(Xml.escape(c.name()))
                    .append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        int head = rows <= maxRows ? rows : Math.max(1, maxRows / 2);
        int tail = rows <= maxRows ? 0 : Math.max(1, maxRows - head);
        for (int r = 0; r < head; r++) {
            row(sb, table, r);
        }
        if (tail > 0) {
            sb.append("<tr class=\"iotj-ellipsis\"><td colspan=\"").append(table.columnCount())
                    .append("\">\u22ef ").append(rows - head - tail).append(" more rows \u22ef</td></tr>");
            for (int r = rows - tail; r < rows; r++) {
                row(sb, table, r);
            }
        }
        sb.append("</tbody></table>");
        if (tail > 0) {
            sb.append("<div class=\"iotj-table-size\">").append(rows).append(" rows \u00d7 ")
                    .append(table.columnCount()).append(" columns</div>");
        }
    }

    private static void row(StringBuilder sb, Table table, int r) {
        sb.append("<tr>");
        for (Column<?> c : table.columns()) {
            sb.append("<td style=\"").append(align(c)).append("\">");
            if (!c.isMissing(r)) {
                sb.append(Xml.escape(c.getString(r)));
            }
            sb.append("</td>");
        }
        sb.append("</tr>");
    }

    private static String align(Column<?> c) {
        return c instanceof NumericColumn<?> ? "text-align:right" : "text-align:left";
    }
}
