package io.iotj.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a template against a {@link TemplateLibrary} before anything runs, and names the line of
 * each problem through the template's {@link SourceMap}. Reports every problem, not the first:
 * <ul>
 * <li>errors: an unknown template (with near matches), a part declared twice, a wiring to a part
 *     that does not exist, an unknown parameter (with near matches), a missing required
 *     parameter, a parameter wired twice or with a gap in its list, an output used as an input or
 *     an input as an output, a stream wired to a typed non-stream parameter (or a constant or
 *     function to a stream parameter), a name that is not defined, a template that uses itself;</li>
 * <li>warnings: an input never used (IoTpy's own {@code test} declares {@code y} and never
 *     uses it), an output never assigned, a composite without parts.</li>
 * </ul>
 */
public final class TemplateValidator {
    /** Enough problems for one template; a hostile one must not make thousands. */
    public static final int MAX_PROBLEMS = 100;
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private final Template t;
    private final SourceMap map;
    private final TemplateLibrary library;
    private final List<TemplateError> problems = new ArrayList<>();
    private final Map<String, Template> partTemplates = new HashMap<>();
    private final Map<String, Integer> partIndex = new HashMap<>();
    private final Map<String, Set<String>> meant = new HashMap<>();

    private TemplateValidator(Template t, SourceMap map, TemplateLibrary library) {
        this.t = t;
        this.map = map == null ? SourceMap.none() : map;
        this.library = library;
    }

    /** Every problem of {@code t}, errors and warnings, in source order. */
    public static List<TemplateError> validate(Template t, SourceMap map, TemplateLibrary library) {
        TemplateValidator v = new TemplateValidator(t, map, library);
        v.run();
        return sorted(v.problems);
    }

    /** Every problem of a template read from text or JSON. */
    public static List<TemplateError> validate(ParsedTemplate p, TemplateLibrary library) {
        return validate(p.template(), p.sourceMap(), library);
    }

    /** Problems sorted by position (unknown positions first), without exact repeats. */
    public static List<TemplateError> sorted(List<TemplateError> problems) {
        return new ArrayList<>(new LinkedHashSet<>(problems)).stream()
                .sorted(Comparator.comparingInt(TemplateError::line).thenComparingInt(TemplateError::column))
                .toList();
    }

    private void run() {
        declarations();
        if (!t.isComposite()) {
            if (!t.components().isEmpty() || !t.externals().isEmpty() || !t.internals().isEmpty()) {
                error(map.header(), "'" + t.name() + "' is a leaf (assembly \"" + t.assembly()
                        + "\") but has parts; a template built from parts has assembly \"assemble\"");
            }
            return;
        }
        if (t.components().isEmpty()) {
            warning(map.header(), "'" + t.name() + "' has no parts");
        }
        components();
        Map<String, Set<Integer>> indices = new HashMap<>();
        Map<String, Boolean> plain = new HashMap<>();
        Map<String, Position> wireAt = new HashMap<>();
        for (int i = 0; i < t.externals().size(); i++) {
            external(i, t.externals().get(i), wireAt, indices, plain);
        }
        for (int i = 0; i < t.internals().size(); i++) {
            internal(i, t.internals().get(i), wireAt, indices, plain);
        }
        missing(indices, plain);
        unused();
    }

    /** Inputs, outputs and optional names: each declared once, optional ones declared at all. */
    private void declarations() {
        Set<String> seen = new HashSet<>();
        List<Param> all = new ArrayList<>(t.inputs());
        all.addAll(t.outputs());
        for (int i = 0; i < all.size(); i++) {
            Param p = all.get(i);
            Position at = i < t.inputs().size() ? map.input(i) : map.output(i - t.inputs().size());
            if (!seen.add(p.name())) {
                error(at, "'" + p.name() + "' is declared twice");
            }
        }
        for (String o : t.optional()) {
            if (!seen.contains(o)) {
                error(map.header(), "'" + o + "' is listed as optional but is not an input or output of '"
                        + t.name() + "'");
            }
        }
    }

    private void components() {
        for (int i = 0; i < t.components().size(); i++) {
            Component c = t.components().get(i);
            Position at = map.component(i);
            if (partIndex.putIfAbsent(c.part(), i) != null) {
                error(at, "the part name '" + c.part() + "' is used twice");
                continue;
            }
            if (c.template().equals(t.name())) {
                error(at, "'" + t.name() + "' uses itself; a template cannot contain itself");
                continue;
            }
            Optional<Template> called = library.find(c.template());
            if (called.isEmpty()) {
                error(at, library.unknownMessage(c.template()));
                continue;
            }
            partTemplates.put(c.part(), called.get());
            if (usesTemplate(called.get(), t.name(), new HashSet<>())) {
                error(at, "'" + c.template() + "' uses '" + t.name() + "', which uses '" + c.template()
                        + "': templates cannot contain each other");
            }
        }
    }

    /** True when {@code from} contains {@code target} at any depth (through the library). */
    private boolean usesTemplate(Template from, String target, Set<String> seen) {
        if (!seen.add(from.name())) {
            return false;
        }
        for (Component c : from.components()) {
            if (c.template().equals(target)) {
                return true;
            }
            Optional<Template> next = library.find(c.template());
            if (next.isPresent() && usesTemplate(next.get(), target, seen)) {
                return true;
            }
        }
        return false;
    }

