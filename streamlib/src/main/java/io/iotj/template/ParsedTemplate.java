package io.iotj.template;

import java.util.Objects;

/**
 * A template read from text or JSON, with the positions it was read from.
 *
 * @param template  the model
 * @param sourceMap where each piece of the model was written
 */
public record ParsedTemplate(Template template, SourceMap sourceMap) {
    public ParsedTemplate {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(sourceMap, "sourceMap");
    }
}
