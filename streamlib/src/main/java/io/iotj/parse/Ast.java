package io.iotj.parse;

import io.iotj.template.Position;

import java.util.List;

/** The syntax tree of template text, with the tokens (hence positions) it was read from. */
final class Ast {
    private Ast() {
    }

    /** {@code name(inputs) -> outputs { lines }}; {@code none} is the {@code None} token, if written. */
    record TemplateNode(Token name, List<Field> inputs, List<Field> outputs, Token none, List<Line> lines) {
    }

    /** {@code x}, {@code x*}, {@code x:stream} or {@code x*:stream}. */
    record Field(Token name, boolean optional, Token type) {
    }

    /** {@code outs = template(k=v, ...);} with {@code outputs} empty when nothing is assigned. */
    record Line(List<Target> outputs, Token template, List<Arg> args) {
    }

    /** One output of a line: a name, or a list {@code [a, b]} of names for one list-valued output. */
    record Target(List<Token> names, boolean list, Position position) {
    }

    /** {@code key=value}. */
    record Arg(Token key, Value value) {
    }

    /** A word or string, or a list {@code [a, "b", 3]} of them. */
    record Value(List<Token> atoms, boolean list, Position position) {
    }
}
