package io.iotj.assemble;

import io.iotj.graph.Graph;
import io.iotj.stream.Operator;
import io.iotj.stream.IotStream;
import io.iotj.template.Component;
import io.iotj.template.External;
import io.iotj.template.Internal;
import io.iotj.template.Names;
import io.iotj.template.Param;
import io.iotj.template.Template;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Recursive assembly (section 4 of the IoTpy thesis): a template's externals and internals wire its
 * parameters and its parts' parameters to shared {@link Value}s; composites are expanded the same
 * way down to leaves; each leaf then attaches its operator. Typed parameters get their content from
 * the type: {@code stream} parameters a new stream, {@code function} parameters a resolved
 * function. Everything is checked before anything runs: an unknown template or function, a
 * missing parameter or a value nobody produces is an {@link AssemblyException}, and no operator
 * stays attached.
 */
public final class Assembler {
    private static final int MAX_DEPTH = 64;

    private final TemplateSource templates;
    private final LeafRegistry leaves;
    private final FunctionResolver resolver;

    /**
     * @param templates where templates are looked up by name
     * @param leaves    leaf implementations
     * @param resolver  function names to callables (use {@link FunctionResolver#standard} to add the
     *                  built-ins and classpath methods after the caller's own)
     */
    public Assembler(TemplateSource templates, LeafRegistry leaves, FunctionResolver resolver) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.leaves = Objects.requireNonNull(leaves, "leaves");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** An assembler with the standard leaves and the standard resolver after {@code resolver}. */
    public static Assembler standard(TemplateSource templates, FunctionResolver resolver) {
        return new Assembler(templates, LeafRegistry.standard(), FunctionResolver.standard(resolver));
    }

    /**
     * Assembles {@code template} with the caller's arguments (by parameter name: streams, numbers,
     * strings, function names, callables) into a graph named {@code graphName}.
     */
    public Assembly assemble(String graphName, String template, Map<String, ?> args) {
        Template t = template(null, template);
        return assemble(graphName, t, args);
    }

