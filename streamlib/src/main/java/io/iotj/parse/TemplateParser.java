package io.iotj.parse;

import io.iotj.template.ParsedTemplate;
import io.iotj.template.Template;
import io.iotj.template.TemplateError;
import io.iotj.template.TemplateLibrary;
import io.iotj.template.TemplateResult;
import io.iotj.template.TemplateValidator;

import java.util.ArrayList;
import java.util.List;

/**
 * Template text to IoTpy's model: {@code name(args) -> outputs { lines }}, as in section 3.2 of
 * the IoTpy thesis.
 *
 * <pre>
 * test(x:stream, y:stream) -> z:stream {
 *   a = map(in=x, function="times_two");
 *   b = map(in=x, function="iden");
 *   z = zip(in=[a, b]);
 * }
 * </pre>
 *
 * gives IoTpy's JSON for {@code test}: parts {@code map0, map1, zip0}, externals
 * {@code [z, zip0, out], [x, map0, in], ["\"times_two\"", map0, function], ...}, internals
 * {@code [map0, out, zip0, in, 0], [map1, out, zip0, in, 1]}.
 *
 * <p>Extensions over IoTpy, none of which changes the JSON of a text IoTpy accepted: {@code #}
 * comments; names may hold digits after their first letter; negative numbers and exponents;
 * strings may hold any character but {@code "}, {@code \} and line ends; several outputs
 * {@code a, b = t(...)} as well as IoTpy's list output {@code [a, b] = t(...)}.
 *
 * <p>Never throws for bad text: syntax errors, then (if the syntax is sound) the compiler's and
 * {@link TemplateValidator}'s problems come back in the {@link TemplateResult}, each with line,
 * column and a caret excerpt. A text may hold several templates; each may use the ones before it.
 * The library is only read, never changed.
 */
public final class TemplateParser {
    /** Longer texts are refused rather than parsed: a notebook cell is far smaller. */
    public static final int MAX_LENGTH = 1 << 20;

    private TemplateParser() {
    }

    /** Parses, compiles and validates every template in {@code text} against {@code library}. */
    public static TemplateResult parse(String text, TemplateLibrary library) {
        String source = text == null ? "" : text;
        List<TemplateError> problems = new ArrayList<>();
        if (source.length() > MAX_LENGTH) {
            problems.add(TemplateError.error(source, new io.iotj.template.Position(1, 1),
                    "the text is " + source.length() + " characters long; templates are limited to " + MAX_LENGTH));
            return new TemplateResult(List.of(), problems);
        }
        List<Token> tokens;
        try {
            tokens = Lexer.tokens(source);
        } catch (SyntaxError e) {
            problems.add(TemplateError.error(source, e.position, e.getMessage()));
            return new TemplateResult(List.of(), problems);
        }
        List<SyntaxError> syntax = new ArrayList<>();
        List<Ast.TemplateNode> nodes = Parser.parse(tokens, syntax);
        if (!syntax.isEmpty()) {
            for (SyntaxError e : syntax) {
                problems.add(TemplateError.error(source, e.position, e.getMessage()));
            }
            return new TemplateResult(List.of(), problems);
        }
        TemplateLibrary scope = library.copy();
        List<ParsedTemplate> out = new ArrayList<>();
        for (Ast.TemplateNode node : nodes) {
            List<TemplateError> own = new ArrayList<>();
            ParsedTemplate p = Compiler.compile(source, scope, node, own);
            own.addAll(TemplateValidator.validate(p, scope));
            problems.addAll(TemplateValidator.sorted(own));
            out.add(p);
            if (scope.contains(p.template().name()) && TemplateLibrary.isBuiltinLeaf(p.template().name())
                    && !scope.get(p.template().name()).equals(p.template())) {
                problems.add(TemplateError.error(source, p.sourceMap().header(),
                        "'" + p.template().name() + "' is a built-in leaf template and cannot be redefined"));
            } else {
                scope.register(p.template());
            }
        }
        return new TemplateResult(out, problems);
    }

    /**
     * The single template in {@code text}.
     *
     * @throws io.iotj.template.TemplateException listing every problem when there are errors
     */
    public static Template parseTemplate(String text, TemplateLibrary library) {
        return parse(text, library).template();
    }
}
