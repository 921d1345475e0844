package io.iotj.ml;

/**
 * A training or prediction step failed: bad input rows or a user function that threw. The message
 * says which row or window, so it can be shown to the user as it is.
 */
public class MlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MlException(String message) {
        super(message);
    }

    public MlException(String message, Throwable cause) {
        super(message, cause);
    }
}
