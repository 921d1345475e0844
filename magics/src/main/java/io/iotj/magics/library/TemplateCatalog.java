package io.iotj.magics.library;

import io.iotj.connect.ConnectorLeaves;
import io.iotj.magics.chart.PlotLeaf;
import io.iotj.ml.MlLeaves;
import io.iotj.template.ParsedTemplate;
import io.iotj.template.SourceMap;
import io.iotj.template.Template;
import io.iotj.template.TemplateLibrary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The templates a session knows: the built-in leaves, the user's saved library, and those typed
 * in cells, each with where it came from and, when it was read from text, where its pieces were
 * written (so assembly errors can name a line of the cell that defined it).
 */
public final class TemplateCatalog {
    /** Where a template came from. */
    public enum Origin {
        BUILTIN("built-in"), LIBRARY("library"), SESSION("session"), EXTENSION("extension");

        private final String word;

        Origin(String word) {
            this.word = word;
        }

        /** The word shown in {@code %templates}. */
        public String word() {
            return word;
        }
    }

    /** One known template. */
    public record Entry(Template template, Origin origin, String where, SourceMap sourceMap) { }

    private final TemplateLibrary library = TemplateLibrary.standard();
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** A catalog of the built-in leaves. */
    public TemplateCatalog() {
        for (Template t : TemplateLibrary.leaves()) {
            entries.put(t.name(), new Entry(t, Origin.BUILTIN, "", SourceMap.none()));
        }
        for (Template t : MlLeaves.templates()) {
            put(new Entry(t, Origin.BUILTIN, "ML", SourceMap.none()));
        }
        for (Template t : ConnectorLeaves.templates()) {
            put(new Entry(t, Origin.BUILTIN, "sources and sinks", SourceMap.none()));
        }
        put(new Entry(PlotLeaf.template(), Origin.BUILTIN, "charts", SourceMap.none()));
    }

    /** The library the parser and assembler look names up in. */
    public TemplateLibrary library() {
        return library;
    }

    /** Adds (or replaces) a template read in a cell. */
    public synchronized void addFromCell(ParsedTemplate p) {
        put(new Entry(p.template(), Origin.SESSION, "", p.sourceMap()));
    }

    /** Adds (or replaces) a template loaded from the user's library file {@code where}. */
    public synchronized void addFromLibrary(ParsedTemplate p, String where) {
        put(new Entry(p.template(), Origin.LIBRARY, where, p.sourceMap()));
    }

    /** Adds a template another module provides (ML: train, predict). */
    public synchronized void addFromExtension(Template t, String where) {
        put(new Entry(t, Origin.EXTENSION, where, SourceMap.none()));
    }

    private void put(Entry e) {
        library.register(e.template());
        entries.remove(e.template().name());
        entries.put(e.template().name(), e);
    }

    /** The entry named {@code name}. */
    public synchronized Optional<Entry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** Every entry: built-in leaves first, then in the order added. */
    public synchronized List<Entry> all() {
        return new ArrayList<>(entries.values());
    }

    /** Up to {@code max} known names close to {@code name}. */
    public List<String> near(String name, int max) {
        return library.nearMatches(name, max);
    }
}
