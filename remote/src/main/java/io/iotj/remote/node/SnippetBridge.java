package io.iotj.remote.node;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Where code compiled in the node's JShell hands callables to the node. JShell's local execution
 * loads snippets in a class loader whose parent is the node's, so this class (and its map) is the
 * same on both sides. Public only because snippets must see it.
 */
public final class SnippetBridge {
    private static final Map<String, Function<Object[], Object>> FUNCTIONS = new ConcurrentHashMap<>();

    private SnippetBridge() {}

    /** Called from generated snippets. */
    public static void register(String key, Function<Object[], Object> f) {
        FUNCTIONS.put(key, f);
    }

    static Function<Object[], Object> take(String key) {
        return FUNCTIONS.remove(key);
    }
}
