package io.iotj.maven;

/** Dependencies that could not be resolved; the message names the artifacts and the repositories looked in. */
public final class ResolutionException extends Exception {
    private static final long serialVersionUID = 1L;

    public ResolutionException(String message) {
        super(message, null, false, false);
    }
}
