package io.iotj.maven;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Resolves dependencies with their transitive dependencies (compile and runtime scopes) as Maven
 * does, honouring the user's {@code ~/.m2/settings.xml}: local repository, offline mode, mirrors,
 * proxies and server credentials. Get one with {@link Resolvers#load()}.
 */
public interface ArtifactResolver {

    /**
     * Resolves {@code wanted} and everything it needs, downloading what the local repository lacks.
     *
     * @param wanted       what the user asked for
     * @param managed      versions to use wherever these artifacts turn up in the tree (what is
     *                     loaded already), as Maven's dependency management would
     * @param repositories repositories to look in besides Maven Central and the settings' ones
     * @param progress     receives one line per download started, progressed and finished
     * @return the artifacts in classpath order, the asked-for ones marked direct
     * @throws ResolutionException naming what could not be found and where it was looked for
     */
    List<ResolvedArtifact> resolve(List<Coordinates> wanted, Collection<Coordinates> managed,
                                   List<Repository> repositories, Consumer<String> progress)
            throws ResolutionException;

    /** Where it looks: local repository, offline or not, repositories and mirrors, for messages. */
    String whereItLooks(List<Repository> repositories);
}
