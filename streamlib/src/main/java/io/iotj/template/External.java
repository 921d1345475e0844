package io.iotj.template;

import java.util.Objects;

/**
 * Connects something outside a composite template to a parameter of one of its parts.
 *
 * <p>JSON: {@code [ext, part, param]} or {@code [ext, part, param, index]}. {@code ext} is, as in
 * IoTpy, either the name of one of the template's own inputs or outputs, the word {@code None}
 * (an unused output), or a constant written as a string: a quoted word {@code "\"times_two\""}
 * or a number {@code "1"}, {@code "0.1"}.
 *
 * @param ext   the external name or constant, exactly as stored in JSON
 * @param part  the part inside the template
 * @param param the parameter of that part
 * @param index the position within a list-valued parameter (many-to-one wiring), or {@code null}
 */
public record External(String ext, String part, String param, Integer index) {
    public External {
        Objects.requireNonNull(ext, "ext");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(param, "param");
    }

    /** An external without an index. */
    public External(String ext, String part, String param) {
        this(ext, part, param, null);
    }
}
