package io.iotj.parse;

import io.iotj.template.Position;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for the template language. Hand-written because the grammar is tiny and
 * this gives the messages a user needs ("expected ';' at the end of the line") at exact columns.
 *
 * <pre>
 * text     := template+
 * template := NAME '(' [field {',' field}] ')' '->' outputs '{' line* '}'
 * field    := ID ['*'] [':' ID]
 * outputs  := 'None' | field {',' field}
 * line     := [target {',' target} '='] NAME '(' [arg {',' arg}] ')' ';'
 * target   := ID | '[' ID {',' ID} ']'
 * arg      := ID '=' value
 * value    := atom | '[' atom {',' atom} ']'
 * atom     := WORD | STRING
 * </pre>
 *
 * After an error in a line it skips to the next {@code ;} and goes on, so one pass reports every
 * broken line. Each loop consumes a token or stops, so no input makes it spin.
 */
final class Parser {
    /** A parameter or variable name, as IoTpy's (plus digits after the first letter). */
    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A template name: IoTpy allowed letters, digits and '_'. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
    /** Enough to show every broken line of any real template, bounded for hostile input. */
    static final int MAX_ERRORS = 50;

    private final List<Token> tokens;
    private int at;
    private final List<SyntaxError> errors = new ArrayList<>();

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The templates in {@code tokens} and the syntax errors found (empty when none). */
    static List<Ast.TemplateNode> parse(List<Token> tokens, List<SyntaxError> errorsOut) {
        Parser p = new Parser(tokens);
        List<Ast.TemplateNode> out = new ArrayList<>();
        if (p.peek().is(TokenType.EOF)) {
            errorsOut.add(new SyntaxError(p.peek().position(),
                    "the text holds no template; write one as name(inputs) -> outputs { lines }"));
            return out;
        }
        while (!p.peek().is(TokenType.EOF) && p.errors.size() < MAX_ERRORS) {
            int before = p.at;
            try {
                out.add(p.template());
            } catch (SyntaxError e) {
                p.errors.add(e);
                p.skipTemplate();
            }
            if (p.at == before) {
                p.at++; // always move on; never loop on one token
            }
        }
        errorsOut.addAll(p.errors);
        return out;
    }

    private Ast.TemplateNode template() throws SyntaxError {
        Token name = peek();
        if (!name.is(TokenType.WORD)) {
            throw new SyntaxError(name.position(),
                    "expected a template name, as in test(x) -> y { ... }, but found " + name.describe());
        }
        checkName(name, NAME, "template name");
        at++;
        expect(TokenType.LPAREN, "after the template name '" + name.text() + "'");
        List<Ast.Field> inputs = new ArrayList<>();
        if (!peek().is(TokenType.RPAREN)) {
            do {
                inputs.add(field("an input name"));
            } while (accept(TokenType.COMMA));
        }
        expect(TokenType.RPAREN, "to close the inputs of '" + name.text() + "'");
        if (!peek().is(TokenType.ARROW)) {
            throw new SyntaxError(peek().position(), "expected '->' and the outputs after the inputs of '"
                    + name.text() + "', but found " + peek().describe() + " (write '-> None' when there are none)");
        }
        at++;
        List<Ast.Field> outputs = new ArrayList<>();
        Token none = null;
        if (peek().is(TokenType.WORD) && peek().text().equals("None")) {
            none = next();
        } else {
            do {
                outputs.add(field("an output name (or None)"));
            } while (accept(TokenType.COMMA));
        }
        expect(TokenType.LBRACE, "to open the body of '" + name.text() + "'");
        List<Ast.Line> lines = new ArrayList<>();
        while (!peek().is(TokenType.RBRACE)) {
            if (peek().is(TokenType.EOF)) {
                throw new SyntaxError(peek().position(),
                        "the body of '" + name.text() + "' is not closed: expected '}'");
            }
            if (errors.size() >= MAX_ERRORS) {
                return new Ast.TemplateNode(name, inputs, outputs, none, lines);
            }
            int before = at;
            try {
                lines.add(line());
            } catch (SyntaxError e) {
                errors.add(e);
                skipLine();
                if (at == before) {
                    at++;
                }
            }
        }
        at++; // '}'
        return new Ast.TemplateNode(name, inputs, outputs, none, lines);
    }

    private Ast.Field field(String what) throws SyntaxError {
        Token name = peek();
        if (!name.is(TokenType.WORD)) {
            throw new SyntaxError(name.position(), "expected " + what + ", but found " + name.describe());
        }
        checkName(name, ID, "parameter name");
        at++;
        boolean optional = accept(TokenType.STAR);
        Token type = null;
        if (accept(TokenType.COLON)) {
            type = peek();
            if (!type.is(TokenType.WORD)) {
                throw new SyntaxError(type.position(), "expected a type (such as stream or function) after ':', but found "
                        + type.describe());
            }
            checkName(type, ID, "type");
            at++;
        }
        return new Ast.Field(name, optional, type);
    }

