package io.iotj.assemble;

import io.iotj.stream.Next;
import io.iotj.stream.Operator;
import io.iotj.stream.Ops;
import io.iotj.stream.IotStream;
import io.iotj.stream.Tuple;
import io.iotj.stream.WindowState;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The library's leaves, with IoTpy's parameter names. A function gets the value (or window) first,
 * then the {@code parameters}; with an {@code initial_state} it gets the state after the value and
 * returns {@code (output, next state)}, as in IoTpy.
 */
final class StandardLeaves {
    private StandardLeaves() {
    }

    static void registerAll(LeafRegistry r) {
        r.register("map", StandardLeaves::map);
        r.register("filter", StandardLeaves::filter);
        r.register("window", StandardLeaves::window);
        r.register("timed_window", StandardLeaves::timedWindow);
        r.register("dynamic_window", StandardLeaves::dynamicWindow);
        r.register("zip", ctx -> {
            List<IotStream<Object>> ins = ctx.streams("in");
            IotStream<Tuple> out = typed(ctx.stream("out"));
            ctx.add(Ops.zip(ins, out));
        });
        r.register("mix", ctx -> {
            List<IotStream<Object>> ins = ctx.streams("in");
            IotStream<Tuple> out = typed(ctx.stream("out"));
            ctx.add(Ops.mix(ins, out));
        });
        r.register("merge", ctx -> {
            List<IotStream<Object>> ins = ctx.streams("in");
            ctx.add(Ops.merge(ins, ctx.stream("out")));
        });
        r.register("unzip", ctx -> {
            IotStream<Object> in = ctx.stream("in");
            ctx.add(Ops.unzip(in, indexedOutputs(ctx)));
        });
        r.register("separate", ctx -> {
            IotStream<Object> in = ctx.stream("in");
            ctx.add(Ops.separate(in, indexedOutputs(ctx)));
        });
        r.register("sink", StandardLeaves::sink);
        r.register("source", StandardLeaves::source);
        r.register("func", StandardLeaves::func);
        r.register("attribute", StandardLeaves::attribute);
    }

    @SuppressWarnings("unchecked")
    private static <T> IotStream<T> typed(IotStream<?> s) {
        return (IotStream<T>) s;
    }

    private static List<IotStream<Object>> indexedOutputs(LeafContext ctx) {
        if (!ctx.wired("out")) {
            return List.of();
        }
        if (!ctx.indexed("out") && !ctx.holdsList("out")) {
            throw ctx.error("out", "must be wired by index (out[0], out[1], …) or given a list of streams, "
                    + "to say how many streams there are");
        }
        return ctx.streams("out");
    }

    /** Arguments: the leading values, then the extra parameters. */
    private static Object[] args(List<Object> extra, Object... first) {
        Object[] a = new Object[first.length + extra.size()];
        System.arraycopy(first, 0, a, 0, first.length);
        for (int i = 0; i < extra.size(); i++) {
            a[first.length + i] = extra.get(i);
        }
        return a;
    }

    /** A function of one value (plus the extra parameters). */
    private static Function<Object, Object> unary(Fn f, List<Object> extra) {
        if (extra.isEmpty()) {
            return f::call1;
        }
        Object[] tail = extra.toArray();
        return v -> {
            Object[] a = new Object[tail.length + 1];
            a[0] = v;
            System.arraycopy(tail, 0, a, 1, tail.length);
            return f.call(a);
        };
    }

    /** A stateful function {@code f(value, state, *extra) -> (output, next state)}. */
    private static BiFunction<Object, Object, Next<Object, Object>> stateful(Fn f, List<Object> extra) {
        return (v, s) -> next(f.call(args(extra, v, s)));
    }

    static Next<Object, Object> next(Object r) {
        if (r instanceof Next<?, ?> n) {
            @SuppressWarnings("unchecked")
            Next<Object, Object> x = (Next<Object, Object>) n;
            return x;
        }
        List<?> items = Tuple.itemsOf(r);
        if (items == null || items.size() != 2) {
            throw new IllegalArgumentException("a function with state must return (value, next state), returned "
                    + LeafContext.describe(r));
        }
        return Next.of(items.get(0), items.get(1));
    }

