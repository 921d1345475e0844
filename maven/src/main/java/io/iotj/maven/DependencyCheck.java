package io.iotj.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which resolved jars a session may add. A JVM cannot hold two versions of one class, and
 * the session's class loader asks the kernel's first, so a jar whose classes the kernel (or an
 * earlier load) already has would be silently shadowed: a {@code NoSuchMethodError} hours later.
 * Such a jar is refused with a message naming both sides; the same artifact at the same version is
 * simply not added twice.
 */
public final class DependencyCheck {
    private DependencyCheck() {
    }

    /**
     * What to add.
     *
     * @param jars  the jars to add to the session, in classpath order
     * @param added their artifacts
     * @param notes what was left out and why, for the user to read
     */
    public record Outcome(List<Path> jars, List<ResolvedArtifact> added, List<String> notes) {
    }

    /**
     * @param resolved what the resolver returned
     * @param kernel   the kernel's own classpath
     * @param loaded   what earlier loads added to the session, by {@code group:artifact}
     * @throws DependencyConflictException when a jar would clash with one already there
     */
    public static Outcome check(List<ResolvedArtifact> resolved, ClasspathInventory kernel,
                                Map<String, Coordinates> loaded) throws DependencyConflictException {
        List<Path> jars = new ArrayList<>();
        List<ResolvedArtifact> added = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (ResolvedArtifact r : resolved) {
            Coordinates c = r.coordinates();
            Optional<Coordinates> inKernel = kernel.artifact(c.key());
            Coordinates before = loaded.get(c.key());
            if (inKernel.isPresent()) {
                if (inKernel.get().version().equals(c.version()) || !r.direct()) {
                    notes.add(c.key() + ": the kernel's own " + inKernel.get().version() + " is used"
                            + (inKernel.get().version().equals(c.version()) ? "" : " (" + c.version() + " was asked for)"));
                    continue;
                }
                conflicts.add(c + " conflicts with " + inKernel.get() + ", which the kernel itself uses ("
                        + kernel.jarOf(c.key()).map(p -> p.getFileName().toString()).orElse("its classpath")
                        + "); ask for " + inKernel.get().version() + " or leave it out");
                continue;
            }
            if (before != null) {
                if (!before.version().equals(c.version())) {
                    conflicts.add(c + " conflicts with " + before + ", which this session loaded earlier; a session "
                            + "holds one version of a library (restart the kernel to change it)");
                }
                continue;
            }
            if (r.file() == null || !r.coordinates().extension().equals("jar")) {
                notes.add(c + ": not a jar, not added to the classpath");
                continue;
            }
            String clash = packageClash(r.file(), kernel);
            if (clash != null) {
                conflicts.add(c + " holds classes of package " + clash);
                continue;
            }
            jars.add(r.file());
            added.add(r);
        }
        if (!conflicts.isEmpty()) {
            throw new DependencyConflictException(String.join("\n", conflicts));
        }
        return new Outcome(List.copyOf(jars), List.copyOf(added), List.copyOf(notes));
    }

    /** A package of {@code jar} that a kernel jar holds too, described, or null. */
    private static String packageClash(Path jar, ClasspathInventory kernel) {
        try {
            for (String pkg : ClasspathInventory.packagesIn(jar)) {
                Optional<Path> owner = kernel.jarWithPackage(pkg);
                if (owner.isPresent()) {
                    return pkg + ", which the kernel's " + owner.get().getFileName() + " holds too (the kernel's "
                            + "classes would win, silently)";
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The versions to manage transitive dependencies to: the kernel's and the session's. */
    public static List<Coordinates> managed(ClasspathInventory kernel, Collection<Coordinates> loaded) {
        List<Coordinates> out = new ArrayList<>(kernel.artifacts());
        out.addAll(loaded);
        return out;
    }
}
