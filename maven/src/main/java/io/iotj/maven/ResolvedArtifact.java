package io.iotj.maven;

import java.nio.file.Path;

/**
 * One artifact of a resolved dependency tree, with its file in the local repository.
 *
 * @param direct whether the user asked for it (else it came as a dependency of one that was asked for)
 */
public record ResolvedArtifact(Coordinates coordinates, Path file, boolean direct) {
}
