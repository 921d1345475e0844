package io.iotj.assemble;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Names close to a misspelt one, for "did you mean" messages. */
final class Near {
    private Near() {
    }

    static List<String> matches(String name, List<String> known, int max) {
        List<String> out = new ArrayList<>();
        for (String k : known) {
            if (!out.contains(k) && (distance(name.toLowerCase(), k.toLowerCase()) <= 2
                    || k.toLowerCase().contains(name.toLowerCase()) && name.length() >= 3)) {
                out.add(k);
            }
        }
        out.sort(Comparator.comparingInt(k -> distance(name, k)));
        return out.size() > max ? out.subList(0, max) : out;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
