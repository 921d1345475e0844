package io.iotj.kernel.magic;

import io.iotj.display.MimeBundle;
import io.iotj.kernel.session.NotebookSession;
import io.iotj.kernel.session.ValueSummaries;
import io.iotj.kernel.session.VariableInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code %vars}: the session's variables as a table of name, declared type and a short value, in
 * definition order; graphs show their status (the summary the stream magics register). JShell's
 * temporary variables ({@code $1}, ...) are left out.
 */
public final class VarsMagic {
    private final Supplier<NotebookSession> session;
    private final ValueSummaries summaries;

    public VarsMagic(Supplier<NotebookSession> session, ValueSummaries summaries) {
        this.session = session;
        this.summaries = summaries;
    }

    /** Registers {@code %vars} in {@code registry}. */
    public void register(MagicRegistry registry) {
        registry.registerLineMagic("vars", args -> {
            if (!args.isEmpty()) {
                throw new IllegalArgumentException("%vars takes no arguments (it lists every variable), got: "
                        + String.join(" ", args));
            }
            return table();
        });
    }

    /** The table as HTML and as aligned text. */
    MimeBundle table() {
        NotebookSession s = session.get();
        List<String[]> rows = new ArrayList<>();
        for (VariableInfo v : s.variables()) {
            if (v.name().startsWith("$")) {
                continue;
            }
            rows.add(new String[] {v.name(), v.type(), summaries.summarize(s.variable(v.name()).orElse(null))});
        }
        if (rows.isEmpty()) {
            return MimeBundle.text("No variables yet.");
        }
        return new MimeBundle().put(MimeBundle.HTML, html(rows)).put(MimeBundle.TEXT, text(rows));
    }

    private static String html(List<String[]> rows) {
        StringBuilder sb = new StringBuilder("<table class=\"iotj-vars\"><thead><tr><th style=\"text-align:left\">"
                + "Name</th><th style=\"text-align:left\">Type</th><th style=\"text-align:left\">Value</th></tr>"
                + "</thead><tbody>");
        for (String[] r : rows) {
            sb.append("<tr>");
            for (String cell : r) {
                sb.append("<td style=\"text-align:left\"><code>").append(escape(cell)).append("</code></td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    private static String text(List<String[]> rows) {
        int[] width = {4, 4, 5};
        for (String[] r : rows) {
            for (int i = 0; i < 3; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, width, "Name", "Type", "Value");
        line(sb, width, "-".repeat(width[0]), "-".repeat(width[1]), "-".repeat(width[2]));
        for (String[] r : rows) {
            line(sb, width, r[0], r[1], r[2]);
        }
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, int[] width, String a, String b, String c) {
        sb.append(pad(a, width[0])).append("  ").append(pad(b, width[1])).append("  ").append(c).append('\n');
    }

    private static String pad(String s, int n) {
        return s + " ".repeat(Math.max(0, n - s.length()));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
