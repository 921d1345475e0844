package io.iotj.magics.session;

import io.iotj.magics.live.GraphProbe;

/** A graph started in the notebook: what views read, plus the means to stop it. */
public interface SessionGraph extends GraphProbe {
    /** The template it was assembled from. */
    String template();

    /**
     * Stops the graph: its threads end; a graph that already finished stays as it is.
     *
     * @throws Exception when stopping failed (the message says why)
     */
    void stop() throws Exception;
}
