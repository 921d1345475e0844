package io.iotj.ml;

/**
 * A training or prediction step failed: bad input rows or a user function that threw. The message
 * says which row or window, so it can be shown to the user as it is.
 */
public class MlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}, shown to the user as it is. */
    public MlException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public MlException(String message, Throwable cause) {
        super(message, cause);
    }
}
