package io.iotj.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a classpath already holds: the Maven artifacts of its jars and the packages of their classes,
 * so that a library the user loads can be checked against it. A jar's artifact comes from, in turn:
 * the {@value #LISTING} file beside it (install.sh writes one for the kernel's lib folder, since
 * jars built by other tools carry no Maven metadata), its path in a Maven repository layout, or the
 * {@code META-INF/maven/.../pom.properties} Maven writes into the jars it builds.
 */
public final class ClasspathInventory {
    /** The listing of a folder's jars as Maven resolved them: lines of {@code dependency:list}. */
    public static final String LISTING = "artifacts.txt";
    private static final java.util.regex.Pattern LISTED = java.util.regex.Pattern.compile(
            "^\\s*([^:\\s]+):([^:\\s]+):([^:\\s]+)(?::([^:\\s]+))?:([^:\\s]+):(?:compile|runtime|provided|system)\\b.*");
    private final Map<Path, Map<String, Coordinates>> listings = new HashMap<>();
    private final Map<String, Coordinates> artifacts = new LinkedHashMap<>();
    private final Map<String, Path> jarsByArtifact = new HashMap<>();
    private final Map<String, Path> packages = new HashMap<>();

    private ClasspathInventory() {
    }

    /** The inventory of this JVM's own classpath ({@code java.class.path}). */
    public static ClasspathInventory ofThisJvm() {
        List<Path> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(Path.of(e));
            }
        }
        return of(entries);
    }

    /** The inventory of the jars among {@code entries}; folders and unreadable files are skipped. */
    public static ClasspathInventory of(List<Path> entries) {
        ClasspathInventory inv = new ClasspathInventory();
        for (Path p : entries) {
            if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) {
                inv.add(p);
            }
        }
        return inv;
    }

    private void add(Path jar) {
        Coordinates known = listed(jar);
        if (known == null) {
            known = fromRepositoryLayout(jar);
        }
        if (known != null) {
            artifacts.putIfAbsent(known.key(), known);
            jarsByArtifact.putIfAbsent(known.key(), jar);
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                    Coordinates c = read(zip, e);
                    if (c != null && matchesJar(c, jar)) {
                        artifacts.putIfAbsent(c.key(), c);
                        jarsByArtifact.putIfAbsent(c.key(), jar);
                    }
                } else {
                    String pkg = packageOf(name);
                    if (pkg != null) {
                        packages.putIfAbsent(pkg, jar);
                    }
                }
            }
        } catch (IOException e) {
            // not a readable jar: nothing to compare against
        }
    }

    /** The artifact the folder's {@value #LISTING} names for this jar's file name, or null. */
    private Coordinates listed(Path jar) {
        Path dir = jar.toAbsolutePath().getParent();
        Map<String, Coordinates> byFile = listings.computeIfAbsent(dir, d -> {
            Map<String, Coordinates> m = new HashMap<>();
            Path listing = d.resolve(LISTING);
            if (Files.isRegularFile(listing)) {
                try {
                    for (String line : Files.readAllLines(listing)) {
                        java.util.regex.Matcher x = LISTED.matcher(line);
                        if (x.matches()) {
                            String classifier = x.group(4) == null ? "" : x.group(4);
                            String version = x.group(5);
                            Coordinates c = new Coordinates(x.group(1), x.group(2), x.group(3), classifier, version);
                            m.put(c.artifactId() + "-" + version + (classifier.isEmpty() ? "" : "-" + classifier)
                                    + "." + c.extension(), c);
                        }
                    }
                } catch (IOException e) {
                    // no listing: the other sources still count
                }
            }
            return m;
        });
        return byFile.get(jar.getFileName().toString());
    }

    /** {@code .../org/x/lib/1.0/lib-1.0.jar} in a Maven repository is {@code org.x:lib:1.0}. */
    private static Coordinates fromRepositoryLayout(Path jar) {
        Path version = jar.toAbsolutePath().getParent();
        Path artifact = version == null ? null : version.getParent();
        if (artifact == null || artifact.getParent() == null) {
            return null;
        }
        String a = artifact.getFileName().toString();
        String v = version.getFileName().toString();
        if (!jar.getFileName().toString().startsWith(a + "-" + v)) {
            return null;
        }
        List<String> group = new ArrayList<>();
        for (Path p = artifact.getParent(); p != null && p.getFileName() != null; p = p.getParent()) {
            if (p.getFileName().toString().equals("repository")) {
                java.util.Collections.reverse(group);
                return group.isEmpty() ? null : Coordinates.of(String.join(".", group), a, v);
            }
            group.add(p.getFileName().toString());
        }
        return null;
    }

    /** A jar that shades others carries their pom.properties too; only its own counts. */
    private static boolean matchesJar(Coordinates c, Path jar) {
        String file = jar.getFileName().toString();
        return file.startsWith(c.artifactId() + "-") || file.equals(c.artifactId() + ".jar");
    }

    private static Coordinates read(ZipFile zip, ZipEntry e) {
        Properties p = new Properties();
        try (InputStream in = zip.getInputStream(e)) {
            p.load(in);
        } catch (IOException x) {
            return null;
        }
        String g = p.getProperty("groupId");
        String a = p.getProperty("artifactId");
        String v = p.getProperty("version");
        return g == null || a == null || v == null ? null : Coordinates.of(g, a, v);
    }

    /** The package of a class entry ({@code com/x/Y.class} is {@code com.x}), or null for anything else. */
    static String packageOf(String entry) {
        if (!entry.endsWith(".class") || entry.endsWith("module-info.class") || entry.endsWith("package-info.class")) {
            return null;
        }
        String name = entry.startsWith("META-INF/versions/") ? entry.replaceFirst("^META-INF/versions/\\d+/", "") : entry;
        if (name.startsWith("META-INF/")) {
            return null;
        }
        int slash = name.lastIndexOf('/');
        return slash < 0 ? null : name.substring(0, slash).replace('/', '.');
    }

    /** The artifact {@code group:artifact} as this classpath has it. */
    public Optional<Coordinates> artifact(String key) {
        return Optional.ofNullable(artifacts.get(key));
    }

    /** Every artifact found, in classpath order. */
    public List<Coordinates> artifacts() {
        return List.copyOf(artifacts.values());
    }

    /** The jar that holds classes of package {@code pkg}, if any. */
    public Optional<Path> jarWithPackage(String pkg) {
        return Optional.ofNullable(packages.get(pkg));
    }

    /** The jar of artifact {@code key}. */
    public Optional<Path> jarOf(String key) {
        return Optional.ofNullable(jarsByArtifact.get(key));
    }

    /** The packages of the classes in {@code jar}. */
    public static List<String> packagesIn(Path jar) throws IOException {
        List<String> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String pkg = packageOf(entries.nextElement().getName());
                if (pkg != null && !out.contains(pkg)) {
                    out.add(pkg);
                }
            }
        }
        return out;
    }
}
