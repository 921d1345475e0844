package io.iotj.magics.args;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a magic's line into words, keeping where each starts and whether its value was quoted:
 * {@code k="a b"} is one word whose value {@code a b} was quoted, {@code k=3} one whose value was
 * not, so a quoted {@code "3"} stays a string.
 */
final class ArgLexer {
    /**
     * A word.
     *
     * @param text        the word as written, quotes removed
     * @param column      1-based column where it starts
     * @param equalsSign  index in {@code text} of the first {@code =} outside quotes, or -1
     * @param value       the part after {@code =} (or the whole word), quotes removed
     * @param valueColumn 1-based column where the value starts
     * @param quoted      whether the value was quoted
     */
    record Token(String text, int column, int equalsSign, String value, int valueColumn,
                 boolean quoted) { }

    private ArgLexer() {
    }

    static List<Token> tokens(String line) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            if (Character.isWhitespace(line.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            int eq = -1;
            int valueColumn = start + 1;
            boolean quoted = false;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                char c = line.charAt(i);
                if (c == '"' || c == '\'') {
                    int open = i;
                    i++;
                    quoted = true;
                    boolean closed = false;
                    while (i < n) {
                        char d = line.charAt(i);
                        if (d == '\\' && i + 1 < n) {
                            char e = line.charAt(i + 1);
                            text.append(switch (e) {
                                case 'n' -> '\n';
                                case 't' -> '\t';
                                default -> e;
                            });
                            i += 2;
                        } else if (d == c) {
                            closed = true;
                            i++;
                            break;
                        } else {
                            text.append(d);
                            i++;
                        }
                    }
                    if (!closed) {
                        throw new ArgException(line, open + 1, "the quote " + c + " is not closed");
                    }
                } else {
                    if (c == '=' && eq < 0 && !quoted) {
                        eq = text.length();
                        valueColumn = i + 2;
                    }
                    text.append(c);
                    i++;
                }
            }
            String t = text.toString();
            String value = eq >= 0 ? t.substring(eq + 1) : t;
            if (eq < 0) {
                valueColumn = start + 1;
            }
            out.add(new Token(t, start + 1, eq, value, valueColumn, quoted));
        }
        return out;
    }
}
