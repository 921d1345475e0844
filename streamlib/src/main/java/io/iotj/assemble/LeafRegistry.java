package io.iotj.assemble;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Leaf name → implementation. {@link #standard()} holds the library's fourteen leaves (IoTpy's map,
 * zip, mix, unzip, separate, sink, source, dynamic_window, func, attribute, plus filter, window,
 * timed_window, merge); other modules {@link #register} more (ML: train, predict, plot; the
 * notebook: table and chart sinks). Thread-safe.
 */
public final class LeafRegistry {
    private final Map<String, Leaf> leaves = new LinkedHashMap<>();

    private LeafRegistry() {
    }

    /** A registry with the standard leaves. */
    public static LeafRegistry standard() {
        LeafRegistry r = new LeafRegistry();
        StandardLeaves.registerAll(r);
        return r;
    }

    /** An empty registry. */
    public static LeafRegistry empty() {
        return new LeafRegistry();
    }

    /** Adds or replaces the leaf {@code name}. */
    public synchronized LeafRegistry register(String name, Leaf leaf) {
        leaves.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(leaf, "leaf"));
        return this;
    }

    /** The leaf {@code name}, if registered. */
    public synchronized Optional<Leaf> find(String name) {
        return Optional.ofNullable(leaves.get(name));
    }

    /** Registered names. */
    public synchronized List<String> names() {
        return List.copyOf(leaves.keySet());
    }

    /** An independent copy. */
    public synchronized LeafRegistry copy() {
        LeafRegistry r = new LeafRegistry();
        r.leaves.putAll(leaves);
        return r;
    }
}
