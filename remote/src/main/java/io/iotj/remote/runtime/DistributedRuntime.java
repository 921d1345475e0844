package io.iotj.remote.runtime;

import io.iotj.assemble.TemplateSource;
import io.iotj.graph.Graph;
import io.iotj.remote.BrokerUri;
import io.iotj.remote.security.Secret;
import io.iotj.runtime.RunningGraph;
import io.iotj.runtime.GraphRuntime;
import io.iotj.template.Template;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The runtime that runs a template's parts on remote nodes. The caller assembles the template
 * locally first, as for the other runtimes (that checks every name and wire and gives the graph its
 * name); {@link #start} then sends each part to a node and returns a {@link RunningGraph} whose
 * inputs and outputs are in this process, like the threads runtime's.
 *
 * @param broker    the broker URI (see {@link BrokerUri#resolve})
 * @param secret    the shared secret that signs commands
 * @param template  the template the graph was assembled from
 * @param args      the arguments it was assembled with (constants and function names)
 * @param templates where its parts' templates are found
 * @param snippets  notebook sources the named functions need (function names to sources)
 * @param nodes     nodes to use, round-robin; empty: every listening node not run with {@code --pinned-only}, round-robin
 * @param batch     values per message
 * @param startup   how long to wait for the nodes to start every part
 */
public record DistributedRuntime(String broker, Secret secret, Template template, Map<String, ?> args,
                                 TemplateSource templates, Function<Collection<String>, List<String>> snippets,
                                 List<String> nodes, int batch, Duration startup) implements GraphRuntime {
    public DistributedRuntime {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(template, "template");
        args = Map.copyOf(args);
        nodes = List.copyOf(nodes);
    }

    /** A runtime with 4096 values per message, any nodes, and 30 s to start. */
    public static DistributedRuntime of(String broker, Secret secret, Template template, Map<String, ?> args,
                                        TemplateSource templates, Function<Collection<String>, List<String>> snippets) {
        return new DistributedRuntime(broker, secret, template, args, templates, snippets, List.of(), 4096, Duration.ofSeconds(30));
    }

    /** The same runtime on the given nodes (round-robin). */
    public DistributedRuntime on(List<String> nodeNames) {
        return new DistributedRuntime(broker, secret, template, args, templates, snippets, nodeNames, batch, startup);
    }

    @Override
    public String name() {
        return "distributed";
    }

    /**
     * Sends the parts to nodes and waits until each runs. Problems (no node listening, a part that
     * fails to start) make the returned graph {@code FAILED} with the reason, never an exception of ours.
     */
    @Override
    public RunningGraph start(Graph graph) {
        graph.claim();
        return DistributedGraph.start(this, graph);
    }
}
