package io.iotj.remote.security;

/** A control message that failed verification; its text says why and never contains the secret. */
public final class RefusedMessage extends Exception {
    public RefusedMessage(String reason) {
        super(reason);
    }
}
