package io.iotj.kernel.magic;

import java.util.ArrayList;
import java.util.List;

/** Splits magic arguments into words: blanks separate, double or single quotes group, backslash escapes. */
public final class MagicArgs {
    private MagicArgs() {
    }

    /**
     * @throws IllegalArgumentException when a quote is not closed (with its column)
     */
    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        int quoteAt = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (quote != 0) {
                if (c == quote) quote = 0;
                else word.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                quoteAt = i;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " opened at column " + (quoteAt + 1) + " of: " + text);
        }
        if (inWord) words.add(word.toString());
        return words;
    }
}
