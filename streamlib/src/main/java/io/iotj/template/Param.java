package io.iotj.template;

import java.util.Objects;

/**
 * A declared input or output of a template: a name and an optional type.
 *
 * <p>In IoTpy's JSON a parameter is either {@code "x"} (untyped) or {@code ["stream", "x"]}.
 * Known types are {@value #STREAM} and {@value #FUNCTION}; other type words are kept as written.
 *
 * @param name the parameter's name, never null
 * @param type the declared type, or {@code null} when untyped
 */
public record Param(String name, String type) {
    /** The type of a parameter that carries a {@code Stream}. */
    public static final String STREAM = "stream";
    /** The type of a parameter that carries a function resolved by name. */
    public static final String FUNCTION = "function";

    public Param {
        Objects.requireNonNull(name, "name");
    }

    /** An untyped parameter. */
    public static Param of(String name) {
        return new Param(name, null);
    }

    /** True when this parameter is declared {@code stream}. */
    public boolean isStream() {
        return STREAM.equals(type);
    }

    /** True when this parameter is declared {@code function}. */
    public boolean isFunction() {
        return FUNCTION.equals(type);
    }
}
