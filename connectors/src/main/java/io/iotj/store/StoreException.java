package io.iotj.store;

/** A store that cannot be reached, or SQL that failed; the message names the database, never a password. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure with a message people read. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
