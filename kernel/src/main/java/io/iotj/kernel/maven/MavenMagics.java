package io.iotj.kernel.maven;

import io.iotj.display.MimeBundle;
import io.iotj.kernel.magic.MagicRegistry;
import io.iotj.maven.ArtifactResolver;
import io.iotj.maven.ClasspathInventory;
import io.iotj.maven.Coordinates;
import io.iotj.maven.DependencyCheck;
import io.iotj.maven.MavenInputException;
import io.iotj.maven.PomDependencies;
import io.iotj.maven.Repository;
import io.iotj.maven.ResolvedArtifact;
import io.iotj.maven.Resolvers;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code %maven group:artifact:version ...} and {@code %%loadFromPOM}: resolve artifacts with their
 * transitive dependencies (Maven Resolver, the user's settings.xml) and add their jars to the session,
 * so that the next cell can import them. Nothing is added unless everything resolved and no jar
 * clashes with the kernel's own ({@link DependencyCheck}): a failed load leaves the session as it was.
 */
public final class MavenMagics {
    private final Consumer<String> classpath;
    private final Supplier<PrintStream> out;
    private final SessionDependencies dependencies = new SessionDependencies();
    private ArtifactResolver resolver;
    private ClasspathInventory kernelJars;

    /**
     * @param classpath adds entries (joined with the path separator) to the session's classpath
     * @param out       where progress goes (the cell's stdout)
     */
    public MavenMagics(Consumer<String> classpath, Supplier<PrintStream> out) {
        this.classpath = classpath;
        this.out = out;
    }

    public void register(MagicRegistry registry) {
        registry.registerLineMagic("maven", this::maven);
        registry.registerCellMagic("loadFromPOM", (args, body) -> loadFromPom(args, body));
    }

    /** What the session loaded, for remote nodes. */
    public SessionDependencies dependencies() {
        return dependencies;
    }

    /** {@code %maven coordinates...}; without arguments, what was loaded so far. */
    Object maven(List<String> args) throws Exception {
        if (args.isEmpty()) {
            List<Coordinates> loaded = dependencies.loadedInOrder();
            return MimeBundle.text(loaded.isEmpty() ? "Nothing loaded with %maven yet; write %maven "
                    + "group:artifact:version" : "Loaded with %maven and %%loadFromPOM:\n" + loaded.stream()
                    .map(Coordinates::toString).collect(Collectors.joining("\n")));
        }
        List<Coordinates> wanted = new ArrayList<>();
        for (String a : args) {
            try {
                wanted.add(Coordinates.parse(a));
            } catch (MavenInputException e) {
                throw new IllegalArgumentException("%maven: " + e.getMessage());
            }
        }
        return load(wanted, List.of(), List.of());
    }

    /** {@code %%loadFromPOM}: {@code <dependency>} elements or a whole POM. */
    Object loadFromPom(List<String> args, String body) throws Exception {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("%%loadFromPOM takes no arguments: put <dependency> elements (or a "
                    + "POM) in the cell below it");
        }
        PomDependencies pom;
        try {
            pom = PomDependencies.read(body);
        } catch (MavenInputException e) {
            // the body starts on the cell's second line
            throw new PomError("line " + (e.line() + 1) + ", column " + e.column() + ": " + e.getMessage()
                    + "\n" + e.excerpt());
        }
        if (pom.dependencies().isEmpty()) {
            throw new IllegalArgumentException("%%loadFromPOM: nothing to load; left out: " + pom.skipped());
        }
        List<String> notes = new ArrayList<>();
        pom.skipped().forEach(s -> notes.add(s + ": left out"));
        return load(pom.dependencies(), pom.repositories(), notes);
    }

    private Object load(List<Coordinates> wanted, List<Repository> repositories, List<String> notes) throws Exception {
        PrintStream progress = out.get();
        progress.println("Resolving " + wanted.stream().map(Coordinates::toString).collect(Collectors.joining(", "))
                + " ...");
        ClasspathInventory kernel = kernelJars();
        List<ResolvedArtifact> resolved = resolver().resolve(wanted,
                DependencyCheck.managed(kernel, dependencies.loaded().values()),
                concat(dependencies.repositories(), repositories), progress::println);
        DependencyCheck.Outcome outcome = DependencyCheck.check(resolved, kernel, dependencies.loaded());
        if (!outcome.jars().isEmpty()) {
            classpath.accept(outcome.jars().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        }
        dependencies.record(wanted, outcome.added(), repositories);
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.addAll(outcome.notes());
        return summary(outcome.added(), allNotes);
    }

    private static List<Repository> concat(List<Repository> a, List<Repository> b) {
        List<Repository> out = new ArrayList<>(a);
        b.stream().filter(r -> !out.contains(r)).forEach(out::add);
        return out;
    }

    private synchronized ArtifactResolver resolver() {
        if (resolver == null) {
            resolver = Resolvers.load();
        }
        return resolver;
    }

    private synchronized ClasspathInventory kernelJars() {
        if (kernelJars == null) {
            kernelJars = ClasspathInventory.ofThisJvm();
        }
        return kernelJars;
    }

    private static MimeBundle summary(List<ResolvedArtifact> added, List<String> notes) {
        StringBuilder text = new StringBuilder(added.isEmpty() ? "Nothing new to add: the session has all of it."
                : "Added " + added.size() + (added.size() == 1 ? " jar" : " jars") + " to the session:");
        StringBuilder html = new StringBuilder("<div class=\"iotj-maven\"><p>").append(escape(text.toString()))
                .append("</p>");
        if (!added.isEmpty()) {
            html.append("<table><thead><tr><th style=\"text-align:left\">Artifact</th><th style=\"text-align:left\">"
                    + "Version</th><th style=\"text-align:right\">Size</th></tr></thead><tbody>");
            for (ResolvedArtifact a : added) {
                Coordinates c = a.coordinates();
                String size = size(a.file());
                text.append("\n  ").append(c).append(a.direct() ? "" : "  (needed by what you asked for)");
                html.append("<tr><td style=\"text-align:left\"><code>").append(escape(c.key())).append("</code>")
                        .append(a.direct() ? "" : " <small>(dependency)</small>").append("</td><td style=\"text-align:left\">")
                        .append(escape(c.version())).append("</td><td style=\"text-align:right\">").append(size)
                        .append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        if (!notes.isEmpty()) {
            text.append("\nNot added:");
            html.append("<p>Not added:</p><ul>");
            for (String n : notes) {
                text.append("\n  ").append(n);
                html.append("<li>").append(escape(n)).append("</li>");
            }
            html.append("</ul>");
        }
        return new MimeBundle().put(MimeBundle.HTML, html.append("</div>").toString()).put(MimeBundle.TEXT, text.toString());
    }

    private static String size(Path file) {
        try {
            long b = Files.size(file);
            return b < 1 << 20 ? String.format(Locale.ROOT, "%.0f kB", b / 1024.0)
                    : String.format(Locale.ROOT, "%.1f MB", b / (double) (1 << 20));
        } catch (Exception e) {
            return "";
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A malformed POM text, positioned in the cell. */
    static final class PomError extends Exception {
        private static final long serialVersionUID = 1L;

        PomError(String message) {
            super(message, null, false, false);
        }
    }
}