    private Ast.Line line() throws SyntaxError {
        List<Ast.Target> outputs = new ArrayList<>();
        // A line without outputs starts with NAME '('; otherwise it starts with its targets.
        boolean call = peek().is(TokenType.WORD) && peek(1).is(TokenType.LPAREN);
        if (!call) {
            do {
                outputs.add(target());
            } while (accept(TokenType.COMMA));
            if (!peek().is(TokenType.EQUALS)) {
                throw new SyntaxError(peek().position(),
                        "expected '=' after the outputs of the line, but found " + peek().describe());
            }
            at++;
        }
        Token template = peek();
        if (!template.is(TokenType.WORD)) {
            throw new SyntaxError(template.position(),
                    "expected the name of a template to use, but found " + template.describe());
        }
        checkName(template, NAME, "template name");
        at++;
        expect(TokenType.LPAREN, "after '" + template.text() + "'");
        List<Ast.Arg> args = new ArrayList<>();
        if (!peek().is(TokenType.RPAREN)) {
            do {
                args.add(arg());
            } while (accept(TokenType.COMMA));
        }
        expect(TokenType.RPAREN, "to close the arguments of '" + template.text() + "'");
        if (!peek().is(TokenType.SEMI)) {
            throw new SyntaxError(endOfPrevious(), "expected ';' at the end of the line, but found "
                    + peek().describe());
        }
        at++;
        return new Ast.Line(outputs, template, args);
    }

    private Ast.Target target() throws SyntaxError {
        Token first = peek();
        if (accept(TokenType.LBRACKET)) {
            List<Token> names = new ArrayList<>();
            do {
                names.add(id("a name in the list of outputs"));
            } while (accept(TokenType.COMMA));
            expect(TokenType.RBRACKET, "to close the list of outputs");
            return new Ast.Target(names, true, first.position());
        }
        return new Ast.Target(List.of(id("an output name (or a template call)")), false, first.position());
    }

    private Ast.Arg arg() throws SyntaxError {
        Token key = id("a parameter name, as in in=x");
        if (!peek().is(TokenType.EQUALS)) {
            throw new SyntaxError(peek().position(), "expected '=' after the parameter name '" + key.text()
                    + "', but found " + peek().describe() + " (arguments are written name=value)");
        }
        at++;
        Token first = peek();
        if (accept(TokenType.LBRACKET)) {
            List<Token> atoms = new ArrayList<>();
            if (peek().is(TokenType.RBRACKET)) {
                throw new SyntaxError(peek().position(), "an empty list: write at least one value between [ and ]");
            }
            do {
                atoms.add(atom());
            } while (accept(TokenType.COMMA));
            expect(TokenType.RBRACKET, "to close the list of values of '" + key.text() + "'");
            return new Ast.Arg(key, new Ast.Value(atoms, true, first.position()));
        }
        return new Ast.Arg(key, new Ast.Value(List.of(atom()), false, first.position()));
    }

    private Token atom() throws SyntaxError {
        Token t = peek();
        if (t.is(TokenType.WORD) || t.is(TokenType.STRING)) {
            at++;
            return t;
        }
        throw new SyntaxError(t.position(), "expected a value (a name, a number, a \"string\" or a [list]), but found "
                + t.describe());
    }

    private Token id(String what) throws SyntaxError {
        Token t = peek();
        if (!t.is(TokenType.WORD)) {
            throw new SyntaxError(t.position(), "expected " + what + ", but found " + t.describe());
        }
        checkName(t, ID, "name");
        at++;
        return t;
    }

    private static void checkName(Token t, Pattern shape, String what) throws SyntaxError {
        if (shape == ID && t.text().equals("None")) {
            throw new SyntaxError(t.position(), "None means no value and cannot be used as a " + what);
        }
        if (!shape.matcher(t.text()).matches()) {
            String rule = shape == ID ? "letters, digits and '_', starting with a letter or '_'"
                                      : "letters, digits and '_'";
            throw new SyntaxError(t.position(), "'" + t.text() + "' is not a valid " + what + " (use " + rule + ")");
        }
    }

    private void expect(TokenType type, String context) throws SyntaxError {
        if (!peek().is(type)) {
            throw new SyntaxError(peek().position(),
                    "expected " + type.description + " " + context + ", but found " + peek().describe());
        }
        at++;
    }

    private boolean accept(TokenType type) {
        if (peek().is(type)) {
            at++;
            return true;
        }
        return false;
    }

    private Token peek() {
        return peek(0);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    private Token next() {
        return tokens.get(at++);
    }

    /** Just after the previous token: where a missing ';' belongs. */
    private Position endOfPrevious() {
        if (at == 0) {
            return peek().position();
        }
        Token prev = tokens.get(at - 1);
        return new Position(prev.position().line(), prev.position().column() + prev.text().length());
    }

    /** After an error in a line: skip past the next ';', or stop before a '}' or the end. */
    private void skipLine() {
        while (!peek().is(TokenType.EOF)) {
            if (peek().is(TokenType.SEMI)) {
                at++;
                return;
            }
            if (peek().is(TokenType.RBRACE)) {
                return;
            }
            at++;
        }
    }

    /** After an error in a header: skip past the body's closing '}', or to the end. */
    private void skipTemplate() {
        int depth = 0;
        while (!peek().is(TokenType.EOF)) {
            Token t = next();
            if (t.is(TokenType.LBRACE)) {
                depth++;
            } else if (t.is(TokenType.RBRACE) && --depth <= 0) {
                return;
            }
        }
    }
}
