package io.iotj.magics;

import io.iotj.kernel.jshell.JavaEvaluator;
import io.iotj.kernel.jshell.NotebookFunction;
import io.iotj.magics.resolve.NotebookResolver;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The JShell session as the function resolver sees it. */
final class EvaluatorSession implements NotebookResolver.Session {
    private final JavaEvaluator evaluator;

    EvaluatorSession(JavaEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public List<Method> methods(String name) {
        return evaluator.functionsNamed(name).stream().map(NotebookFunction::method).toList();
    }

    @Override
    public Optional<Object> variable(String name) {
        return evaluator.hasVariable(name) ? evaluator.variable(name) : Optional.empty();
    }

    @Override
    public Collection<String> names() {
        List<String> names = new ArrayList<>();
        evaluator.methods().forEach(m -> names.add(m.name()));
        evaluator.variables().forEach(v -> names.add(v.name()));
        return names;
    }

    @Override
    public String unusable(String name) {
        return evaluator.methods().stream()
                .filter(m -> m.name().equals(name) && !m.callable())
                .map(m -> "the notebook method " + name + m.signature() + " cannot be called yet: "
                        + "something it uses is not defined (a missing import or class?)")
                .findFirst().orElse(null);
    }

    @Override
    public ClassLoader loader() {
        return evaluator.snippetClassLoader();
    }

    @Override
    public <T> T outsideCell(Callable<T> work) throws Exception {
        return JavaEvaluator.outsideCell(work);
    }
}