    private static void map(LeafContext ctx) {
        Fn f = ctx.function("function");
        List<Object> extra = ctx.list("parameters");
        boolean withState = ctx.has("initial_state");
        Object state = ctx.optional("initial_state", null);
        IotStream<Object> in = ctx.stream("in");
        IotStream<Object> out = ctx.stream("out");
        ctx.add(withState ? Ops.map(in, out, state, stateful(f, extra)) : Ops.map(in, out, unary(f, extra)));
    }

    private static boolean truthy(Object r) {
        if (r instanceof Boolean b) {
            return b;
        }
        if (r instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (r == null) {
            return false;
        }
        throw new IllegalArgumentException("a filter function must return true or false, returned " + LeafContext.describe(r));
    }

    private static void filter(LeafContext ctx) {
        Fn f = ctx.function("function");
        List<Object> extra = ctx.list("parameters");
        IotStream<Object> in = ctx.stream("in");
        IotStream<Object> out = ctx.stream("out");
        if (ctx.has("initial_state")) {
            // IoTpy style: f(value, state) -> (keep, next state)
            Object state = ctx.optional("initial_state", null);
            BiFunction<Object, Object, Next<Object, Object>> g = stateful(f, extra);
            ctx.add(Ops.map(in, out, state, (v, s) -> {
                Next<Object, Object> n = g.apply(v, s);
                return Next.of(truthy(n.value()) ? v : null, n.state());
            }));
        } else {
            Function<Object, Object> g = unary(f, extra);
            ctx.add(Ops.filter(in, out, v -> truthy(g.apply(v))));
        }
    }

    private static void window(LeafContext ctx) {
        Fn f = ctx.function("function");
        List<Object> extra = ctx.list("parameters");
        int size = ctx.intValue("window_size");
        int step = ctx.intValue("step_size");
        checkPositive(ctx, "window_size", size);
        checkPositive(ctx, "step_size", step);
        IotStream<Object> in = ctx.stream("in");
        IotStream<Object> out = ctx.stream("out");
        if (ctx.has("initial_state")) {
            Object[] state = {ctx.optional("initial_state", null)};
            BiFunction<Object, Object, Next<Object, Object>> g = stateful(f, extra);
            ctx.add(Ops.window(in, out, size, step, w -> {
                Next<Object, Object> n = g.apply(w, state[0]);
                state[0] = n.state();
                return n.value();
            }));
        } else {
            Function<Object, Object> g = unary(f, extra);
            ctx.add(Ops.window(in, out, size, step, g::apply));
        }
    }

    private static void timedWindow(LeafContext ctx) {
        Fn f = ctx.function("function");
        List<Object> extra = ctx.list("parameters");
        double duration = ctx.doubleValue("window_duration");
        double step = ctx.doubleValue("step_time");
        if (!(duration > 0)) {
            throw ctx.error("window_duration", "must be > 0, was " + duration);
        }
        if (!(step > 0)) {
            throw ctx.error("step_time", "must be > 0, was " + step);
        }
        IotStream<Object> in = ctx.stream("in");
        IotStream<Tuple> out = typed(ctx.stream("out"));
        if (ctx.has("initial_state")) {
            Object[] state = {ctx.optional("initial_state", null)};
            BiFunction<Object, Object, Next<Object, Object>> g = stateful(f, extra);
            ctx.add(Ops.timedWindow(in, out, duration, step, w -> {
                Next<Object, Object> n = g.apply(w, state[0]);
                state[0] = n.state();
                return n.value();
            }));
        } else {
            Function<Object, Object> g = unary(f, extra);
            ctx.add(Ops.timedWindow(in, out, duration, step, g::apply));
        }
    }

    private static void dynamicWindow(LeafContext ctx) {
        Fn f = ctx.function("function");
        List<Object> extra = ctx.list("parameters");
        int min = ctx.intValue("min_window_size");
        int max = ctx.intValue("max_window_size");
        int step = ctx.intValue("step_size");
        checkPositive(ctx, "min_window_size", min);
        checkPositive(ctx, "step_size", step);
        if (max < min) {
            throw ctx.error("max_window_size", "must be >= min_window_size (" + min + "), was " + max);
        }
        Object initial = ctx.optional("initial_state", null);
        IotStream<Object> in = ctx.stream("in");
        IotStream<Object> out = ctx.stream("out");
        // f(window, window state, *parameters): the window state carries size, steady, reset and the
        // function's own state (initially initial_state).
        ctx.add(Ops.dynamicWindow(in, out, min, max, step, initial,
                (List<Object> w, WindowState s) -> f.call(args(extra, w, s))));
    }

    private static void checkPositive(LeafContext ctx, String param, int v) {
        if (v < 1) {
            throw ctx.error(param, "must be >= 1, was " + v);
        }
    }

    private static void sink(LeafContext ctx) {
        Fn f = ctx.function("function");
        List<Object> extra = ctx.list("parameters");
        IotStream<Object> in = ctx.stream("in");
        if (ctx.has("initial_state")) {
            Object[] state = {ctx.optional("initial_state", null)};
            ctx.add(Ops.sink(in, v -> state[0] = f.call(args(extra, v, state[0]))));
        } else {
            Function<Object, Object> g = unary(f, extra);
            ctx.add(Ops.sink(in, g::apply));
        }
    }

    private static void source(LeafContext ctx) {
        Object fv = ctx.value("function");
        List<Object> extra = ctx.list("parameters");
        double interval = ctx.doubleValue("time_interval", 0);
        if (interval < 0) {
            throw ctx.error("time_interval", "must be >= 0 seconds, was " + interval);
        }
        Object len = ctx.optional("stream_length", null);
        long steps = -1;
        if (len != null) {
            if (!(len instanceof Number n) || n.longValue() < 0 || n.doubleValue() != n.longValue()) {
                throw ctx.error("stream_length", "must be a whole number >= 0, was " + LeafContext.describe(len));
            }
            steps = n.longValue();
        }
        Object push = ctx.optional("push", null);
        if (push != null && truthyConstant(push)) {
            throw ctx.error("push", "push sources are not supported: give a function that returns each value");
        }
        boolean withState = ctx.has("initial_state");
        Object state = ctx.optional("initial_state", null);
        IotStream<Object> out = ctx.stream("out");
        if (fv instanceof Iterable<?> values && !(fv instanceof IotStream<?>)) {
            ctx.add(Ops.source(out, values, interval));
            return;
        }
        Fn f = ctx.toFunction("function", fv);
        Operator op = withState
                ? Ops.source(out, state, s -> next(f.call(args(extra, s))), interval, steps)
                : Ops.source(out, null, s -> Next.of(f.call(extra.toArray()), null), interval, steps);
        ctx.add(op);
    }

    private static boolean truthyConstant(Object v) {
        return v instanceof Boolean b ? b : !(v instanceof Number n) || n.doubleValue() != 0;
    }

    private static void func(LeafContext ctx) {
        Fn f = ctx.function("function");
        List<Object> ps = ctx.list("parameters");
        Object result;
        try {
            result = f.call(ps.toArray());
        } catch (RuntimeException e) {
            throw new AssemblyException(ctx.part(), "function", "calling " + f.describe() + ps + " failed: " + e, e);
        }
        ctx.output("out", result);
    }

    private static void attribute(LeafContext ctx) {
        Object target = ctx.value("in");
        Object name = ctx.value("attribute");
        if (!(name instanceof String attr)) {
            throw ctx.error("attribute", "must be a name, was " + LeafContext.describe(name));
        }
        if (target == null) {
            throw ctx.error("in", "is None; it has no attribute " + attr);
        }
        ctx.output("out", member(ctx, target, attr));
    }

    /** A public method of {@code target} (as a function bound to it) or the value of a public field. */
    static Object member(LeafContext ctx, Object target, String attr) {
        List<Method> ms = new ArrayList<>();
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(attr) && !Modifier.isStatic(m.getModifiers())) {
                ms.add(m);
            }
        }
        if (!ms.isEmpty()) {
            return Fns.methods(target.getClass().getSimpleName() + "." + attr, ms, target);
        }
        try {
            Field fld = target.getClass().getField(attr);
            return fld.get(Modifier.isStatic(fld.getModifiers()) ? null : target);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw ctx.error("attribute", "an object of class " + target.getClass().getName()
                    + " has no public method or field named " + attr);
        }
    }
}
