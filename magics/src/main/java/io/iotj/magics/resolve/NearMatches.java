package io.iotj.magics.resolve;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finds the known names closest to a misspelt one, for "did you mean" hints. */
public final class NearMatches {
    private NearMatches() {
    }

    /**
     * Up to {@code limit} names from {@code known} that look like {@code name}: a small edit
     * distance (relative to the length), or one containing the other ignoring case; closest
     * first, ties in the order given.
     */
    public static List<String> of(String name, Collection<String> known, int limit) {
        record Scored(String name, int score, int order) { }
        List<Scored> hits = new ArrayList<>();
        String lower = name.toLowerCase(Locale.ROOT);
        int order = 0;
        for (String k : known) {
            order++;
            if (k.equals(name)) {
                continue;
            }
            String kl = k.toLowerCase(Locale.ROOT);
            int d = distance(lower, kl);
            int allowed = Math.max(1, Math.min(name.length(), k.length()) / 3);
            boolean contains = lower.length() >= 3 && kl.length() >= 3
                    && (kl.contains(lower) || lower.contains(kl));
            if (d <= allowed || contains) {
                hits.add(new Scored(k, contains && d > allowed ? allowed + 1 : d, order));
            }
        }
        return hits.stream()
                .sorted(Comparator.comparingInt(Scored::score).thenComparingInt(Scored::order))
                .distinct()
                .limit(limit)
                .map(Scored::name)
                .distinct()
                .toList();
    }

    /** The edit distance (insertions, deletions, substitutions, swaps of neighbours). */
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
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
