package io.iotj.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Maven dependencies of a notebook as they travel to a remote node with the snippets a part
 * needs: one source line, a Java comment ({@code //@iotj-maven g:a:v ... | id=url ...}), so that
 * the snippet list stays plain sources; the node resolves the coordinates itself and adds the jars
 * to its JShell before it compiles the snippets after it.
 *
 * @param coordinates  what the notebook asked for
 * @param repositories the extra repositories it named
 */
public record ShippedDependencies(List<Coordinates> coordinates, List<Repository> repositories) {
    private static final String PREFIX = "//@iotj-maven ";

    /** The source line to ship. */
    public String toSource() {
        StringBuilder sb = new StringBuilder(PREFIX);
        coordinates.forEach(c -> sb.append(c).append(' '));
        sb.append('|');
        repositories.forEach(r -> sb.append(' ').append(r.id()).append('=').append(r.url()));
        return sb.toString();
    }

    /**
     * The dependencies a shipped source line carries; empty for any other source.
     *
     * @throws MavenInputException when the line is one of ours but malformed
     */
    public static Optional<ShippedDependencies> fromSource(String source) throws MavenInputException {
        String s = source.strip();
        if (!s.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] halves = s.substring(PREFIX.length()).split("\\|", 2);
        List<Coordinates> coords = new ArrayList<>();
        for (String c : halves[0].trim().split("\\s+")) {
            if (!c.isEmpty()) {
                coords.add(Coordinates.parse(c));
            }
        }
        List<Repository> repos = new ArrayList<>();
        if (halves.length > 1) {
            for (String r : halves[1].trim().split("\\s+")) {
                int eq = r.indexOf('=');
                if (eq > 0) {
                    repos.add(new Repository(r.substring(0, eq), r.substring(eq + 1)));
                }
            }
        }
        return Optional.of(new ShippedDependencies(List.copyOf(coords), List.copyOf(repos)));
    }
}
