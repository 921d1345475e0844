package io.iotj.kernel.jshell;

import io.iotj.kernel.session.MethodInfo;
import io.iotj.kernel.session.NotebookFunction;
import io.iotj.kernel.session.NotebookSession;
import io.iotj.kernel.session.VariableInfo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** The {@link NotebookSession} extensions get: the evaluator's session, without its evaluation and analysis. */
final class JShellSession implements NotebookSession {
    private final JavaEvaluator evaluator;
    /** What another process needs before the cells' sources (the kernel's %maven dependencies). */
    private volatile Supplier<List<String>> preamble = List::of;

    JShellSession(JavaEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public List<VariableInfo> variables() {
        return evaluator.variables();
    }

    @Override
    public boolean hasVariable(String name) {
        return evaluator.hasVariable(name);
    }

    @Override
    public Optional<Object> variable(String name) {
        return evaluator.variable(name);
    }

    @Override
    public List<MethodInfo> methods() {
        return evaluator.methods();
    }

    @Override
    public List<NotebookFunction> functions(String name) {
        return evaluator.functionsNamed(name);
    }

    @Override
    public void bind(String name, Object value) {
        evaluator.bind(name, value);
    }

    @Override
    public void bind(String name, Object value, String type) {
        evaluator.bind(name, value, type);
    }

    @Override
    public void declare(String code) {
        if (evaluator.eval(code, "declaration") instanceof EvalResult.Failure f) {
            throw new EvaluationException(f);
        }
    }

    @Override
    public Object evalObject(String expression) {
        return evaluator.evalObject(expression);
    }

    @Override
    public void addToClasspath(String path) {
        evaluator.addToClasspath(path);
    }

    @Override
    public ClassLoader classLoader() {
        return evaluator.snippetClassLoader();
    }

    @Override
    public List<String> sourcesFor(Collection<String> functionNames) {
        List<String> sources = evaluator.readShell(shell -> SnippetSources.collect(shell, functionNames));
        List<String> before = preamble.get();
        if (sources.isEmpty() || before.isEmpty()) {
            return sources;
        }
        List<String> out = new ArrayList<>(before);
        out.addAll(sources);
        return out;
    }

    void preamble(Supplier<List<String>> sources) {
        this.preamble = sources;
    }

    @Override
    public boolean inCell() {
        return evaluator.inCell();
    }

    @Override
    public <T> T outsideCell(Callable<T> work) throws Exception {
        return StopCheck.outsideCell(work);
    }
}
