package io.iotj.template;

import java.util.Objects;

/**
 * A part of a composite template: the part's name (unique within the template, e.g. {@code map0})
 * and the name of the template it instantiates (e.g. {@code map}). JSON: {@code ["map0", "map"]}.
 */
public record Component(String part, String template) {
    public Component {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(template, "template");
    }
}
