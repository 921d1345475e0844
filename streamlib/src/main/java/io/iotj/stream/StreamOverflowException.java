package io.iotj.stream;

/** A reader in the writer's own thread fell too far behind: failing is better than growing forever. */
public final class StreamOverflowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StreamOverflowException(String stream, String reader, int limit) {
        super("stream " + stream + ": " + reader + " lags by " + limit
                + " values; nothing was dropped, but the stream will not grow further "
                + "(read or close that reader; a join fed unevenly, such as zip of a filtered stream "
                + "with the unfiltered one, needs this much)");
    }
}
