package io.iotj.kernel.output;

/** UTF-8 helpers for decoding text that arrives in arbitrary byte chunks. */
final class Utf8 {
    private Utf8() {
    }

    /**
     * The length of the longest prefix of {@code data[from, from+count)} that does not end
     * inside a multi-byte character.
     */
    static int completePrefix(byte[] data, int from, int count) {
        int end = from + count;
        // A character is at most 4 bytes: look back at most 3 bytes for a lead byte.
        for (int back = 1; back <= Math.min(3, count); back++) {
            int b = data[end - back] & 0xFF;
            if ((b & 0xC0) == 0x80) continue; // continuation byte: keep looking for the lead
            int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return need > back ? count - back : count;
        }
        return count;
    }
}
