package io.iotj.magics.args;

/** A value given to a magic as {@code k=v}: a number, a quoted string, or a name. */
public sealed interface ArgValue {
    /** Where the value starts in the magic's line (1-based column). */
    int column();

    /** A number: {@code 3} (a {@link Long}), {@code 0.5} or {@code 1e-3} (a {@link Double}). */
    record Num(Number value, int column) implements ArgValue { }

    /** A quoted string, quotes removed and escapes applied. */
    record Str(String value, int column) implements ArgValue { }

    /**
     * A bare name: a method defined in the notebook, a JShell variable, a fully qualified static
     * method ({@code java.lang.Math.abs}) or a built-in function; which one is decided when the
     * template is assembled.
     */
    record Name(String value, int column) implements ArgValue { }
}
