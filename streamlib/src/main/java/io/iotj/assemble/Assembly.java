package io.iotj.assemble;

import io.iotj.graph.Graph;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What assembling a template gives: the graph to run, and the final content of each of the
 * template's own parameters (streams, and untyped outputs such as a {@code func}'s result).
 *
 * @param graph  the graph (its inputs and outputs are the template's stream parameters)
 * @param values each template parameter's content by name
 */
public record Assembly(Graph graph, Map<String, Object> values) {
    public Assembly {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
