package io.iotj.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which resolved jars a session may add next to the kernel's own. */
class DependencyCheckTest {
    @TempDir
    Path dir;

    /** A jar as Maven builds it: its classes and its pom.properties. */
    private Path jar(String g, String a, String v, String... classes) throws Exception {
        Path p = dir.resolve(a + "-" + v + ".jar");
        try (OutputStream out = Files.newOutputStream(p); JarOutputStream j = new JarOutputStream(out)) {
            if (g != null) {
                j.putNextEntry(new JarEntry("META-INF/maven/" + g + "/" + a + "/pom.properties"));
                j.write(("groupId=" + g + "\nartifactId=" + a + "\nversion=" + v + "\n").getBytes());
            }
            for (String c : classes) {
                j.putNextEntry(new JarEntry(c));
                j.write(new byte[] {(byte) 0xca, (byte) 0xfe});
            }
        }
        return p;
    }

    private ClasspathInventory kernel() throws Exception {
        return ClasspathInventory.of(List.of(jar("com.google.code.gson", "gson", "2.11.0", "com/google/gson/Gson.class")));
    }

    @Test
    void theKernelsOwnVersionIsUsedForDependenciesAndNewJarsAreAdded() throws Exception {
        Path lib = jar("org.example", "lib", "1.0", "org/example/Lib.class");
        Path gson = jar("com.google.code.gson", "gson", "2.8.9", "com/google/gson/Gson.class");
        DependencyCheck.Outcome o = DependencyCheck.check(List.of(
                new ResolvedArtifact(Coordinates.of("org.example", "lib", "1.0"), lib, true),
                new ResolvedArtifact(Coordinates.of("com.google.code.gson", "gson", "2.8.9"), gson, false)),
                kernel(), Map.of());
        assertEquals(List.of(lib), o.jars());
        assertEquals(List.of("com.google.code.gson:gson: the kernel's own 2.11.0 is used (2.8.9 was asked for)"), o.notes());
    }

    @Test
    void jarsWithoutMavenMetadataAreKnownFromTheFoldersListingOrTheirRepositoryPath() throws Exception {
        Path plain = jar(null, "checker-qual", "3.41.0", "org/checkerframework/checker/nullness/qual/NonNull.class");
        Files.writeString(dir.resolve(ClasspathInventory.LISTING), """
                The following files have been resolved:
                   org.checkerframework:checker-qual:jar:3.41.0:compile -- module org.checkerframework.checker.qual [auto]
                   org.bytedeco:openblas:jar:linux-x86_64:0.3.30-1.5.12:compile
                """);
        ClasspathInventory listed = ClasspathInventory.of(List.of(plain));
        assertEquals(Coordinates.of("org.checkerframework", "checker-qual", "3.41.0"),
                listed.artifact("org.checkerframework:checker-qual").orElseThrow());
        Path repo = dir.resolve("repository/org/example/tool/2.1");
        Files.createDirectories(repo);
        Path inRepo = Files.copy(plain, repo.resolve("tool-2.1.jar"));
        assertEquals(Coordinates.of("org.example", "tool", "2.1"),
                ClasspathInventory.of(List.of(inRepo)).artifact("org.example:tool").orElseThrow());
    }

    @Test
    void askingForAnotherVersionOfTheKernelsLibraryIsAConflictNamingBoth() throws Exception {
        Path gson = jar("com.google.code.gson", "gson", "2.8.9", "com/google/gson/Gson.class");
        DependencyConflictException e = assertThrows(DependencyConflictException.class, () -> DependencyCheck.check(
                List.of(new ResolvedArtifact(Coordinates.of("com.google.code.gson", "gson", "2.8.9"), gson, true)),
                kernel(), Map.of()));
        assertTrue(e.getMessage().startsWith("com.google.code.gson:gson:2.8.9 conflicts with com.google.code.gson:gson:2.11.0,"
                + " which the kernel itself uses (gson-2.11.0.jar)"), e.getMessage());
    }

    @Test
    void aJarRepackagingTheKernelsClassesOrASecondVersionOfALoadedOneIsRefused() throws Exception {
        Path shaded = jar("org.example", "fat", "1.0", "org/example/Fat.class", "com/google/gson/Gson.class");
        DependencyConflictException e = assertThrows(DependencyConflictException.class, () -> DependencyCheck.check(
                List.of(new ResolvedArtifact(Coordinates.of("org.example", "fat", "1.0"), shaded, true)), kernel(), Map.of()));
        assertTrue(e.getMessage().contains("holds classes of package com.google.gson, which the kernel's gson-2.11.0.jar"),
                e.getMessage());
        Path v2 = jar("org.example", "lib", "2.0", "org/example/Lib.class");
        DependencyConflictException twice = assertThrows(DependencyConflictException.class, () -> DependencyCheck.check(
                List.of(new ResolvedArtifact(Coordinates.of("org.example", "lib", "2.0"), v2, true)), kernel(),
                Map.of("org.example:lib", Coordinates.of("org.example", "lib", "1.0"))));
        assertTrue(twice.getMessage().contains("which this session loaded earlier"), twice.getMessage());
    }
}
