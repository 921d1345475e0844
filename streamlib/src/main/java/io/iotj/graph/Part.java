package io.iotj.graph;

import io.iotj.stream.Operator;
import io.iotj.stream.IotStream;
import java.util.List;
import java.util.Objects;

/**
 * A part of a graph: a name unique in its graph ({@code map0}), the leaf template it was made from
 * ({@code map}), and its processing logic, an {@link Operator} working on batches of its input
 * streams' values. Parts know nothing of threads; a runtime runs them.
 *
 * @param name     the part's name
 * @param template the leaf template's name
 * @param operator the processing logic
 */
public record Part(String name, String template, Operator operator) {
    public Part {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(operator, "operator");
    }

    /** The streams this part reads. */
    public List<IotStream<?>> inputs() {
        return operator.inputs();
    }

    /** The streams this part writes. */
    public List<IotStream<?>> outputs() {
        return operator.outputs();
    }

    @Override
    public String toString() {
        return name + " (" + template + ")";
    }
}
