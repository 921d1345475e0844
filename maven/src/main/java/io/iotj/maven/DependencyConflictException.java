package io.iotj.maven;

/** Jars that would clash with classes the kernel or the session already holds; one line each. */
public final class DependencyConflictException extends Exception {
    private static final long serialVersionUID = 1L;

    public DependencyConflictException(String message) {
        super(message, null, false, false);
    }
}
