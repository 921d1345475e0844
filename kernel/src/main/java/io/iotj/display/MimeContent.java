package io.iotj.display;

import java.util.Base64;
import java.util.Set;

/**
 * Values that are already the content of a MIME type when the user names that type: text for the
 * textual types ({@code display("<b>x</b>", "text/html")}), bytes for images. Anything else is
 * rendered by the value's renderer.
 */
final class MimeContent {
    private static final Set<String> TEXTUAL_APPLICATION = Set.of("application/javascript", "application/x-latex");

    private MimeContent() {
    }

    /** {@code value} as the content of {@code type}, or null when it is not that content as it is. */
    static Object of(Object value, String type) {
        if (value instanceof CharSequence text) {
            if (type.equals(MimeBundle.JSON)) {
                return Display.json(text.toString()).get(MimeBundle.JSON);
            }
            return type.startsWith("text/") || type.equals(MimeBundle.SVG) || TEXTUAL_APPLICATION.contains(type)
                    ? text.toString() : null;
        }
        if (value instanceof byte[] bytes && type.startsWith("image/") && !type.equals(MimeBundle.SVG)) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return null;
    }
}
