package io.iotj.maven;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's settings.xml is honoured (local repository, mirrors), and a repository nobody answers
 * at is a clear error naming the artifact, the cause and where the resolver looked.
 */
class UnreachableRepositoryTest {
    @Test
    void aMirrorThatDoesNotAnswerIsNamedInTheError(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Path settings = dir.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <localRepository>%s</localRepository>
                  <mirrors><mirror><id>dead-mirror</id><mirrorOf>*</mirrorOf><url>http://127.0.0.1:%d/maven2</url></mirror></mirrors>
                </settings>""".formatted(dir.resolve("repo"), port));
        System.setProperty("iotj.maven.settings", settings.toString());
        try {
            List<String> progress = new ArrayList<>();
            ResolutionException e = assertThrows(ResolutionException.class, () -> Resolvers.load().resolve(
                    List.of(Coordinates.of("org.postgresql", "postgresql", "42.7.8")), List.of(), List.of(),
                    progress::add));
            String m = e.getMessage();
            assertTrue(m.startsWith("could not resolve org.postgresql:postgresql:jar:42.7.8: its POM could not be downloaded"), m);
            assertTrue(m.contains("Connection refused"), "the cause: " + m);
            assertTrue(m.contains("dead-mirror") && m.contains("127.0.0.1:" + port), "where it looked: " + m);
            assertTrue(m.contains(dir.resolve("repo").toString()), "the settings' local repository: " + m);
        } finally {
            System.clearProperty("iotj.maven.settings");
        }
    }
}
