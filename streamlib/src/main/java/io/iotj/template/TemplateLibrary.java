package io.iotj.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Templates by name: what the parser looks up to number a line's outputs and what validation
 * checks parameters against. {@link #standard()} starts with the built-in leaf signatures; other
 * modules and users {@link #register(Template) register} more (ML: train, predict, plot; the
 * notebook: its sinks and the user's templates). Safe to use from several threads.
 *
 * <p>The leaf signatures ({@code assembly} = the leaf's name, read from
 * {@code io/iotj/template/leaves.json}); the first ten are IoTpy's (tag {@code Rahul}) with their
 * names, types and optional flags unchanged. A {@code *} marks an optional parameter.
 * <table>
 * <caption>Leaf templates</caption>
 * <tr><th>leaf</th><th>inputs</th><th>outputs</th><th>meaning</th></tr>
 * <tr><td>map</td><td>function:function, initial_state*, parameters*, in:stream</td><td>out:stream</td>
 *     <td>out = function(value, *parameters), with state when initial_state is given</td></tr>
 * <tr><td>zip</td><td>in:stream (a list)</td><td>out:stream</td><td>tuples of the i-th values</td></tr>
 * <tr><td>mix</td><td>in:stream (a list)</td><td>out:stream</td><td>values as they come, as (index, value)</td></tr>
 * <tr><td>unzip</td><td>in:stream</td><td>out:stream (a list)</td><td>the j-th element of each tuple to out[j]</td></tr>
 * <tr><td>separate</td><td>in:stream</td><td>out:stream (a list)</td><td>(index, value) to out[index]</td></tr>
 * <tr><td>sink</td><td>function:function, initial_state*, parameters*, in:stream</td><td>none</td>
 *     <td>function called on each value</td></tr>
 * <tr><td>source</td><td>function:function, time_interval*, stream_length*, initial_state*, push*, parameters*</td>
 *     <td>out:stream</td><td>values produced by function</td></tr>
 * <tr><td>dynamic_window</td><td>function:function, initial_state*, parameters*, min_window_size,
 *     max_window_size, step_size, in:stream</td><td>out:stream</td><td>function of a growing, then sliding window</td></tr>
 * <tr><td>func</td><td>function:function, parameters*</td><td>out</td><td>out = function(*parameters), once</td></tr>
 * <tr><td>attribute</td><td>in, attribute</td><td>out</td><td>out = the attribute of in</td></tr>
 * <tr><td>filter</td><td>function:function, initial_state*, parameters*, in:stream</td><td>out:stream</td>
 *     <td>the values for which function is true</td></tr>
 * <tr><td>window</td><td>function:function, initial_state*, parameters*, window_size, step_size, in:stream</td>
 *     <td>out:stream</td><td>function of each count window</td></tr>
 * <tr><td>timed_window</td><td>function:function, initial_state*, parameters*, window_duration, step_time,
 *     in:stream</td><td>out:stream</td><td>function of each time window over (timestamp, value)</td></tr>
 * <tr><td>merge</td><td>in:stream (a list)</td><td>out:stream</td><td>values as they come, without index</td></tr>
 * </table>
 * The extra four follow IoTpy's naming: {@code window_size}/{@code step_size} as in its
 * {@code map_window}, {@code window_duration}/{@code step_time} as in its {@code timed_window}.
 */
public final class TemplateLibrary {
    /** Where the leaf signatures are kept, on the classpath. */
    public static final String LEAVES_RESOURCE = "/io/iotj/template/leaves.json";

    private static final List<Template> LEAVES = loadLeaves();

    private final Map<String, Template> templates = new LinkedHashMap<>();

    private TemplateLibrary() {
    }

    /** A library holding the built-in leaf signatures. */
    public static TemplateLibrary standard() {
        TemplateLibrary lib = new TemplateLibrary();
        for (Template t : LEAVES) {
            lib.templates.put(t.name(), t);
        }
        return lib;
    }

    /** A library with nothing in it. */
    public static TemplateLibrary empty() {
        return new TemplateLibrary();
    }

    /** The built-in leaf signatures, in the order of the table above. */
    public static List<Template> leaves() {
        return LEAVES;
    }

    /** True when {@code name} is a built-in leaf. */
    public static boolean isBuiltinLeaf(String name) {
        return LEAVES.stream().anyMatch(t -> t.name().equals(name));
    }

    /**
     * Adds a template, replacing one of the same name (a notebook re-runs its cells). A built-in
     * leaf cannot be replaced: the assembler's implementation is tied to its signature.
     *
     * @throws TemplateException when {@code t} would replace a built-in leaf with another signature
     */
    public synchronized TemplateLibrary register(Template t) {
        Template old = templates.get(t.name());
        if (old != null && isBuiltinLeaf(t.name()) && !old.equals(t)) {
            throw new TemplateException("\"" + t.name() + "\" is a built-in leaf template and cannot be redefined");
        }
        templates.put(t.name(), t);
        return this;
    }

    /** Adds each template, as {@link #register(Template)}. */
    public synchronized TemplateLibrary registerAll(Collection<Template> ts) {
        for (Template t : ts) {
            register(t);
        }
        return this;
    }

    /** Removes a template that is not a built-in leaf; true when one was removed. */
    public synchronized boolean remove(String name) {
        if (isBuiltinLeaf(name)) {
            return false;
        }
        return templates.remove(name) != null;
    }

    /** The template named {@code name}, if known. */
    public synchronized Optional<Template> find(String name) {
        return Optional.ofNullable(templates.get(name));
    }

    /**
     * The template named {@code name}.
     *
     * @throws TemplateException naming near matches when it is unknown
     */
    public Template get(String name) {
        return find(name).orElseThrow(() -> new TemplateException(unknownMessage(name)));
    }

    /** True when a template of this name is known. */
    public synchronized boolean contains(String name) {
        return templates.containsKey(name);
    }

    /** The names of all known templates, in the order they were added. */
    public synchronized Set<String> names() {
        return Set.copyOf(templates.keySet());
    }

    /** All known templates, in the order they were added. */
    public synchronized List<Template> all() {
        return List.copyOf(templates.values());
    }

    /** An independent copy (so a notebook can try templates without touching a shared library). */
    public synchronized TemplateLibrary copy() {
        TemplateLibrary lib = new TemplateLibrary();
        lib.templates.putAll(templates);
        return lib;
    }

    /**
     * Known names close to {@code name} (edit distance at most 2, or one contains the other),
     * nearest first, at most {@code max}.
     */
    public synchronized List<String> nearMatches(String name, int max) {
        return Names.nearMatches(name, templates.keySet(), max);
    }

    /** "unknown template "mpa"; did you mean map?" */
    public String unknownMessage(String name) {
        List<String> near = nearMatches(name, 3);
        return "unknown template \"" + name + "\"" + (near.isEmpty() ? "" : "; did you mean " + Names.orList(near) + "?");
    }

    private static List<Template> loadLeaves() {
        try (InputStream in = TemplateLibrary.class.getResourceAsStream(LEAVES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + LEAVES_RESOURCE);
            }
            TemplateResult r = TemplateJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<Template> ts = new ArrayList<>(r.templatesOrThrow());
            return List.copyOf(ts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized String toString() {
        return "TemplateLibrary" + templates.keySet().stream().sorted(Comparator.naturalOrder()).toList();
    }
}
