package io.iotj.assemble;

import io.iotj.stream.Operator;
import io.iotj.stream.IotStream;
import io.iotj.template.Names;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What a leaf sees while it is assembled: its part name, its parameters (each a {@link Value}, or
 * a list of them when wired by index), the function resolver, and where to put its operators.
 */
public final class LeafContext {
    private final String part;
    private final String template;
    private final Map<String, Object> params;
    private final FunctionResolver resolver;
    private final List<Object[]> added;
    private final StreamFactory streams;

    /** Creates streams for unbound stream parameters, named after the value's label. */
    interface StreamFactory {
        IotStream<Object> create(String label);
    }

    LeafContext(String part, String template, Map<String, Object> params, FunctionResolver resolver,
                List<Object[]> added, StreamFactory streams) {
        this.part = part;
        this.template = template;
        this.params = params;
        this.resolver = resolver;
        this.added = added;
        this.streams = streams;
    }

    /** Thrown when a parameter is wired to a value nobody has produced yet; the leaf is retried later. */
    static final class Unbound extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String param;
        final String label;

        Unbound(String param, String label) {
            super(null, null, false, false);
            this.param = param;
            this.label = label;
        }
    }

    /** The part's name ({@code map0}, {@code train0.dynamic_window0}). */
    public String part() {
        return part;
    }

    /** The leaf template's name. */
    public String template() {
        return template;
    }

    /**
     * True when {@code param} has content other than {@code None}; a parameter wired to a value not
     * produced yet counts as absent (optional parameters of a composite the caller left out).
     */
    public boolean has(String param) {
        Object p = params.get(param);
        if (p instanceof Value v) {
            return v.isBound() && v.get() != null;
        }
        return p != null;
    }

    /** True when {@code param} is wired to anything at all (bound or not yet). */
    public boolean wired(String param) {
        return params.containsKey(param);
    }

    /**
     * The content of {@code param}; a list when it was wired by index.
     *
     * @throws AssemblyException when the parameter was not given
     */
    public Object value(String param) {
        Object p = params.get(param);
        if (p == null) {
            throw error(param, "is required but was not given");
        }
        return content(param, p);
    }

    /** The content of an optional {@code param}, or {@code otherwise} when not given or {@code None}. */
    public Object optional(String param, Object otherwise) {
        Object p = params.get(param);
        if (p == null) {
            return otherwise;
        }
        Object c = content(param, p);
        return c == null ? otherwise : c;
    }

    private Object content(String param, Object p) {
        if (p instanceof Value v) {
            if (!v.isBound()) {
                throw new Unbound(param, v.label());
            }
            return v.get();
        }
        List<Object> out = new ArrayList<>();
        for (Value v : values(param, p)) {
            if (!v.isBound()) {
                throw new Unbound(param, v.label());
            }
            out.add(v.get());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Value> values(String param, Object p) {
        List<Value> vs = (List<Value>) p;
        for (int i = 0; i < vs.size(); i++) {
            if (vs.get(i) == null) {
                throw error(param + "[" + i + "]", "is not wired (indices must be 0, 1, 2, … without gaps)");
            }
        }
        return vs;
    }

    /** A whole number parameter. */
    public int intValue(String param) {
        Object v = value(param);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw error(param, "must be a whole number, was " + describe(v));
    }

    /** A number parameter. */
    public double doubleValue(String param) {
        Object v = value(param);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw error(param, "must be a number, was " + describe(v));
    }

    /** An optional number parameter. */
    public double doubleValue(String param, double otherwise) {
        Object v = optional(param, null);
        if (v == null) {
            return otherwise;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw error(param, "must be a number, was " + describe(v));
    }

    /**
     * An optional duration in seconds: a number of seconds, or text with a unit ({@code "250ms"},
     * {@code "5s"}, {@code "2m"}, {@code "1h"}, {@code "1d"}); {@code otherwise} when not given.
     */
    public double seconds(String param, double otherwise) {
        Object v = optional(param, null);
        if (v == null) {
            return otherwise;
        }
        double s;
        if (v instanceof Number n) {
            s = n.doubleValue();
        } else if (v instanceof String text) {
            s = DurationText.seconds(text);
            if (Double.isNaN(s)) {
                throw error(param, "must be a duration such as 5 (seconds), \"250ms\", \"5s\", \"2m\", \"1h\" or \"1d\", was \""
                        + text + "\"");
            }
        } else {
            throw error(param, "must be a duration (seconds, or text such as \"5s\"), was " + describe(v));
        }
        if (!(s >= 0) || Double.isInfinite(s)) {
            throw error(param, "must be a duration >= 0, was " + describe(v));
        }
        return s;
    }

    /** The list-valued {@code param} ({@code parameters}); empty when not given. */
    public List<Object> list(String param) {
        Object v = optional(param, null);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (v instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (v instanceof Object[] a) {
            return new ArrayList<>(List.of(a));
        }
        return new ArrayList<>(List.of(v)); // a single parameter
    }

    /**
     * The function {@code param}: a name resolved by the resolver, or a callable object.
     *
     * @throws AssemblyException naming near matches when the name is unknown
     */
    public Fn function(String param) {
        Object v = value(param);
        return toFunction(param, v);
    }

    Fn toFunction(String param, Object v) {
        if (v instanceof String name) {
            return resolver.resolve(name).orElseThrow(() -> error(param, unknownFunction(name, resolver)));
        }
        Fn f = Fns.adapt(v);
        if (f == null) {
            throw error(param, "must be a function, was " + describe(v));
        }
        return f;
    }

    static String unknownFunction(String name, FunctionResolver resolver) {
        List<String> near = Names.nearMatches(name, resolver.knownNames(), 3);
        return "unknown function \"" + name + "\"" + (near.isEmpty() ? "" : "; did you mean " + Names.orList(near) + "?")
                + " (define it, or name a static method as pkg.Class.method)";
    }

    /** The stream {@code param}; a new stream when nothing produced one yet. */
    @SuppressWarnings("unchecked")
    public IotStream<Object> stream(String param) {
        Object p = params.get(param);
        if (p == null) {
            throw error(param, "is required but was not given");
        }
        if (p instanceof Value v) {
            return streamOf(param, v);
        }
        List<Value> vs = values(param, p);
        if (vs.size() == 1) {
            return streamOf(param + "[0]", vs.get(0));
        }
        throw error(param, "takes one stream but is wired to " + vs.size());
    }

    /** The streams of a list-valued stream {@code param} ({@code zip}'s {@code in}, {@code unzip}'s {@code out}). */
    @SuppressWarnings("unchecked")
    public List<IotStream<Object>> streams(String param) {
        Object p = params.get(param);
        if (p == null) {
            throw error(param, "is required but was not given");
        }
        if (p instanceof Value v) {
            if (v.isBound() && v.get() instanceof List<?> l) {
                List<IotStream<Object>> out = new ArrayList<>();
                for (Object o : l) {
                    if (!(o instanceof IotStream<?> s)) {
                        throw error(param, "must be a list of streams, holds " + describe(o));
                    }
                    out.add((IotStream<Object>) s);
                }
                return out;
            }
            return List.of(streamOf(param, v));
        }
        List<IotStream<Object>> out = new ArrayList<>();
        List<Value> vs = values(param, p);
        for (int i = 0; i < vs.size(); i++) {
            out.add(streamOf(param + "[" + i + "]", vs.get(i)));
        }
        return out;
    }

    /** True when {@code param} is one value whose content is a list (the caller gave a list of streams). */
    public boolean holdsList(String param) {
        return params.get(param) instanceof Value v && v.isBound() && v.get() instanceof List<?>;
    }

    /** True when {@code param} was wired by index ({@code out[0]}, {@code out[1]} …). */
    public boolean indexed(String param) {
        return params.get(param) instanceof List<?>;
    }

    @SuppressWarnings("unchecked")
    private IotStream<Object> streamOf(String param, Value v) {
        if (!v.isBound()) {
            v.set(streams.create(v.label()));
        }
        Object c = v.get();
        if (c instanceof IotStream<?> s) {
            return (IotStream<Object>) s;
        }
        throw error(param, "must be a stream, was " + describe(c));
    }

    /**
     * Binds an untyped output ({@code func}'s and {@code attribute}'s {@code out}) for the parts
     * wired to it.
     */
    public void output(String param, Object content) {
        Object p = params.get(param);
        if (p == null) {
            return; // nobody uses it
        }
        if (p instanceof Value v) {
            v.set(content);
        } else {
            throw error(param, "is an output of one value and cannot be wired by index");
        }
    }

    /** Adds {@code op} to the graph as this part. */
    public void add(Operator op) {
        int n = 0;
        for (Object[] a : added) {
            if (((String) a[0]).equals(part) || ((String) a[0]).startsWith(part + "#")) {
                n++;
            }
        }
        added.add(new Object[] {n == 0 ? part : part + "#" + n, template, op});
    }

    /** The function resolver in use. */
    public FunctionResolver resolver() {
        return resolver;
    }

    /** An error about {@code param} of this part. */
    public AssemblyException error(String param, String message) {
        return new AssemblyException(part, param, message);
    }

    static String describe(Object v) {
        if (v == null) {
            return "None";
        }
        String s = String.valueOf(v);
        if (s.length() > 60) {
            s = s.substring(0, 60) + "…";
        }
        return s + " (" + v.getClass().getSimpleName() + ")";
    }
}
