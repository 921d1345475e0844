package io.iotj.stream;

/** The writer was interrupted while it waited for readers to make room. */
public final class StreamInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StreamInterruptedException(String stream) {
        super("interrupted while waiting for room in stream " + stream + " (readers are behind)");
    }
}
