package io.iotj.remote.transport;

/**
 * What the transport reports instead of failing silently. Called from transport threads; keep it quick.
 * All methods default to doing nothing.
 */
public interface TransportListener {
    /**
     * Values that will never be delivered: {@code count} values of {@code stream} starting at
     * {@code position}, with the reason (a publisher closed before the broker confirmed them, or a
     * receiver saw a gap that no resend filled).
     */
    default void lost(StreamId stream, long position, long count, String reason) {}

    /** A problem that did not lose values (a refused message, a reconnect, a malformed message...). */
    default void warning(String message) {}

    /** Reports nothing. */
    TransportListener NONE = new TransportListener() {};
}
