package io.iotj.assemble;

/**
 * A template cannot be assembled: an unknown template or function, a missing or ill-typed
 * parameter. The message names the part and parameter; nothing was started.
 */
public final class AssemblyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String part;
    private final String param;

    /** A problem with {@code param} of {@code part} (either may be null). */
    public AssemblyException(String part, String param, String message) {
        super((part == null ? "" : "part " + part + (param == null ? "" : ", parameter " + param) + ": ") + message);
        this.part = part;
        this.param = param;
    }

    /** The same with a cause. */
    public AssemblyException(String part, String param, String message, Throwable cause) {
        this(part, param, message);
        initCause(cause);
    }

    /** The part concerned ({@code map0}, {@code train0.dynamic_window0}), or {@code null}. */
    public String part() {
        return part;
    }

    /** The parameter concerned, or {@code null}. */
    public String param() {
        return param;
    }
}
