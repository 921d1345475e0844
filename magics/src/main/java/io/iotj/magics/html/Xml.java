package io.iotj.magics.html;

/** Escaping of text placed in XML or HTML content and attribute values. */
public final class Xml {
    private Xml() {
    }

    /**
     * {@code s} with {@code & < > " '} replaced by entities and characters that XML 1.0 forbids
     * (control characters other than tab, newline, return) replaced by U+FFFD, so any user text
     * stays well-formed markup.
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                        || c == 0xFFFE || c == 0xFFFF ? "\uFFFD" : null;
            };
            if (rep != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }
}
