package io.iotj.kernel;

import io.iotj.kernel.maven.SessionDependencies;
import io.iotj.kernel.session.MethodInfo;
import io.iotj.kernel.session.NotebookFunction;
import io.iotj.kernel.session.NotebookSession;
import io.iotj.kernel.session.VariableInfo;
import io.iotj.maven.ShippedDependencies;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The session extensions get: the evaluator's, whose {@link #sourcesFor} also carries what
 * {@code %maven} loaded, so that a remote node resolves the same jars before it compiles the
 * methods that use them.
 */
final class SessionWithDependencies implements NotebookSession {
    private final NotebookSession session;
    private final SessionDependencies dependencies;

    SessionWithDependencies(NotebookSession session, SessionDependencies dependencies) {
        this.session = session;
        this.dependencies = dependencies;
    }

    @Override
    public List<String> sourcesFor(Collection<String> functionNames) {
        List<String> sources = session.sourcesFor(functionNames);
        if (sources.isEmpty() || dependencies.asked().isEmpty()) {
            return sources;
        }
        List<String> out = new ArrayList<>();
        out.add(new ShippedDependencies(dependencies.asked(), dependencies.repositories()).toSource());
        out.addAll(sources);
        return out;
    }

    @Override
    public List<VariableInfo> variables() {
        return session.variables();
    }

    @Override
    public boolean hasVariable(String name) {
        return session.hasVariable(name);
    }

    @Override
    public Optional<Object> variable(String name) {
        return session.variable(name);
    }

    @Override
    public List<MethodInfo> methods() {
        return session.methods();
    }

    @Override
    public List<NotebookFunction> functions(String name) {
        return session.functions(name);
    }

    @Override
    public void bind(String name, Object value) {
        session.bind(name, value);
    }

    @Override
    public void bind(String name, Object value, String type) {
        session.bind(name, value, type);
    }

    @Override
    public void declare(String code) {
        session.declare(code);
    }

    @Override
    public Object evalObject(String expression) {
        return session.evalObject(expression);
    }

    @Override
    public void addToClasspath(String path) {
        session.addToClasspath(path);
    }

    @Override
    public ClassLoader classLoader() {
        return session.classLoader();
    }

    @Override
    public boolean inCell() {
        return session.inCell();
    }

    @Override
    public <T> T outsideCell(Callable<T> work) throws Exception {
        return session.outsideCell(work);
    }
}
