package io.iotj.assemble;

/**
 * IoTpy's boxed value: a holder that two parameters share before its content exists. Wiring
 * {@code func0.out} to {@code attribute0.in} gives both the same {@code Value}; when {@code func0}
 * is assembled it {@link #set sets} the content, and {@code attribute0} sees it. Typed parameters
 * get their content from the type (a new stream, a resolved function).
 */
public final class Value {
    private final String label;
    private Object content;
    private boolean bound;

    /** An empty holder; {@code label} names it in streams and errors ({@code map0.out}, {@code x}). */
    public Value(String label) {
        this.label = label;
    }

    /** A holder with content. */
    public static Value of(String label, Object content) {
        Value v = new Value(label);
        v.set(content);
        return v;
    }

    /** The label. */
    public String label() {
        return label;
    }

    /** True once content was set (possibly {@code null}, IoTpy's {@code None}). */
    public boolean isBound() {
        return bound;
    }

    /** The content; {@code null} when unbound or bound to {@code None}. */
    public Object get() {
        return content;
    }

    /** Sets the content. */
    public void set(Object c) {
        content = c;
        bound = true;
    }

    @Override
    public String toString() {
        return label + (bound ? "=" + content : " (unbound)");
    }
}
