package io.iotj.kernel.maven;

import io.iotj.maven.Coordinates;
import io.iotj.maven.Repository;
import io.iotj.maven.ResolvedArtifact;
import io.iotj.maven.ShippedDependencies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code %maven} and {@code %%loadFromPOM} added to the session: the artifacts (one version
 * each), what the user asked for (for remote nodes, which resolve the same coordinates themselves)
 * and the extra repositories named.
 */
public final class SessionDependencies {
    private final Map<String, Coordinates> loaded = new LinkedHashMap<>();
    private final Set<Coordinates> asked = new LinkedHashSet<>();
    private final Set<Repository> repositories = new LinkedHashSet<>();

    synchronized void record(List<Coordinates> wanted, List<ResolvedArtifact> added, List<Repository> repos) {
        for (ResolvedArtifact a : added) {
            loaded.putIfAbsent(a.coordinates().key(), a.coordinates());
        }
        asked.addAll(wanted);
        repositories.addAll(repos);
    }

    /** The artifacts loaded so far, by {@code group:artifact}. */
    public synchronized Map<String, Coordinates> loaded() {
        return Map.copyOf(loaded);
    }

    /** What the user asked for, in order: enough for another process to resolve the same jars. */
    public synchronized List<Coordinates> asked() {
        return List.copyOf(asked);
    }

    /** The repositories named by {@code %%loadFromPOM}, besides Maven Central and the settings' ones. */
    public synchronized List<Repository> repositories() {
        return List.copyOf(repositories);
    }

    /**
     * What a remote node must resolve before it compiles the session's methods: one source line
     * ({@link ShippedDependencies}), or nothing when nothing was loaded.
     */
    public synchronized List<String> shippedSources() {
        return asked.isEmpty() ? List.of()
                : List.of(new ShippedDependencies(List.copyOf(asked), List.copyOf(repositories)).toSource());
    }

    synchronized List<Coordinates> loadedInOrder() {
        return new ArrayList<>(loaded.values());
    }
}
