package io.iotj.remote.node;

import io.iotj.assemble.Fn;
import io.iotj.assemble.FunctionResolver;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Names in a template resolved to methods of the snippets shipped to this node. A name may have
 * overloads of different arities; each arity is bound when first called.
 */
public final class SnippetResolver implements FunctionResolver {
    private final SnippetFunctions snippets;

    /** Resolves against {@code snippets} (null: resolves nothing). */
    public SnippetResolver(SnippetFunctions snippets) {
        this.snippets = snippets;
    }

    @Override
    public Optional<Fn> resolve(String name) {
        if (snippets == null || !snippets.methodNames().contains(name)) return Optional.empty();
        Map<Integer, Function<Object[], Object>> byArity = new ConcurrentHashMap<>();
        return Optional.of(Fn.named(name, args -> {
            Function<Object[], Object> f = byArity.computeIfAbsent(args.length, n -> {
                try {
                    return snippets.resolve(name, n).orElseThrow(() ->
                            new IllegalArgumentException(name + " takes no " + n + " argument(s) in the shipped snippets"));
                } catch (SnippetFunctions.SnippetError e) {
                    throw new IllegalArgumentException(e.getMessage());
                }
            });
            return f.apply(args);
        }));
    }

    @Override
    public List<String> knownNames() {
        return snippets == null ? List.of() : snippets.methodNames();
    }
}
