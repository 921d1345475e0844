package io.iotj.parse;

import io.iotj.template.Component;
import io.iotj.template.External;
import io.iotj.template.Internal;
import io.iotj.template.Names;
import io.iotj.template.Param;
import io.iotj.template.ParsedTemplate;
import io.iotj.template.Position;
import io.iotj.template.SourceMap;
import io.iotj.template.Template;
import io.iotj.template.TemplateError;
import io.iotj.template.TemplateLibrary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one parsed template into IoTpy's model by IoTpy's algorithm, keeping positions.
 *
 * <ol>
 * <li>Each line becomes a part named template name + counter ({@code map0}, {@code map1}).</li>
 * <li>First pass, outputs: the i-th output of a line is the i-th output of the called template
 *     (a list {@code [a, b]} is that output's indices). A template output goes to the externals,
 *     any other name becomes a variable.</li>
 * <li>Second pass, arguments, in order: a variable becomes an internal; anything else (the
 *     template's own parameters, quoted strings, numbers, other words) an external, written as it
 *     was ({@code "\"times_two\""}, {@code "2"}).</li>
 * <li>Variables nobody uses become {@code ["None", part, param]}, in the order they were assigned
 *     (IoTpy used a Python 2 dict here, whose order is not defined).</li>
 * </ol>
 * It also reports what only the text can show: a name assigned twice, an assigned input, more
 * outputs than the template has, and a name used but never defined.
 */
final class Compiler {
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    /** Where a variable's value comes from: a part's output (with an index for a list output). */
    private record Source(String part, String param, Integer index, Position position, int line) {
    }

    private final String source;
    private final TemplateLibrary library;
    private final Ast.TemplateNode node;
    private final List<TemplateError> problems;

    private Compiler(String source, TemplateLibrary library, Ast.TemplateNode node, List<TemplateError> problems) {
        this.source = source;
        this.library = library;
        this.node = node;
        this.problems = problems;
    }

    /** The model of {@code node}; problems found on the way are added to {@code problems}. */
    static ParsedTemplate compile(String source, TemplateLibrary library, Ast.TemplateNode node,
                                  List<TemplateError> problems) {
        return new Compiler(source, library, node, problems).compile();
    }

    /** True for a word IoTpy would read as a number. */
    static boolean isNumber(String word) {
        return NUMBER.matcher(word).matches();
    }

    private ParsedTemplate compile() {
        String name = node.name().text();
        SourceMap.Builder map = new SourceMap.Builder(source).header(node.name().position()).namesChecked(true);
        List<Param> inputs = new ArrayList<>();
        List<Param> outputs = new ArrayList<>();
        List<String> optional = new ArrayList<>();
        Map<String, Token> declared = new HashMap<>();
        for (Ast.Field f : node.inputs()) {
            if (declare(declared, f.name())) {
                inputs.add(param(f));
                map.input(f.name().position());
                if (f.optional()) {
                    optional.add(f.name().text());
                }
            }
        }
        Set<String> inputNames = new HashSet<>(declared.keySet());
        for (Ast.Field f : node.outputs()) {
            if (declare(declared, f.name())) {
                outputs.add(param(f));
                map.output(f.name().position());
                if (f.optional()) {
                    optional.add(f.name().text());
                }
            }
        }
        Set<String> outputNames = new HashSet<>(declared.keySet());
        outputNames.removeAll(inputNames);

        if (node.lines().isEmpty()) {
            // An empty body declares a leaf, as in IoTpy: its assembly is its own name.
            Template leaf = new Template(name, name, inputs, outputs, optional, List.of(), List.of(), List.of());
            return new ParsedTemplate(leaf, map.build());
        }

        List<String> parts = new ArrayList<>();
        Map<String, Integer> counters = new HashMap<>();
        List<Component> components = new ArrayList<>();
        for (Ast.Line line : node.lines()) {
            String t = line.template().text();
            int n = counters.merge(t, 1, Integer::sum) - 1;
            String part = t + n;
            parts.add(part);
            components.add(new Component(part, t));
            map.component(line.template().position());
        }

        List<External> externals = new ArrayList<>();
        List<Internal> internals = new ArrayList<>();
        Map<String, Source> variables = new LinkedHashMap<>();
        Map<String, Integer> assignedAt = new HashMap<>();
        Set<String> opaque = new HashSet<>(); // assigned by a line whose template is unknown

        // First pass: what each line assigns.
        for (int l = 0; l < node.lines().size(); l++) {
            Ast.Line line = node.lines().get(l);
            Optional<Template> called = library.find(line.template().text());
            List<Param> calledOutputs = called.map(Template::outputs).orElse(List.of());
            if (called.isPresent() && line.outputs().size() > calledOutputs.size()) {
                Ast.Target extra = line.outputs().get(calledOutputs.size());
                error(extra.position(), "'" + line.template().text() + "' has " + count(calledOutputs.size(), "output")
                        + (calledOutputs.isEmpty() ? "" : " (" + String.join(", ",
                        calledOutputs.stream().map(Param::name).toList()) + ")")
                        + " but this line assigns " + line.outputs().size());
            }
            for (int i = 0; i < line.outputs().size(); i++) {
                Ast.Target target = line.outputs().get(i);
                for (int j = 0; j < target.names().size(); j++) {
                    Token v = target.names().get(j);
                    String var = v.text();
                    int lineNo = line.template().position().line();
                    if (inputNames.contains(var)) {
                        error(v.position(), "'" + var + "' is an input of '" + name + "' and cannot be assigned");
                        continue;
                    }
                    Integer earlier = assignedAt.get(var);
                    if (earlier != null) {
                        error(v.position(), "'" + var + "' is used as an output twice: it is already assigned on line "
                                + earlier);
                        continue;
                    }
                    assignedAt.put(var, lineNo);
                    if (called.isEmpty() || i >= calledOutputs.size()) {
                        opaque.add(var);
                        continue;
                    }
                    String param = calledOutputs.get(i).name();
                    Integer index = target.list() ? j : null;
                    if (outputNames.contains(var)) {
                        externals.add(new External(var, parts.get(l), param, index));
                        map.external(new SourceMap.Wire(v.position(), v.position()));
                    } else {
                        variables.put(var, new Source(parts.get(l), param, index, v.position(), lineNo));
                    }
                }
            }
        }

        // Second pass: what each line takes.
        Set<String> used = new HashSet<>();
        for (int l = 0; l < node.lines().size(); l++) {
            Ast.Line line = node.lines().get(l);
            Optional<Template> called = library.find(line.template().text());
            for (Ast.Arg arg : line.args()) {
                String key = arg.key().text();
                List<Token> atoms = arg.value().atoms();
                for (int j = 0; j < atoms.size(); j++) {
                    Token atom = atoms.get(j);
                    Integer index = arg.value().list() ? j : null;
                    SourceMap.Wire wire = new SourceMap.Wire(arg.key().position(), atom.position());
                    Source src = atom.is(TokenType.WORD) ? variables.get(atom.text()) : null;
                    if (src != null) {
                        used.add(atom.text());
                        internals.add(new Internal(src.part(), src.param(), src.index(), parts.get(l), key, index));
                        map.internal(wire);
                    } else {
                        externals.add(new External(atom.text(), parts.get(l), key, index));
                        map.external(wire);
                        if (atom.is(TokenType.WORD)) {
                            checkDefined(atom, key, called, declared.keySet(), opaque, variables.keySet());
                        }
                    }
                }
            }
        }

        for (var e : variables.entrySet()) {
            if (!used.contains(e.getKey())) {
                Source s = e.getValue();
                externals.add(new External("None", s.part(), s.param(), s.index()));
                map.external(new SourceMap.Wire(s.position(), s.position()));
            }
        }
        Template t = new Template(name, Template.ASSEMBLE, inputs, outputs, optional, components, externals, internals);
        return new ParsedTemplate(t, map.build());
    }

    /**
     * A bare word that is not a number, None, a parameter of the template or a variable is an
     * undefined name, unless it is given to a function parameter, where IoTpy resolved a bare
     * word as a function's name ({@code function=train}).
     */
    private void checkDefined(Token atom, String key, Optional<Template> called, Set<String> params,
                              Set<String> opaque, Set<String> variables) {
        String w = atom.text();
        if (isNumber(w) || w.equals("None") || params.contains(w) || opaque.contains(w) || full()) {
            return;
        }
        if (called.isEmpty()) {
            return; // the unknown template is reported by validation
        }
        Optional<Param> p = findParam(called.get(), key);
        if (p.isEmpty() || p.get().isFunction()) {
            return; // an unknown parameter is reported by validation; a function may be named bare
        }
        Set<String> known = new HashSet<>(params);
        known.addAll(variables);
        List<String> near = Names.nearMatches(w, known, 3);
        error(atom.position(), "'" + w + "' is not defined: it is not a parameter of '" + node.name().text()
                + "' nor assigned by a line" + (near.isEmpty() ? "" : "; did you mean " + Names.orList(near) + "?")
                + " (write \"" + w + "\" for a string)");
    }

    private static Optional<Param> findParam(Template t, String name) {
        return java.util.stream.Stream.concat(t.inputs().stream(), t.outputs().stream())
                .filter(p -> p.name().equals(name)).findFirst();
    }

    private boolean declare(Map<String, Token> declared, Token name) {
        Token earlier = declared.putIfAbsent(name.text(), name);
        if (earlier != null) {
            error(name.position(), "'" + name.text() + "' is declared twice (first at line "
                    + earlier.position().line() + ", column " + earlier.position().column() + ")");
            return false;
        }
        return true;
    }

    private static Param param(Ast.Field f) {
        return new Param(f.name().text(), f.type() == null ? null : f.type().text());
    }

    private void error(Position p, String message) {
        if (!full()) {
            problems.add(TemplateError.error(source, p, message));
        }
    }

    /** Enough errors for one template: a hostile text must not make thousands of them. */
    private boolean full() {
        return problems.size() >= Parser.MAX_ERRORS;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
