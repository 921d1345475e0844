package io.iotj.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random valid template texts over the standard leaves, from a seed (deterministic): streams
 * flow through map, filter, window, zip, mix, merge, unzip, func and attribute lines; some
 * outputs go to the template's outputs, some are never used, lists wire many to one.
 */
final class TemplateGenerator {
    private final Random random;
    private int names;

    TemplateGenerator(long seed) {
        this.random = new Random(seed);
    }

    String next(String name) {
        names = 0;
        int inputs = 1 + random.nextInt(3);
        List<String> streams = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            String in = "in" + i;
            streams.add(in);
            header.add(in + (random.nextInt(4) == 0 ? "*" : "") + ":stream");
        }
        int outs = random.nextInt(3);
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < outs; i++) {
            outputs.add("out" + i);
        }
        List<String> lines = new ArrayList<>();
        List<String> pending = new ArrayList<>(outputs); // template outputs still to assign
        int count = 1 + random.nextInt(6);
        for (int l = 0; l < count; l++) {
            int kind = random.nextInt(9);
            String target = kind == 6 || kind == 7 ? "" : target(pending);
            String in = pick(streams);
            String line = switch (kind) {
                case 0 -> target + "map(in=" + in + ", function=" + function() + optional() + ")";
                case 1 -> target + "filter(function=" + function() + ", in=" + in + ")";
                case 2 -> target + "window(in=" + in + ", function=" + function() + ", window_size="
                        + (1 + random.nextInt(9)) + ", step_size=" + (1 + random.nextInt(9)) + ")";
                case 3 -> target + "zip(in=" + list(streams) + ")";
                case 4 -> target + "mix(in=" + list(streams) + ")";
                case 5 -> target + "merge(in=" + list(streams) + ")";
                case 6 -> {
                    String a = fresh();
                    String b = fresh();
                    streams.add(a);
                    streams.add(b);
                    yield "[" + a + ", " + b + "] = unzip(in=" + in + ")";
                }
                case 7 -> "sink(in=" + in + ", function=" + function() + ")";
                default -> {
                    String m = fresh();
                    lines.add(m + " = func(function=" + function() + ", parameters=[" + random.nextInt(5) + ", \"k\", -0.5])");
                    yield target + "attribute(in=" + m + ", attribute=\"value\")";
                }
            };
            if (!target.isEmpty() && !line.startsWith("[")) {
                // Template outputs may feed later lines too (IoTpy wires both through externals).
                streams.add(target.substring(0, target.indexOf(' ')));
            }
            lines.add(line);
        }
        // Assign any template output still unassigned.
        for (String o : pending) {
            lines.add(o + " = map(in=" + pick(streams) + ", function=" + function() + ")");
        }
        StringBuilder b = new StringBuilder(name).append('(').append(String.join(", ", header)).append(") -> ");
        b.append(outputs.isEmpty() ? "None" : String.join(", ", outputs.stream().map(o -> o + ":stream").toList()));
        b.append(" {\n");
        for (String line : lines) {
            b.append("    ").append(line).append(";\n");
        }
        return b.append("}\n").toString();
    }

    private String target(List<String> pending) {
        int r = random.nextInt(5);
        if (r == 0) {
            return "";
        }
        if (r == 1 && !pending.isEmpty()) {
            return pending.remove(0) + " = ";
        }
        return fresh() + " = ";
    }

    private String function() {
        return random.nextBoolean() ? "\"f" + random.nextInt(5) + "\"" : "g" + random.nextInt(5);
    }

    private String optional() {
        return random.nextInt(3) == 0 ? ", initial_state=" + random.nextInt(10) : "";
    }

    private String list(List<String> streams) {
        int n = 1 + random.nextInt(3);
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(pick(streams));
        }
        return "[" + String.join(", ", l) + "]";
    }

    private String pick(List<String> l) {
        return l.get(random.nextInt(l.size()));
    }

    private String fresh() {
        return "v" + names++;
    }
}
