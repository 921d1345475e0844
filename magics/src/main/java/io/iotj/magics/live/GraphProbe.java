package io.iotj.magics.live;

import io.iotj.stream.ConnectorStats;
import java.util.Map;

import io.iotj.runtime.GraphStatus;
import java.util.List;

/**
 * What the live views read from a running graph. Every method may be called from any thread at
 * any time and must return quickly: views poll it a few times a second.
 */
public interface GraphProbe {
    /**
     * Why a graph failed.
     *
     * @param part      the part whose function threw, or null when no part is to blame (a node
     *                  that could not be reached)
     * @param value     the value it was given, as text, or null when unknown
     * @param exception the exception, as text (class and message)
     */
    record Failure(String part, String value, String exception) {
        /** One line for people: "part map0 failed on value 2: IllegalStateException: ...". */
        public String describe() {
            if (part == null) {
                return "failed: " + exception;
            }
            return "part " + part + " failed" + (value == null ? "" : " on value " + value) + ": " + exception;
        }
    }

    /** The graph's name in the session. */
    String name();

    /** The runtime it runs on: single, threads or distributed. */
    String mode();

    /** Its status now. */
    GraphStatus.State status();

    /** Why it failed, or {@code null}. */
    Failure failure();

    /** Values appended to its inputs so far. */
    long valuesIn();

    /** Values that reached its outputs so far. */
    long valuesOut();

    /** Values waiting between parts. */
    long backlog();

    /** Its output streams, in declaration order. */
    List<StreamProbe> outputs();

    /**
     * Its parts that talk to the outside world (sources, sinks), with their link state and counts,
     * keyed by part name.
     */
    default Map<String, ConnectorStats.Counts> connectors() {
        return Map.of();
    }
}
