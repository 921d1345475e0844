package io.iotj.graph;

import io.iotj.stream.Operator;
import io.iotj.stream.IotStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stream graph: parts joined by streams, with named external inputs (streams the caller appends
 * to) and outputs (streams the caller watches). A graph is a description plus its wired streams; a
 * {@code Runtime} runs it, once.
 */
public final class Graph {
    private final String name;
    private final List<Part> parts;
    private final Map<String, IotStream<?>> inputs;
    private final Map<String, IotStream<?>> outputs;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Origin origin;

    private Graph(String name, List<Part> parts, Map<String, IotStream<?>> inputs, Map<String, IotStream<?>> outputs, Origin origin) {
        this.name = name;
        this.origin = origin;
        this.parts = topological(parts);
        this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /** A builder for a graph named {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The graph of every operator connected to the given streams (built with the fluent API) that
     * no runtime runs yet. Parts are named after their kind and a counter ({@code map0}); streams
     * nobody writes become inputs and streams nobody reads become outputs, under their stream names.
     */
    public static Graph of(String name, IotStream<?>... streams) {
        Set<Operator> ops = new LinkedHashSet<>();
        Set<IotStream<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<IotStream<?>> todo = new ArrayDeque<>(List.of(streams));
        while (!todo.isEmpty()) {
            IotStream<?> s = todo.pop();
            if (!seen.add(s)) {
                continue;
            }
            List<Operator> near = new ArrayList<>(s.consumers());
            if (s.producer() != null) {
                near.add(s.producer());
            }
            for (Operator op : near) {
                if (op.activation() != io.iotj.stream.Activation.INLINE) {
                    continue; // run by another graph
                }
                if (ops.add(op)) {
                    todo.addAll(op.inputs());
                    todo.addAll(op.outputs());
                }
            }
        }
        Builder b = builder(name);
        Map<String, Integer> counters = new HashMap<>();
        for (Operator op : ops) {
            int k = counters.merge(op.kind(), 1, Integer::sum) - 1;
            b.part(op.kind() + k, op.kind(), op);
        }
        Set<String> used = new java.util.HashSet<>();
        for (IotStream<?> s : seen) {
            String key = s.name();
            for (int k = 1; !used.add(key); k++) {
                key = s.name() + "#" + k;
            }
            boolean written = s.producer() != null && ops.contains(s.producer());
            boolean read = s.consumers().stream().anyMatch(ops::contains);
            if (!written && read) {
                b.input(key, s);
            } else if (written && !read) {
                b.output(key, s);
            }
        }
        return b.build();
    }

    /** The graph's name. */
    public String name() {
        return name;
    }

    /** The parts, producers before their consumers (except around cycles). */
    public List<Part> parts() {
        return parts;
    }

    /** The part named {@code part}, or {@code null}. */
    public Part part(String part) {
        for (Part p : parts) {
            if (p.name().equals(part)) {
                return p;
            }
        }
        return null;
    }

    /** The template and arguments this graph was assembled from, when it was assembled. */
    public java.util.Optional<Origin> origin() {
        return java.util.Optional.ofNullable(origin);
    }

    /** External inputs by name. */
    public Map<String, IotStream<?>> inputs() {
        return inputs;
    }

    /** External outputs by name. */
    public Map<String, IotStream<?>> outputs() {
        return outputs;
    }

    /** Every stream a part reads or writes, and every external one. */
    public Set<IotStream<?>> streams() {
        Set<IotStream<?>> all = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Part p : parts) {
            all.addAll(p.inputs());
            all.addAll(p.outputs());
        }
        all.addAll(inputs.values());
        all.addAll(outputs.values());
        return all;
    }

    /** The part that writes {@code s}, or {@code null} when no part of this graph writes it. */
    public Part producerOf(IotStream<?> s) {
        for (Part p : parts) {
            for (IotStream<?> o : p.outputs()) {
                if (o == s) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Marks the graph as started; a runtime calls this so a graph runs at most once. */
    public void claim() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("graph " + name + " was already started; assemble it again to run it again");
        }
    }

    @Override
    public String toString() {
        return "Graph " + name + " " + parts;
    }

    private static List<Part> topological(List<Part> parts) {
        Map<Operator, Part> byOp = new IdentityHashMap<>();
        for (Part p : parts) {
            byOp.put(p.operator(), p);
        }
        Map<Part, Integer> indegree = new LinkedHashMap<>();
        for (Part p : parts) {
            int d = 0;
            for (IotStream<?> s : p.inputs()) {
                if (s.producer() != null && byOp.containsKey(s.producer()) && s.producer() != p.operator()) {
                    d++;
                }
            }
            indegree.put(p, d);
        }
        List<Part> order = new ArrayList<>();
        Deque<Part> ready = new ArrayDeque<>();
        indegree.forEach((p, d) -> {
            if (d == 0) {
                ready.add(p);
            }
        });
        while (!ready.isEmpty()) {
            Part p = ready.poll();
            order.add(p);
            for (IotStream<?> s : p.outputs()) {
                for (Operator c : s.consumers()) {
                    Part q = byOp.get(c);
                    if (q != null && q != p && indegree.merge(q, -1, Integer::sum) == 0) {
                        ready.add(q);
                    }
                }
            }
        }
        for (Part p : parts) {
            if (!order.contains(p)) {
                order.add(p); // on a cycle
            }
        }
        return List.copyOf(order);
    }

    /** Collects parts and external streams. */
    public static final class Builder {
        private final String name;
        private final List<Part> parts = new ArrayList<>();
        private final Map<String, IotStream<?>> inputs = new LinkedHashMap<>();
        private final Map<String, IotStream<?>> outputs = new LinkedHashMap<>();
        private Origin origin;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Adds a part. */
        public Builder part(String partName, String template, Operator op) {
            for (Part p : parts) {
                if (p.name().equals(partName)) {
                    throw new IllegalArgumentException("graph " + name + " already has a part named " + partName);
                }
                if (p.operator() == op) {
                    throw new IllegalArgumentException("operator of " + partName + " is already part " + p.name());
                }
            }
            parts.add(new Part(partName, template, op));
            return this;
        }

        /** Names an external input stream. */
        public Builder input(String inputName, IotStream<?> s) {
            inputs.put(inputName, s);
            return this;
        }

        /** Names an external output stream. */
        public Builder output(String outputName, IotStream<?> s) {
            outputs.put(outputName, s);
            return this;
        }

        /** Records the template and arguments the graph is assembled from. */
        public Builder origin(Origin o) {
            origin = o;
            return this;
        }

        /** The graph. */
        public Graph build() {
            return new Graph(name, parts, inputs, outputs, origin);
        }
    }
}
