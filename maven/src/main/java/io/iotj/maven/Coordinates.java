package io.iotj.maven;

import java.util.Objects;

/**
 * An artifact's Maven coordinates as users write them:
 * {@code group:artifact:version}, {@code group:artifact:extension:version} or
 * {@code group:artifact:extension:classifier:version} (Maven's own order).
 *
 * @param extension  {@code jar} unless given
 * @param classifier {@code ""} unless given
 */
public record Coordinates(String groupId, String artifactId, String extension, String classifier, String version) {

    public Coordinates {
        Objects.requireNonNull(groupId);
        Objects.requireNonNull(artifactId);
        extension = extension == null || extension.isEmpty() ? "jar" : extension;
        classifier = classifier == null ? "" : classifier;
        Objects.requireNonNull(version);
    }

    /** {@code group:artifact:version} of a jar. */
    public static Coordinates of(String groupId, String artifactId, String version) {
        return new Coordinates(groupId, artifactId, "jar", "", version);
    }

    /**
     * Reads coordinates as written in {@code %maven}.
     *
     * @throws MavenInputException naming the column of the part that is wrong
     */
    public static Coordinates parse(String text) throws MavenInputException {
        String[] parts = text.split(":", -1);
        if (parts.length < 3 || parts.length > 5) {
            throw new MavenInputException(text, 1, "'" + text + "' is not group:artifact:version (such as "
                    + "org.postgresql:postgresql:42.7.8)");
        }
        int column = 1;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            boolean optional = parts.length == 5 && i == 3; // a classifier may be empty
            if (p.isEmpty() && !optional) {
                throw new MavenInputException(text, column, "'" + text + "' has an empty " + role(parts.length, i)
                        + " at column " + column);
            }
            if (!p.matches("[A-Za-z0-9_.\\-\\[\\](),]*")) {
                throw new MavenInputException(text, column, "'" + text + "' has a character Maven does not allow in its "
                        + role(parts.length, i) + " at column " + column + ": " + p);
            }
            column += p.length() + 1;
        }
        return switch (parts.length) {
            case 3 -> new Coordinates(parts[0], parts[1], "jar", "", parts[2]);
            case 4 -> new Coordinates(parts[0], parts[1], parts[2], "", parts[3]);
            default -> new Coordinates(parts[0], parts[1], parts[2], parts[3], parts[4]);
        };
    }

    private static String role(int count, int i) {
        return switch (i) {
            case 0 -> "group id";
            case 1 -> "artifact id";
            default -> i == count - 1 ? "version" : i == 2 ? "extension" : "classifier";
        };
    }

    /** {@code group:artifact}, the identity two versions of one library share. */
    public String key() {
        return groupId + ":" + artifactId;
    }

    /** The same artifact at another version. */
    public Coordinates withVersion(String v) {
        return new Coordinates(groupId, artifactId, extension, classifier, v);
    }

    /** As written in {@code %maven}; extension and classifier only when they are not the defaults. */
    @Override
    public String toString() {
        if (!classifier.isEmpty()) {
            return groupId + ":" + artifactId + ":" + extension + ":" + classifier + ":" + version;
        }
        return extension.equals("jar") ? groupId + ":" + artifactId + ":" + version
                : groupId + ":" + artifactId + ":" + extension + ":" + version;
    }
}
