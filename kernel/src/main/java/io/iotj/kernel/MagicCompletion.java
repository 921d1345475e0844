package io.iotj.kernel;

import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.iotj.kernel.magic.MagicRegistry;

import java.util.ArrayList;
import java.util.List;

/** Completes magic names after {@code %} and {@code %%} at the start of a line. */
final class MagicCompletion {
    private MagicCompletion() {
    }

    /** Options when the cursor ends a {@code %name} token at a line start, else {@code null}. */
    static ReplacementOptions complete(MagicRegistry magics, String code, int at) {
        int start = at;
        while (start > 0 && (Character.isJavaIdentifierPart(code.charAt(start - 1)) || code.charAt(start - 1) == '%')) {
            start--;
        }
        String token = code.substring(start, at);
        if (!token.startsWith("%")) return null;
        int lineStart = code.lastIndexOf('\n', start - 1) + 1;
        if (!code.substring(lineStart, start).isBlank()) return null;
        boolean firstLine = code.substring(0, lineStart).isBlank();
        List<String> matches = new ArrayList<>();
        if (token.startsWith("%%")) {
            if (firstLine) addMatching(matches, "%%", magics.cellMagicNames(), token.substring(2));
        } else {
            String prefix = token.substring(1);
            addMatching(matches, "%", magics.lineMagicNames(), prefix);
            if (firstLine) addMatching(matches, "%%", magics.cellMagicNames(), prefix);
        }
        return new ReplacementOptions(matches, start, at);
    }

    private static void addMatching(List<String> out, String sigil, Iterable<String> names, String prefix) {
        for (String n : names) if (n.startsWith(prefix)) out.add(sigil + n);
    }
}