    /** Assembles a template given as a model. */
    public Assembly assemble(String graphName, Template t, Map<String, ?> args) {
        Set<String> declared = new HashSet<>();
        t.inputs().forEach(p -> declared.add(p.name()));
        t.outputs().forEach(p -> declared.add(p.name()));
        for (String k : args.keySet()) {
            if (!declared.contains(k)) {
                throw new AssemblyException(null, null, "template " + t.name() + " has no parameter " + k
                        + "; its parameters: " + declared);
            }
        }
        Map<String, Object> top = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : args.entrySet()) {
            top.put(e.getKey(), Value.of(e.getKey(), e.getValue()));
        }
        for (Param p : params(t)) {
            top.computeIfAbsent(p.name(), Value::new);
        }
        List<Instance> instances = new ArrayList<>();
        List<Object[]> added = new ArrayList<>();
        try {
            expand(t, "", top, instances, 0);
            Set<String> streamParams = new HashSet<>();
            for (Param p : params(t)) {
                if (p.isStream()) {
                    streamParams.add(p.name());
                }
            }
            build(instances, added, streamParams);
            // Declared stream parameters nobody used still get a stream (IoTpy's `test` has y).
            for (Param p : params(t)) {
                Value v = (Value) top.get(p.name());
                if (p.isStream() && !v.isBound()) {
                    v.set(new IotStream<>(p.name()));
                }
            }
        } catch (RuntimeException e) {
            for (Object[] a : added) {
                ((Operator) a[2]).detach();
            }
            throw e;
        }
        Graph.Builder g = Graph.builder(graphName).origin(new io.iotj.graph.Origin(t, new LinkedHashMap<>(args)));
        for (Object[] a : added) {
            g.part((String) a[0], (String) a[1], (Operator) a[2]);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : t.inputs()) {
            Object c = ((Value) top.get(p.name())).get();
            values.put(p.name(), c);
            if (c instanceof IotStream<?> s) {
                g.input(p.name(), s);
            }
        }
        for (Param p : t.outputs()) {
            Object c = ((Value) top.get(p.name())).get();
            values.put(p.name(), c);
            if (c instanceof IotStream<?> s) {
                g.output(p.name(), s);
            }
        }
        return new Assembly(g.build(), values);
    }

    private static List<Param> params(Template t) {
        List<Param> ps = new ArrayList<>(t.inputs());
        ps.addAll(t.outputs());
        return ps;
    }

    private Template template(String part, String name) {
        Optional<Template> t = templates.find(name);
        if (t.isPresent()) {
            return t.get();
        }
        if (leaves.find(name).isPresent()) {
            return new Template(name, name, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
        List<String> known = new ArrayList<>(templates.names());
        known.addAll(leaves.names());
        List<String> near = Names.nearMatches(name, known, 3);
        throw new AssemblyException(part, null, "unknown template \"" + name + "\""
                + (near.isEmpty() ? "" : "; did you mean " + Names.orList(near) + "?"));
    }

    /** A leaf to build: its part name, template and parameters. */
    private record Instance(String part, Template template, Map<String, Object> params) {
    }

    private void expand(Template t, String prefix, Map<String, Object> params, List<Instance> out, int depth) {
        String self = prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1);
        if (depth > MAX_DEPTH) {
            throw new AssemblyException(self, null, "templates nest more than " + MAX_DEPTH + " deep (does " + t.name() + " contain itself?)");
        }
        resolveTypedFunctions(t, self, params);
        if (!t.isComposite()) {
            out.add(new Instance(self == null ? t.name() + "0" : self, t, params));
            return;
        }
        Map<String, Map<String, Object>> sub = new LinkedHashMap<>();
        Map<String, String> templateOf = new LinkedHashMap<>();
        for (Component c : t.components()) {
            if (sub.put(c.part(), new LinkedHashMap<>()) != null) {
                throw new AssemblyException(prefix + c.part(), null, "template " + t.name() + " has two parts named " + c.part());
            }
            templateOf.put(c.part(), c.template());
        }
        Set<String> own = new HashSet<>();
        params(t).forEach(p -> own.add(p.name()));
        for (External e : t.externals()) {
            Map<String, Object> dst = partParams(t, sub, e.part(), prefix);
            Value v;
            if (own.contains(e.ext())) {
                Object p = params.computeIfAbsent(e.ext(), k -> new Value(prefix + k));
                if (!(p instanceof Value pv)) {
                    // A list-valued parameter passed on as a whole.
                    put(dst, e.param(), e.index(), null, p, prefix + e.part());
                    continue;
                }
                v = pv;
            } else if (e.ext().equals("None")) {
                v = new Value(prefix + e.part() + "." + e.param());
            } else {
                Optional<Object> constant = Constants.parse(e.ext());
                if (constant.isPresent()) {
                    v = Value.of(e.ext(), constant.get());
                } else if (isFunctionParam(templateOf.get(e.part()), e.param())) {
                    // IoTpy's function=train: a bare word wired to a function parameter names a
                    // function (in IoTpy, of the template's module); resolved when the part expands.
                    v = Value.of(e.ext(), e.ext());
                } else {
                    throw new AssemblyException(prefix + e.part(), e.param(), "is wired to \"" + e.ext()
                            + "\", which is neither a parameter of template " + t.name() + " " + own
                            + " nor a constant (a bare word names a function only for a function parameter)");
                }
            }
            put(dst, e.param(), e.index(), v, null, prefix + e.part());
        }
        for (Internal i : t.internals()) {
            Map<String, Object> src = partParams(t, sub, i.srcPart(), prefix);
            Map<String, Object> dst = partParams(t, sub, i.dstPart(), prefix);
            String label = prefix + i.srcPart() + "." + i.srcParam() + (i.srcIndex() == null ? "" : "[" + i.srcIndex() + "]");
            Value v = slot(src, i.srcParam(), i.srcIndex(), label, prefix + i.srcPart());
            put(dst, i.dstParam(), i.dstIndex(), v, null, prefix + i.dstPart());
        }
        for (Component c : t.components()) {
            Template ct = template(prefix + c.part(), templateOf.get(c.part()));
            expand(ct, prefix + c.part() + ".", sub.get(c.part()), out, depth + 1);
        }
    }

    /** True when template {@code name} is known and declares input {@code param} as a function. */
    private boolean isFunctionParam(String name, String param) {
        return templates.find(name).stream()
                .flatMap(t -> t.inputs().stream())
                .anyMatch(p -> p.name().equals(param) && p.isFunction());
    }

    private static Map<String, Object> partParams(Template t, Map<String, Map<String, Object>> sub, String part, String prefix) {
        Map<String, Object> m = sub.get(part);
        if (m == null) {
            throw new AssemblyException(prefix + part, null, "template " + t.name() + " wires part " + part
                    + ", which is not one of its components " + sub.keySet());
        }
        return m;
    }

    /** The value in {@code params[param]} (at {@code index}), created when absent. */
    @SuppressWarnings("unchecked")
    private static Value slot(Map<String, Object> params, String param, Integer index, String label, String part) {
        Object p = params.get(param);
        if (index == null) {
            if (p == null) {
                Value v = new Value(label);
                params.put(param, v);
                return v;
            }
            if (p instanceof Value v) {
                return v;
            }
            throw new AssemblyException(part, param, "is wired by index; name an index to use one of its values");
        }
        List<Value> list = listAt(params, param, part);
        while (list.size() <= index) {
            list.add(null);
        }
        if (list.get(index) == null) {
            list.set(index, new Value(label));
        }
        return list.get(index);
    }

    @SuppressWarnings("unchecked")
    private static List<Value> listAt(Map<String, Object> params, String param, String part) {
        Object p = params.get(param);
        if (p == null) {
            List<Value> list = new ArrayList<>();
            params.put(param, list);
            return list;
        }
        if (p instanceof List<?> l) {
            return (List<Value>) l;
        }
        throw new AssemblyException(part, param, "is wired both as a whole and by index");
    }

    private static void put(Map<String, Object> params, String param, Integer index, Value v, Object whole, String part) {
        if (index == null) {
            Object old = params.get(param);
            Object nu = whole != null ? whole : v;
            if (old != null && old != nu) {
                throw new AssemblyException(part, param, "is wired twice");
            }
            params.put(param, nu);
            return;
        }
        if (index < 0) {
            throw new AssemblyException(part, param, "index " + index + " is negative");
        }
        List<Value> list = listAt(params, param, part);
        while (list.size() <= index) {
            list.add(null);
        }
        if (list.get(index) != null && list.get(index) != v) {
            throw new AssemblyException(part, param + "[" + index + "]", "is wired twice");
        }
        list.set(index, v);
    }

    /** Function-typed parameters holding a name get the resolved function (checked now, not at run time). */
    private void resolveTypedFunctions(Template t, String part, Map<String, Object> params) {
        for (Param p : t.inputs()) {
            if (p.isFunction() && params.get(p.name()) instanceof Value v && v.isBound() && v.get() instanceof String name) {
                Fn f = resolver.resolve(name).orElseThrow(() ->
                        new AssemblyException(part == null ? t.name() : part, p.name(), LeafContext.unknownFunction(name, resolver)));
                v.set(f);
            }
        }
    }

    /** @param streamParams the template's own stream parameters, named in errors as such */
    private void build(List<Instance> instances, List<Object[]> added, Set<String> streamParams) {
        List<Instance> todo = new ArrayList<>(instances);
        LeafContext.StreamFactory streams = label -> new IotStream<>(label.isEmpty() ? "stream" : label);
        while (!todo.isEmpty()) {
            LeafContext.Unbound last = null;
            Instance waiting = null;
            List<Instance> next = new ArrayList<>();
            for (Instance in : todo) {
                String leafName = in.template().assembly();
                Leaf leaf = leaves.find(leafName).orElseThrow(() -> new AssemblyException(in.part(), null,
                        "no implementation for leaf template \"" + leafName + "\"; known leaves: " + leaves.names()));
                LeafContext ctx = new LeafContext(in.part(), in.template().name(), in.params(), resolver, added, streams);
                try {
                    leaf.assemble(ctx);
                } catch (LeafContext.Unbound u) {
                    last = u;
                    waiting = in;
                    next.add(in);
                } catch (AssemblyException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new AssemblyException(in.part(), null, e.getMessage() == null ? e.toString() : e.getMessage(), e);
                }
            }
            if (next.size() == todo.size()) {
                if (streamParams.contains(last.label)) {
                    // its stream is made only for stream parameters: this one takes a value
                    throw new AssemblyException(waiting.part(), last.param, "is wired to " + last.label + ", but "
                            + last.label + " is a stream parameter of the template and this parameter takes a value,"
                            + " not a stream");
                }
                throw new AssemblyException(waiting.part(), last.param, "is wired to " + last.label
                        + ", which no part produces (it is neither given nor an output of another part)");
            }
            todo = next;
        }
    }
}
