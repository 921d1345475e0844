package io.iotj.magics.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The graphs of a session by name, in the order they started. Finished graphs stay listed (so
 * {@code %streams} shows how they ended) up to {@value #KEEP_FINISHED}; older finished ones are
 * forgotten, so the registry does not grow over a long session.
 */
public final class GraphRegistry {
    /** Finished graphs kept for {@code %streams}. */
    public static final int KEEP_FINISHED = 100;

    private final Map<String, SessionGraph> graphs = new LinkedHashMap<>();

    /**
     * A name for a new graph of template {@code base}: {@code base} itself when no graph has it,
     * else {@code base_2}, {@code base_3}, ... (the first free one).
     */
    public synchronized String freshName(String base) {
        if (!graphs.containsKey(base)) {
            return base;
        }
        for (int i = 2; ; i++) {
            String n = base + "_" + i;
            if (!graphs.containsKey(n)) {
                return n;
            }
        }
    }

    /** Adds a graph under its name, replacing a finished one of that name. */
    public synchronized void add(SessionGraph g) {
        SessionGraph old = graphs.get(g.name());
        if (old != null && !old.status().finished()) {
            throw new IllegalStateException("a graph named " + g.name() + " is still running");
        }
        graphs.remove(g.name());
        graphs.put(g.name(), g);
        forgetOldFinished();
    }

    private void forgetOldFinished() {
        List<String> finished = new ArrayList<>();
        graphs.forEach((n, g) -> {
            if (g.status().finished()) {
                finished.add(n);
            }
        });
        for (int i = 0; i < finished.size() - KEEP_FINISHED; i++) {
            graphs.remove(finished.get(i));
        }
    }

    /** The graph named {@code name}. */
    public synchronized Optional<SessionGraph> get(String name) {
        return Optional.ofNullable(graphs.get(name));
    }

    /** Every graph, oldest first. */
    public synchronized List<SessionGraph> all() {
        return List.copyOf(graphs.values());
    }

    /** The names of every graph, oldest first. */
    public synchronized List<String> names() {
        return List.copyOf(graphs.keySet());
    }

    /** The graphs still running or idle. */
    public synchronized List<SessionGraph> unfinished() {
        return graphs.values().stream().filter(g -> !g.status().finished()).toList();
    }
}
