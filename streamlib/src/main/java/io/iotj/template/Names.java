package io.iotj.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Near-match suggestions for misspelt names ("did you mean map?"): the one implementation used by
 * the parser, validation, the template library and the assembler (templates, parameters, function
 * names), and meant for the notebook's messages too.
 *
 * <pre>{@code
 * List<String> near = Names.nearMatches("times_tow", resolver.knownNames(), 3);  // [times_two]
 * "unknown function; did you mean " + Names.orList(near) + "?"
 * }</pre>
 */
public final class Names {
    private Names() {
    }

    /**
     * Candidates that look like a slip for {@code name}: within edit distance 2 of it, ignoring case
     * (1 for names of 3 letters or fewer; a swap of two neighbours counts as one edit), or that
     * contain it or are contained in it (3 letters or more). Nearest first, then alphabetical; at
     * most {@code max}; never {@code name} itself.
     *
     * @param name       the name that was not found
     * @param candidates the names that exist
     * @param max        how many suggestions at most
     */
    public static List<String> nearMatches(String name, Collection<String> candidates, int max) {
        record Scored(String name, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        String lower = name.toLowerCase();
        for (String c : candidates) {
            String cl = c.toLowerCase();
            int limit = name.length() <= 3 ? 1 : 2;
            boolean contains = lower.length() >= 3 && (cl.contains(lower) || lower.contains(cl) && cl.length() >= 3);
            if (!contains && Math.abs(cl.length() - lower.length()) > limit) {
                continue; // too far apart to be a slip; skips the distance for most candidates
            }
            int d = distance(lower, cl);
            if (!c.equals(name) && (d <= limit || contains)) {
                scored.add(new Scored(c, d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return scored.stream().limit(max).map(Scored::name).toList();
    }

    /** "a", "a or b", "a, b or c". */
    public static String orList(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** Levenshtein distance with adjacent swaps counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
