package io.iotj.kernel.history;

import java.util.regex.Pattern;

/**
 * The glob patterns of Jupyter history searches (sqlite GLOB): {@code *} any run of
 * characters, {@code ?} one character, {@code [abc]} / {@code [a-z]} / {@code [^a-z]} a set.
 * Matching is case-sensitive and covers the whole input.
 */
final class Glob {
    private Glob() {
    }

    static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, close);
                        boolean negate = set.startsWith("^");
                        if (negate) set = set.substring(1);
                        re.append(negate ? "[^" : "[");
                        for (char s : set.toCharArray()) {
                            if (s == '\\' || s == '[' || s == ']' || s == '&' || s == '^') re.append('\\');
                            re.append(s);
                        }
                        re.append(']');
                        i = close;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
