package io.iotj.remote.node;


import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The leaf templates a node can run by itself, with IoTpy's meaning: {@code map} (out = f(in)),
 * {@code filter} (in when f(in) is true), {@code sink} (f(in), nothing out) and {@code zip} (a list
 * of one value from each element of the list parameter {@code in}, in step).
 */
public final class Leaves {
    private Leaves() {}

    /** The logic of {@code spec}'s template, its functions resolved by {@code functions}. */
    public static PartLogic logic(PartSpec spec, NodeFunctions functions) throws SnippetFunctions.SnippetError {
        return switch (spec.template()) {
            case "map" -> {
                Function<Object[], Object> f = functions.resolve(function(spec), 1);
                yield (param, index, v, out) -> out.emit("out", f.apply(new Object[]{v}));
            }
            case "filter" -> {
                Function<Object[], Object> f = functions.resolve(function(spec), 1);
                yield (param, index, v, out) -> {
                    if (Boolean.TRUE.equals(f.apply(new Object[]{v}))) out.emit("out", v);
                };
            }
            case "sink" -> {
                Function<Object[], Object> f = functions.resolve(function(spec), 1);
                yield (param, index, v, out) -> f.apply(new Object[]{v});
            }
            case "zip" -> zip((int) spec.inputs().stream().filter(i -> i.param().equals("in")).count());
            default -> throw new SnippetFunctions.SnippetError("template '" + spec.template() + "' of part " + spec.part()
                    + " cannot run on a node yet (known: map, filter, sink, zip)");
        };
    }

    private static String function(PartSpec spec) throws SnippetFunctions.SnippetError {
        if (!spec.args().has("function"))
            throw new SnippetFunctions.SnippetError("part " + spec.part() + " (" + spec.template() + ") needs a 'function'");
        return spec.args().get("function").getAsString();
    }

    private static PartLogic zip(int width) throws SnippetFunctions.SnippetError {
        if (width < 1) throw new SnippetFunctions.SnippetError("zip needs at least one input in[i]");
        List<ArrayDeque<Object>> waiting = new ArrayList<>();
        for (int i = 0; i < width; i++) waiting.add(new ArrayDeque<>());
        return (param, index, v, out) -> {
            if (index < 0 || index >= width) throw new IllegalArgumentException("zip has inputs in[0.." + (width - 1) + "], got in[" + index + "]");
            synchronized (waiting) {
                waiting.get(index).addLast(v == null ? NULL : v);
                for (ArrayDeque<Object> q : waiting) if (q.isEmpty()) return;
                List<Object> row = new ArrayList<>(width);
                for (ArrayDeque<Object> q : waiting) {
                    Object x = q.pollFirst();
                    row.add(x == NULL ? null : x);
                }
                out.emit("out", row);
            }
        };
    }

    private static final Object NULL = new Object();
}
