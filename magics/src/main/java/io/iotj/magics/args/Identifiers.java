package io.iotj.magics.args;

import javax.lang.model.SourceVersion;

/** What counts as a name in magics' arguments. */
public final class Identifiers {
    private Identifiers() {
    }

    /** A template or parameter name: a letter or underscore, then letters, digits, underscores. */
    public static boolean isName(String s) {
        return s != null && s.matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    /** A Java variable name that is not a keyword. */
    public static boolean isJavaIdentifier(String s) {
        return s != null && SourceVersion.isIdentifier(s) && !SourceVersion.isKeyword(s)
                && !s.equals("_");
    }

    /** A name or dotted names: {@code times_two}, {@code java.lang.Math.abs}. */
    public static boolean isQualifiedName(String s) {
        if (s == null || s.isEmpty() || s.startsWith(".") || s.endsWith(".")) {
            return false;
        }
        for (String part : s.split("\\.", -1)) {
            if (!SourceVersion.isIdentifier(part)) {
                return false;
            }
        }
        return true;
    }
}
