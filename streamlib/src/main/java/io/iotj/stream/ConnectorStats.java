package io.iotj.stream;

import java.util.Locale;

/**
 * What an operator that talks to the outside world (an MQTT or socket source, a store) reports
 * about its connection and the values it moved, for {@code %streams} and the live tables. Read it
 * from any thread; the counts only grow.
 */
public interface ConnectorStats {

    /** The state of a connection. */
    enum Link {
        /** Not opened yet, or opening. */
        CONNECTING,
        /** Connected; values flow. */
        CONNECTED,
        /** The connection was lost; trying again with backoff. */
        RECONNECTING,
        /** Closed: the graph stopped, or the source ended. */
        CLOSED;

        /** The word people read: {@code connected}, {@code reconnecting}, … */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A snapshot of the counts.
     *
     * @param address   what the operator talks to, never with a password ({@code mqtt://127.0.0.1:1883 plant/+/temp})
     * @param link      the connection's state
     * @param in        values taken in (sources)
     * @param dropped   values dropped by the stated overflow policy (sources that cannot slow their sender)
     * @param malformed payloads that could not be read (each also went to the source's {@code errors} output)
     * @param written   values written out (sinks)
     * @param failed    values a sink could not write
     * @param lastError the latest problem, or {@code null}
     */
    record Counts(String address, Link link, long in, long dropped, long malformed, long written, long failed,
                  String lastError) {
    }

    /** The counts now. */
    Counts connectorCounts();
}
