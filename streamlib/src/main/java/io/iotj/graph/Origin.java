package io.iotj.graph;

import io.iotj.template.Template;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where an assembled graph came from: the template and the caller's arguments. A runtime that
 * builds parts elsewhere (remote nodes) re-assembles them from this.
 *
 * @param template the template assembled
 * @param args     the arguments it was assembled with, by parameter name
 */
public record Origin(Template template, Map<String, Object> args) {
    public Origin {
        Objects.requireNonNull(template, "template");
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }
}
