package io.iotj.kernel;

/** Carries a failed cell through code that only knows exceptions (magics that run code, such as {@code %time}). */
public final class CellFailedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient CellOutcome.Failed failure;

    public CellFailedException(CellOutcome.Failed failure) {
        super(failure.name() + ": " + failure.message(), null, false, false);
        this.failure = failure;
    }

    public CellOutcome.Failed failure() {
        return failure;
    }
}
