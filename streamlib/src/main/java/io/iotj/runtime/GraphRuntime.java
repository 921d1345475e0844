package io.iotj.runtime;

import io.iotj.graph.Graph;

/**
 * Runs graphs. Implementations: {@link Runtimes#singleThread()} (deterministic, one virtual thread
 * per graph), {@link Runtimes#threads()} (each part on its own virtual thread, joined by bounded
 * streams) and, in another module, remote nodes. One graph runs unchanged in each.
 */
public interface GraphRuntime {
    /** The runtime's name ({@code single}, {@code threads}, …). */
    String name();

    /** Starts {@code graph} and returns at once. A graph can be started once. */
    RunningGraph start(Graph graph);
}
