package io.iotj.runtime;

import io.iotj.graph.Graph;
import io.iotj.stream.IotStream;
import java.time.Duration;
import java.util.List;

/** A graph being run: feed its inputs, watch its outputs, stop it, ask how it is doing. */
public interface RunningGraph {
    /** The graph's name. */
    String name();

    /** The graph run. */
    Graph graph();

    /** The runtime's name. */
    String mode();

    /**
     * The stream of the external input {@code name}, to {@code append}/{@code extend}.
     *
     * @throws IllegalArgumentException naming the known inputs when there is no such input
     */
    <T> IotStream<T> in(String name);

    /**
     * The stream of the external output {@code name}, to watch ({@code values()}, {@code recent(n)}).
     *
     * @throws IllegalArgumentException naming the known outputs when there is no such output
     */
    <T> IotStream<T> out(String name);

    /** Stops every part; when this returns the graph's threads have ended. Idempotent. */
    void stop();

    /**
     * Waits until nothing is in flight (or the graph stopped or failed).
     *
     * @return true when the graph is idle; false on timeout, stop or failure
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException;

    /** Running, idle, stopped, or failed with the part, the value and the exception. */
    GraphStatus status();

    /** Counters per part. */
    List<PartStats> parts();

    /** Values waiting in all parts' inputs. */
    default long backlog() {
        long b = 0;
        for (PartStats p : parts()) {
            b += p.backlog();
        }
        return b;
    }
}
