package io.iotj.parse;

import io.iotj.template.Position;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits template text into tokens, tracking 1-based line and column (\n, \r\n and \r end lines).
 * {@code #} starts a comment to the end of the line (IoTpy's grammar had none; a notebook user
 * wants them, and they never reach the JSON). A bad character gives a {@link SyntaxError} at it.
 */
final class Lexer {
    private final String text;
    private int pos;
    private int line = 1;
    private int column = 1;

    private Lexer(String text) {
        this.text = text;
    }

    /** All tokens of {@code text}, ending with an EOF token. */
    static List<Token> tokens(String text) throws SyntaxError {
        Lexer lx = new Lexer(text);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = lx.next();
            out.add(t);
        } while (!t.is(TokenType.EOF));
        return out;
    }

    private Token next() throws SyntaxError {
        skipBlanks();
        Position at = new Position(line, column);
        if (pos >= text.length()) {
            return new Token(TokenType.EOF, "", at);
        }
        char c = text.charAt(pos);
        switch (c) {
            case '(' -> { return single(TokenType.LPAREN, at); }
            case ')' -> { return single(TokenType.RPAREN, at); }
            case '{' -> { return single(TokenType.LBRACE, at); }
            case '}' -> { return single(TokenType.RBRACE, at); }
            case '[' -> { return single(TokenType.LBRACKET, at); }
            case ']' -> { return single(TokenType.RBRACKET, at); }
            case ',' -> { return single(TokenType.COMMA, at); }
            case ';' -> { return single(TokenType.SEMI, at); }
            case '=' -> { return single(TokenType.EQUALS, at); }
            case ':' -> { return single(TokenType.COLON, at); }
            case '*' -> { return single(TokenType.STAR, at); }
            case '"' -> { return string(at); }
            case '\'' -> throw new SyntaxError(at, "strings are written in double quotes: \"like this\"");
            default -> {
                if (c == '-' && peek(1) == '>') {
                    advance();
                    advance();
                    return new Token(TokenType.ARROW, "->", at);
                }
                if (isWordChar(c) || (c == '-' && (isDigit(peek(1)) || peek(1) == '.' && isDigit(peek(2))))) {
                    return word(at);
                }
                throw new SyntaxError(at, "unexpected character " + show(c));
            }
        }
    }

    private Token single(TokenType type, Position at) {
        String s = String.valueOf(text.charAt(pos));
        advance();
        return new Token(type, s, at);
    }

    /** A word, or a number whose exponent may carry a sign ({@code 1e-3}). */
    private Token word(Position at) {
        int start = pos;
        if (text.charAt(pos) == '-') {
            advance();
        }
        if (isDigit(text.charAt(pos)) || text.charAt(pos) == '.') {
            // Scan a number first so that the sign of an exponent belongs to it.
            while (pos < text.length() && (isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                advance();
            }
            if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')
                    && (isDigit(peek(1)) || (peek(1) == '-' || peek(1) == '+') && isDigit(peek(2)))) {
                advance();
                advance();
                while (pos < text.length() && isDigit(text.charAt(pos))) {
                    advance();
                }
            }
        }
        while (pos < text.length() && isWordChar(text.charAt(pos))) {
            advance();
        }
        return new Token(TokenType.WORD, text.substring(start, pos), at);
    }

    /** A double-quoted string on one line; no escapes (IoTpy had none). */
    private Token string(Position at) throws SyntaxError {
        int start = pos;
        advance();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                advance();
                return new Token(TokenType.STRING, text.substring(start, pos), at);
            }
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c == '\\') {
                throw new SyntaxError(new Position(line, column),
                        "a string cannot hold a backslash (template strings have no escapes)");
            }
            advance();
        }
        throw new SyntaxError(at, "this string has no closing quote on its line");
    }

    private void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                    advance();
                }
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00a0'
                    || c == '\ufeff') {
                advance();
            } else {
                return;
            }
        }
    }

    private void advance() {
        char c = text.charAt(pos++);
        if (c == '\n' || (c == '\r' && (pos >= text.length() || text.charAt(pos) != '\n'))) {
            line++;
            column = 1;
        } else if (c != '\r') {
            column++;
        }
    }

    private char peek(int ahead) {
        int p = pos + ahead;
        return p < text.length() ? text.charAt(p) : '\0';
    }

    static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '_' || c == '.';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String show(char c) {
        if (c < ' ' || c == 0x7f) {
            return String.format("U+%04X (a control character)", (int) c);
        }
        if (Character.isSurrogate(c)) {
            return "(a character outside the ASCII letters template names use)";
        }
        return "'" + c + "'";
    }
}
