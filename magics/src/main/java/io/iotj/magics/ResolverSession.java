package io.iotj.magics;

import io.iotj.kernel.session.NotebookFunction;
import io.iotj.kernel.session.NotebookSession;
import io.iotj.magics.resolve.NotebookResolver;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The notebook session as the function resolver sees it. */
final class ResolverSession implements NotebookResolver.Session {
    private final NotebookSession session;

    ResolverSession(NotebookSession session) {
        this.session = session;
    }

    @Override
    public List<Method> methods(String name) {
        return session.functions(name).stream().map(NotebookFunction::method).toList();
    }

    @Override
    public Optional<Object> variable(String name) {
        return session.variable(name);
    }

    @Override
    public Collection<String> names() {
        List<String> names = new ArrayList<>();
        session.methods().forEach(m -> names.add(m.name()));
        session.variables().forEach(v -> names.add(v.name()));
        return names;
    }

    @Override
    public String unusable(String name) {
        return session.methods().stream()
                .filter(m -> m.name().equals(name) && !m.callable())
                .map(m -> "the notebook method " + name + m.signature() + " cannot be called yet: "
                        + "something it uses is not defined (a missing import or class?)")
                .findFirst().orElse(null);
    }

    @Override
    public ClassLoader loader() {
        return session.classLoader();
    }

    @Override
    public <T> T outsideCell(Callable<T> work) throws Exception {
        return session.outsideCell(work);
    }
}