    private void external(int i, External e, Map<String, Position> wireAt, Map<String, Set<Integer>> indices,
                          Map<String, Boolean> plain) {
        SourceMap.Wire w = map.external(i);
        Template called = part(e.part(), w.param());
        if (called == null) {
            return;
        }
        Optional<Param> p = param(called, e.part(), e.param(), w.param());
        if (p.isEmpty()) {
            return;
        }
        Optional<Param> own = ownParam(e.ext());
        if (isOutput(called, e.param())) {
            // An output goes to one of the template's outputs, or nowhere ("None").
            if (!e.ext().equals("None") && (own.isEmpty() || !isOwnOutput(e.ext()))) {
                error(w.param(), "'" + e.param() + "' is an output of '" + called.name()
                        + "'; assign it on the left, as in y = " + called.name() + "(...)");
            }
            return;
        }
        wired(e.part(), e.param(), e.index(), w.param(), wireAt, indices, plain);
        if (own.isPresent()) {
            kinds(own.get().type(), "'" + e.ext() + "'", p.get(), e.part(), w.value());
            return;
        }
        Kind k = kindOf(e.ext());
        if (k == Kind.WORD) {
            // A bare word names a function (IoTpy's function=train); anywhere else it is undefined.
            // Text was checked by the parser, which also knows the names of lines that failed.
            if (!map.namesChecked() && !p.get().isFunction()) {
                error(w.value(), "'" + e.ext() + "' is not defined: it is not a parameter of '" + t.name()
                        + "' (write \"" + e.ext() + "\" for a string)");
            }
            return;
        }
        if (k == Kind.NONE) {
            return;
        }
        if (p.get().isStream()) {
            error(w.value(), "the constant " + e.ext() + " cannot feed the stream parameter '" + e.param()
                    + "' of " + e.part() + "; give it a stream");
        } else if (p.get().isFunction() && k == Kind.NUMBER) {
            error(w.value(), "the number " + e.ext() + " cannot be the function '" + e.param() + "' of "
                    + e.part() + "; name a function, as in \"times_two\"");
        }
    }

    private void internal(int i, Internal in, Map<String, Position> wireAt, Map<String, Set<Integer>> indices,
                          Map<String, Boolean> plain) {
        SourceMap.Wire w = map.internal(i);
        Template src = part(in.srcPart(), w.value());
        Template dst = part(in.dstPart(), w.param());
        Optional<Param> sp = src == null ? Optional.empty() : param(src, in.srcPart(), in.srcParam(), w.value());
        Optional<Param> dp = dst == null ? Optional.empty() : param(dst, in.dstPart(), in.dstParam(), w.param());
        if (sp.isPresent() && !isOutput(src, in.srcParam())) {
            error(w.value(), "'" + in.srcParam() + "' is an input of '" + src.name() + "', not an output; "
                    + "only outputs can feed other parts");
            return;
        }
        if (dp.isPresent() && isOutput(dst, in.dstParam())) {
            error(w.param(), "'" + in.dstParam() + "' is an output of '" + dst.name()
                    + "'; assign it on the left, as in y = " + dst.name() + "(...)");
            return;
        }
        if (dp.isPresent()) {
            wired(in.dstPart(), in.dstParam(), in.dstIndex(), w.param(), wireAt, indices, plain);
        }
        if (sp.isPresent() && dp.isPresent()) {
            kinds(sp.get().type(), "the output '" + in.srcParam() + "' of " + in.srcPart(), dp.get(),
                    in.dstPart(), w.value());
        }
    }

    /** A typed source meets a typed destination: stream only to stream, functions never to streams. */
    private void kinds(String srcType, String what, Param dst, String part, Position at) {
        if (srcType == null || dst.type() == null || srcType.equals(dst.type())) {
            return;
        }
        if (Param.STREAM.equals(srcType)) {
            error(at, "the stream " + what + " is wired to '" + dst.name() + "' of " + part
                    + ", which is not a stream (type " + dst.type() + ")");
        } else if (dst.isStream()) {
            error(at, what + " (type " + srcType + ") is wired to the stream parameter '" + dst.name() + "' of "
                    + part);
        }
    }

    private void wired(String part, String param, Integer index, Position at, Map<String, Position> wireAt,
                       Map<String, Set<Integer>> indices, Map<String, Boolean> plain) {
        String key = part + "\u0000" + param;
        String slot = key + "\u0000" + index;
        Position earlier = wireAt.putIfAbsent(slot, at);
        String shown = "'" + param + (index == null ? "" : "[" + index + "]") + "' of " + part;
        if (earlier != null) {
            error(at, shown + " is wired twice" + (earlier.isKnown() ? " (also at line " + earlier.line() + ")" : ""));
            return;
        }
        if (index == null) {
            if (indices.containsKey(key)) {
                error(at, "'" + param + "' of " + part + " is wired both as a list and as a single value");
            }
            plain.put(key, true);
        } else {
            if (plain.containsKey(key)) {
                error(at, "'" + param + "' of " + part + " is wired both as a list and as a single value");
            }
            indices.computeIfAbsent(key, k -> new HashSet<>()).add(index);
        }
    }

