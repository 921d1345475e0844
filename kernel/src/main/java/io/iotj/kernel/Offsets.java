package io.iotj.kernel;

/** Jupyter counts cursor positions in Unicode code points; Java strings index UTF-16 units. */
final class Offsets {
    private Offsets() {
    }

    /** The string index of code point {@code cursor}, clamped to the string. */
    static int charIndex(String code, int cursor) {
        int points = code.codePointCount(0, code.length());
        return code.offsetByCodePoints(0, Math.max(0, Math.min(cursor, points)));
    }

    /** The code point count before string index {@code index}. */
    static int codePoints(String code, int index) {
        return code.codePointCount(0, Math.max(0, Math.min(index, code.length())));
    }
}
