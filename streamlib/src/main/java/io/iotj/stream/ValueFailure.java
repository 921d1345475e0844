package io.iotj.stream;

/** A user function failed on a value: carries the value so status reports can name it. */
public final class ValueFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Object value;
    private transient Operator operator;

    /** The function failed on {@code value} with {@code cause}. */
    public ValueFailure(Object value, Throwable cause) {
        super("failed on value " + brief(value) + ": " + cause, cause);
        this.value = value;
    }

    /** A failure on {@code value} described by {@code message} (no underlying exception). */
    public ValueFailure(Object value, String message) {
        super("failed on value " + brief(value) + ": " + message);
        this.value = value;
    }

    /**
     * The operator whose function failed, when known: a runtime that runs several chained operators
     * in one step reports the failure as that operator's part.
     */
    public Operator operator() {
        return operator;
    }

    /** Names the operator that failed (only the first one named counts). */
    ValueFailure at(Operator op) {
        if (operator == null) {
            operator = op;
        }
        return this;
    }

    /** The value being processed when the failure happened. */
    public Object value() {
        return value;
    }

    static String brief(Object v) {
        String s = String.valueOf(v);
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
