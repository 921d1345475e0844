package io.iotj.assemble;

import io.iotj.template.Template;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the assembler finds templates by name (the template library: {@code library::find}).
 * Leaf templates need not be in it: a name the {@link LeafRegistry} knows is a leaf.
 */
@FunctionalInterface
public interface TemplateSource {
    /** The template named {@code name}, if known. */
    Optional<Template> find(String name);

    /** Known names, for "did you mean" messages. */
    default List<String> names() {
        return List.of();
    }

    /** The templates of a template library. */
    static TemplateSource library(io.iotj.template.TemplateLibrary lib) {
        return new TemplateSource() {
            @Override
            public Optional<Template> find(String name) {
                return lib.find(name);
            }

            @Override
            public List<String> names() {
                return List.copyOf(lib.names());
            }
        };
    }

    /** A source over a fixed set of templates. */
    static TemplateSource of(Template... templates) {
        Map<String, Template> byName = new java.util.LinkedHashMap<>();
        for (Template t : templates) {
            byName.put(t.name(), t);
        }
        return new TemplateSource() {
            @Override
            public Optional<Template> find(String name) {
                return Optional.ofNullable(byName.get(name));
            }

            @Override
            public List<String> names() {
                return List.copyOf(byName.keySet());
            }
        };
    }
}
