package io.iotj.assemble;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a function name from a template into something callable. The caller supplies one (the
 * notebook: JShell methods and variables); {@link #standard(FunctionResolver)} puts it before the
 * library's built-ins and fully qualified static methods ({@code pkg.Class.method}) and constructors
 * ({@code pkg.Class}).
 */
@FunctionalInterface
public interface FunctionResolver {
    /** The function named {@code name}, if this resolver knows it. */
    Optional<Fn> resolve(String name);

    /** Names this resolver knows, for "did you mean" messages (may be empty). */
    default List<String> knownNames() {
        return List.of();
    }

    /**
     * Resolves the given names: each value is an {@link Fn}, a {@code java.util.function} object or
     * any functional-interface object.
     *
     * @throws IllegalArgumentException when a value is not callable
     */
    static FunctionResolver of(java.util.Map<String, ?> functions) {
        java.util.Map<String, Fn> fs = new java.util.LinkedHashMap<>();
        functions.forEach((name, f) -> {
            Fn fn = Fns.adapt(f);
            if (fn == null) {
                throw new IllegalArgumentException(name + " is not a function: " + f);
            }
            fs.put(name, Fn.named(name, fn));
        });
        return new FunctionResolver() {
            @Override
            public Optional<Fn> resolve(String name) {
                return Optional.ofNullable(fs.get(name));
            }

            @Override
            public List<String> knownNames() {
                return List.copyOf(fs.keySet());
            }
        };
    }

    /** Resolves nothing. */
    FunctionResolver NONE = name -> Optional.empty();

    /** {@code first}, then the built-ins, then classpath static methods and constructors. */
    static FunctionResolver standard(FunctionResolver first) {
        return chain(first, Builtins.resolver(), new ClasspathResolver());
    }

    /** Asks each resolver in turn. */
    static FunctionResolver chain(FunctionResolver... resolvers) {
        List<FunctionResolver> rs = List.of(resolvers);
        return new FunctionResolver() {
            @Override
            public Optional<Fn> resolve(String name) {
                for (FunctionResolver r : rs) {
                    Optional<Fn> f = r.resolve(name);
                    if (f.isPresent()) {
                        return f;
                    }
                }
                return Optional.empty();
            }

            @Override
            public List<String> knownNames() {
                List<String> all = new ArrayList<>();
                for (FunctionResolver r : rs) {
                    all.addAll(r.knownNames());
                }
                return all;
            }
        };
    }
}