    /** Required parameters that nothing feeds; lists with gaps. */
    private void missing(Map<String, Set<Integer>> indices, Map<String, Boolean> plain) {
        for (int i = 0; i < t.components().size(); i++) {
            Component c = t.components().get(i);
            Template called = partTemplates.get(c.part());
            if (called == null || partIndex.get(c.part()) != i) {
                continue;
            }
            List<String> absent = new ArrayList<>();
            for (Param p : called.inputs()) {
                String key = c.part() + "\u0000" + p.name();
                boolean fed = plain.containsKey(key) || indices.containsKey(key);
                if (!fed && !called.optional().contains(p.name())
                        && !meant.getOrDefault(c.part(), Set.of()).contains(p.name())) {
                    absent.add(p.name());
                }
                Set<Integer> idx = indices.get(key);
                if (idx != null) {
                    for (int j = 0; j < idx.size(); j++) {
                        if (!idx.contains(j)) {
                            error(map.component(i), "the list '" + p.name() + "' of " + c.part() + " has no element "
                                    + j + " (its indices must run 0, 1, 2, ... without gaps)");
                            break;
                        }
                    }
                }
            }
            if (!absent.isEmpty()) {
                error(map.component(i), "'" + c.template() + "' needs " + quoted(absent)
                        + " (" + (absent.size() == 1 ? "a required parameter" : "required parameters") + ") for part "
                        + c.part());
            }
        }
    }

    /** Inputs nobody reads and outputs nobody assigns are warnings: the template still assembles. */
    private void unused() {
        Set<String> exts = new HashSet<>();
        for (External e : t.externals()) {
            exts.add(e.ext());
        }
        for (int i = 0; i < t.inputs().size(); i++) {
            String n = t.inputs().get(i).name();
            if (!exts.contains(n)) {
                warning(map.input(i), "the input '" + n + "' of '" + t.name() + "' is never used");
            }
        }
        for (int i = 0; i < t.outputs().size(); i++) {
            String n = t.outputs().get(i).name();
            if (!exts.contains(n)) {
                warning(map.output(i), "the output '" + n + "' of '" + t.name() + "' is never assigned");
            }
        }
    }

    private Template part(String part, Position at) {
        if (!partIndex.containsKey(part)) {
            List<String> near = problems.size() < MAX_PROBLEMS ? Names.nearMatches(part, partIndex.keySet(), 3) : List.of();
            error(at, "there is no part '" + part + "' in '" + t.name() + "'"
                    + (near.isEmpty() ? "" : "; did you mean " + Names.orList(near) + "?"));
            return null;
        }
        return partTemplates.get(part); // null when its template is unknown (already reported)
    }

    private Optional<Param> param(Template called, String part, String name, Position at) {
        Optional<Param> p = Stream.concat(called.inputs().stream(), called.outputs().stream())
                .filter(q -> q.name().equals(name)).findFirst();
        if (p.isEmpty()) {
            List<String> all = Stream.concat(called.inputs().stream(), called.outputs().stream())
                    .map(Param::name).toList();
            List<String> near = Names.nearMatches(name, all, 3);
            if (!near.isEmpty()) {
                // A misspelt parameter is one mistake: do not also report the one it meant as missing.
                meant.computeIfAbsent(part, k -> new HashSet<>()).add(near.get(0));
            }
            error(at, "'" + called.name() + "' has no parameter '" + name + "'"
                    + (near.isEmpty() ? "" : "; did you mean " + Names.orList(near) + "?")
                    + " (its parameters: " + String.join(", ", all) + ")");
        }
        return p;
    }

    private static boolean isOutput(Template called, String param) {
        return called.outputs().stream().anyMatch(p -> p.name().equals(param));
    }

    private Optional<Param> ownParam(String ext) {
        return Stream.concat(t.inputs().stream(), t.outputs().stream()).filter(p -> p.name().equals(ext)).findFirst();
    }

    private boolean isOwnOutput(String ext) {
        return t.outputs().stream().anyMatch(p -> p.name().equals(ext));
    }

    private enum Kind { STRING, NUMBER, NONE, WORD }

    private static Kind kindOf(String ext) {
        if (ext.length() >= 2 && ext.startsWith("\"") && ext.endsWith("\"")) {
            return Kind.STRING;
        }
        if (ext.equals("None")) {
            return Kind.NONE;
        }
        return NUMBER.matcher(ext).matches() ? Kind.NUMBER : Kind.WORD;
    }

    private static String quoted(List<String> names) {
        List<String> q = names.stream().map(n -> "'" + n + "'").toList();
        return q.size() == 1 ? q.get(0) : String.join(", ", q.subList(0, q.size() - 1)) + " and " + q.get(q.size() - 1);
    }

    private void error(Position at, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(map.error(at, message));
        }
    }

    private void warning(Position at, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(map.warning(at, message));
        }
    }
}
