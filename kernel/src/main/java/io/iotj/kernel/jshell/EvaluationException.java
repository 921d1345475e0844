package io.iotj.kernel.jshell;

/** Thrown by {@link JavaEvaluator#evalObject} and {@link JavaEvaluator#bind} when evaluation fails. */
public final class EvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient EvalResult.Failure failure;

    public EvaluationException(EvalResult.Failure failure) {
        super(failure.text(), failure instanceof EvalResult.RuntimeError r ? r.exception() : null);
        this.failure = failure;
    }

    /** The failure, with positions and trimmed trace. */
    public EvalResult.Failure failure() {
        return failure;
    }
}
