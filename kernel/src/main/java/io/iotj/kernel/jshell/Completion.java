package io.iotj.kernel.jshell;

import java.util.List;

/**
 * Completion candidates; replace {@code code[cursorStart, cursorEnd)} with one of {@code matches}.
 *
 * @param matches     candidates, best first (type-matching ones first), no duplicates
 * @param cursorStart start of the text to replace
 * @param cursorEnd   end of the text to replace (the cursor)
 */
public record Completion(List<String> matches, int cursorStart, int cursorEnd) {
    public Completion {
        matches = List.copyOf(matches);
    }
}
