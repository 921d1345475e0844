package io.iotj.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where each piece of a {@link Template} came from in its source (template text or JSON), kept
 * beside the model so validation can name the line of a problem. Lists are index-aligned with the
 * template's lists: {@code component(i)} is where {@code template.components().get(i)} was written.
 * A missing position is {@link Position#UNKNOWN}.
 */
public final class SourceMap {
    /** Where a wiring (external or internal) was written: its parameter and its value. */
    public record Wire(Position param, Position value) {
        /** A wire with no known position. */
        public static final Wire UNKNOWN = new Wire(Position.UNKNOWN, Position.UNKNOWN);
    }

    private final String source;
    private final Position header;
    private final List<Position> inputs;
    private final List<Position> outputs;
    private final List<Position> components;
    private final List<Wire> externals;
    private final List<Wire> internals;
    private final boolean namesChecked;

    private SourceMap(Builder b) {
        this.source = b.source;
        this.header = b.header;
        this.inputs = List.copyOf(b.inputs);
        this.outputs = List.copyOf(b.outputs);
        this.components = List.copyOf(b.components);
        this.externals = List.copyOf(b.externals);
        this.internals = List.copyOf(b.internals);
        this.namesChecked = b.namesChecked;
    }

    /** A map with no positions, for templates built in Java. */
    public static SourceMap none() {
        return new Builder(null).build();
    }

    /** The whole source text, or null when there is none. */
    public String source() {
        return source;
    }

    /** Where the template's name was written. */
    public Position header() {
        return header;
    }

    /** Where input {@code i} was declared. */
    public Position input(int i) {
        return get(inputs, i, Position.UNKNOWN);
    }

    /** Where output {@code i} was declared. */
    public Position output(int i) {
        return get(outputs, i, Position.UNKNOWN);
    }

    /** Where component {@code i} (a line of the text) was written: its template name. */
    public Position component(int i) {
        return get(components, i, Position.UNKNOWN);
    }

    /** Where external {@code i} was written. */
    public Wire external(int i) {
        return get(externals, i, Wire.UNKNOWN);
    }

    /** Where internal {@code i} was written. */
    public Wire internal(int i) {
        return get(internals, i, Wire.UNKNOWN);
    }

    /**
     * True when names used as values were already checked against the source (the text parser
     * does this, because it sees names that a broken line never defined); validation then skips
     * its own undefined-name check.
     */
    public boolean namesChecked() {
        return namesChecked;
    }

    /** An error at {@code pos}, with an excerpt of this map's source. */
    public TemplateError error(Position pos, String message) {
        return TemplateError.error(source, pos, message);
    }

    /** A warning at {@code pos}, with an excerpt of this map's source. */
    public TemplateError warning(Position pos, String message) {
        return TemplateError.warning(source, pos, message);
    }

    private static <T> T get(List<T> list, int i, T missing) {
        return i >= 0 && i < list.size() && list.get(i) != null ? list.get(i) : missing;
    }

    /** Builds a map while a template is read; add positions in the order of the model's lists. */
    public static final class Builder {
        private final String source;
        private Position header = Position.UNKNOWN;
        private final List<Position> inputs = new ArrayList<>();
        private final List<Position> outputs = new ArrayList<>();
        private final List<Position> components = new ArrayList<>();
        private final List<Wire> externals = new ArrayList<>();
        private final List<Wire> internals = new ArrayList<>();
        private boolean namesChecked;

        public Builder(String source) {
            this.source = source;
        }

        public Builder header(Position p) {
            header = p;
            return this;
        }

        public Builder input(Position p) {
            inputs.add(p);
            return this;
        }

        public Builder output(Position p) {
            outputs.add(p);
            return this;
        }

        public Builder component(Position p) {
            components.add(p);
            return this;
        }

        public Builder external(Wire w) {
            externals.add(w);
            return this;
        }

        public Builder internal(Wire w) {
            internals.add(w);
            return this;
        }

        public Builder namesChecked(boolean checked) {
            namesChecked = checked;
            return this;
        }

        public SourceMap build() {
            return new SourceMap(this);
        }
    }

    @Override
    public String toString() {
        return "SourceMap[header=" + header + ", components=" + Collections.unmodifiableList(components) + "]";
    }
}
