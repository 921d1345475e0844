package io.iotj.magics;

import io.iotj.assemble.Builtins;
import io.iotj.assemble.Fn;
import io.iotj.assemble.FunctionResolver;
import io.iotj.magics.resolve.Invoker;
import io.iotj.magics.resolve.NotebookResolver;

import java.util.Collection;
import java.util.Optional;

/** streamlib's built-in functions, last in the notebook's resolution order. */
final class LibraryBuiltins implements NotebookResolver.Builtins {
    private final FunctionResolver builtins = Builtins.resolver();

    @Override
    public Optional<Invoker> find(String name) {
        return builtins.resolve(name).map(LibraryBuiltins::invoker);
    }

    @Override
    public Collection<String> names() {
        return builtins.knownNames();
    }

    private static Invoker invoker(Fn f) {
        return new Invoker() {
            @Override
            public String describe() {
                return "built-in " + f.describe();
            }

            @Override
            public Object call(Object... args) {
                return f.call(args);
            }
        };
    }
}
