package io.iotj.magics.args;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The arguments of {@code %assemble NAME [k=v ...] [--as VAR] [--mode single|threads|distributed]
 * [--broker URI] [--nodes n1,n2]} and of {@code %%assemble [k=v ...] [flags]} (whose template is the
 * cell body).
 *
 * @param template the template's name, or null for {@code %%assemble}
 * @param values   the {@code k=v} arguments in the order given
 * @param as       the graph's (and JShell variable's) name, or null for the default
 * @param mode     the runtime
 * @param broker   the broker URI for distributed mode, or null
 * @param rows     how many recent values per output the live table shows
 * @param nodes    the nodes the parts are pinned to (round-robin), empty for any listening node
 */
public record AssembleArgs(String template, Map<String, ArgValue> values, String as, Mode mode,
                           String broker, int rows, List<String> nodes) {
    /** A node's name, as {@code iotj-node --name} accepts it. */
    private static final java.util.regex.Pattern NODE_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    public AssembleArgs {
        nodes = List.copyOf(nodes);
    }

    /** The runtimes a graph can run on. */
    public enum Mode {
        SINGLE, THREADS, DISTRIBUTED;

        /** The word used in magics and tables. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The runtime used when no {@code --mode} is given. */
    public static final Mode DEFAULT_MODE = Mode.THREADS;
    /** Rows of the live table when no {@code --rows} is given. */
    public static final int DEFAULT_ROWS = 10;

    /** Reads the line of {@code %assemble}: the template's name comes first. */
    public static AssembleArgs parseLine(String line) {
        return parse(line, true);
    }

    /** Reads the first line of {@code %%assemble}: no template name. */
    public static AssembleArgs parseCellFlags(String line) {
        return parse(line, false);
    }

    private static AssembleArgs parse(String line, boolean withName) {
        List<ArgLexer.Token> tokens = ArgLexer.tokens(line);
        int i = 0;
        String template = null;
        if (withName) {
            if (tokens.isEmpty()) {
                throw new ArgException(line, line.length() + 1,
                        "the name of a template is missing: %assemble NAME [k=v ...] [--as VAR]");
            }
            ArgLexer.Token t = tokens.get(0);
            if (t.quoted() || t.equalsSign() >= 0 || t.text().startsWith("--")
                    || !Identifiers.isName(t.text())) {
                throw new ArgException(line, t.column(),
                        "expected the name of a template first, got " + t.text());
            }
            template = t.text();
            i = 1;
        }
        Map<String, ArgValue> values = new LinkedHashMap<>();
        String as = null;
        Mode mode = DEFAULT_MODE;
        String broker = null;
        int rows = DEFAULT_ROWS;
        List<String> nodes = List.of();
        ArgLexer.Token nodesToken = null;
        boolean modeGiven = false;
        while (i < tokens.size()) {
            ArgLexer.Token t = tokens.get(i++);
            if (!t.quoted() && t.text().startsWith("--")) {
                String flag = t.text();
                if (!List.of("--as", "--mode", "--broker", "--rows", "--nodes").contains(flag)) {
                    throw new ArgException(line, t.column(), "unknown option " + flag
                            + "; the options are --as VAR, --mode single|threads|distributed, "
                            + "--broker URI, --nodes n1,n2, --rows N");
                }
                if (i >= tokens.size()) {
                    throw new ArgException(line, line.length() + 1, flag + " needs a value");
                }
                ArgLexer.Token v = tokens.get(i++);
                switch (flag) {
                    case "--as" -> {
                        if (v.quoted() || !Identifiers.isJavaIdentifier(v.text())) {
                            throw new ArgException(line, v.column(),
                                    "--as needs a Java variable name, got " + v.text());
                        }
                        as = v.text();
                    }
                    case "--mode" -> {
                        try {
                            mode = Mode.valueOf(v.text().toUpperCase(Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            throw new ArgException(line, v.column(), "unknown mode " + v.text()
                                    + "; the modes are single, threads, distributed");
                        }
                        modeGiven = true;
                    }
                    case "--broker" -> broker = v.text();
                    case "--nodes" -> {
                        nodes = nodeNames(line, v);
                        nodesToken = t;
                    }
                    default -> {
                        try {
                            rows = Integer.parseInt(v.text());
                        } catch (NumberFormatException e) {
                            rows = 0;
                        }
                        if (rows < 1 || rows > 1000) {
                            throw new ArgException(line, v.column(),
                                    "--rows needs a whole number from 1 to 1000, got " + v.text());
                        }
                    }
                }
                continue;
            }
            if (t.equalsSign() < 0) {
                throw new ArgException(line, t.column(), "expected k=v, got " + t.text());
            }
            String key = t.text().substring(0, t.equalsSign());
            if (!Identifiers.isName(key)) {
                throw new ArgException(line, t.column(), "expected a parameter name before =, got \""
                        + key + "\"");
            }
            if (values.containsKey(key)) {
                throw new ArgException(line, t.column(), key + " is given twice");
            }
            values.put(key, value(line, t));
        }
        if (broker != null && mode != Mode.DISTRIBUTED) {
            if (modeGiven) {
                throw new ArgException(line, 1, "--broker is for --mode distributed");
            }
            mode = Mode.DISTRIBUTED;
        }
        if (nodesToken != null && mode != Mode.DISTRIBUTED) {
            if (modeGiven) {
                throw new ArgException(line, nodesToken.column(), "--nodes is for --mode distributed");
            }
            mode = Mode.DISTRIBUTED;
        }
        return new AssembleArgs(template, values, as, mode, broker, rows, nodes);
    }

    /** {@code n1,n2}: node names, each once. */
    private static List<String> nodeNames(String line, ArgLexer.Token v) {
        List<String> out = new ArrayList<>();
        int column = v.column() + (v.quoted() ? 1 : 0);
        for (String n : v.text().split(",", -1)) {
            if (!NODE_NAME.matcher(n).matches()) {
                throw new ArgException(line, column, "--nodes needs node names separated by commas "
                        + "(letters, digits, '-', '_', '.'), got \"" + n + "\"");
            }
            if (out.contains(n)) {
                throw new ArgException(line, column, "node " + n + " is given twice in --nodes");
            }
            out.add(n);
            column += n.length() + 1;
        }
        return out;
    }

    private static ArgValue value(String line, ArgLexer.Token t) {
        int column = t.valueColumn();
        if (t.quoted()) {
            return new ArgValue.Str(t.value(), column);
        }
        String v = t.value();
        if (v.isEmpty()) {
            throw new ArgException(line, column, "a value is missing after " + t.text());
        }
        if (v.matches("[+-]?\\d+")) {
            try {
                return new ArgValue.Num(Long.parseLong(v), column);
            } catch (NumberFormatException e) {
                throw new ArgException(line, column, "the number " + v + " is too large");
            }
        }
        if (v.matches("[+-]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][+-]?\\d+)?")) {
            return new ArgValue.Num(Double.parseDouble(v), column);
        }
        if (Identifiers.isQualifiedName(v)) {
            return new ArgValue.Name(v, column);
        }
        throw new ArgException(line, column, "expected a number, a \"quoted string\" or a name, got "
                + v);
    }

    /** Every given value, keyed by name, as a new list for display. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        values.forEach((k, v) -> out.add(k + "=" + switch (v) {
            case ArgValue.Num n -> n.value();
            case ArgValue.Str s -> "\"" + s.value() + "\"";
            case ArgValue.Name n -> n.value();
        }));
        return out;
    }
}
