package io.iotj.maven;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes the {@link ArtifactResolver}. Maven Resolver and its libraries (HTTP client, commons-codec,
 * plexus, ...) are loaded in a class loader of their own when the installed kernel keeps them in a
 * {@code maven/} folder beside this jar: the user's cells never see them, so a cell may load any
 * version of those libraries. Without that folder (tests, a node that has them on its classpath) they
 * come from this class's loader.
 */
public final class Resolvers {
    /** The folder beside iotj-maven's jar that holds Maven Resolver's jars in an installed kernel. */
    public static final String FOLDER = "maven";
    private static final String IMPLEMENTATION = "io.iotj.maven.resolver.MavenArtifactResolver";

    private Resolvers() {
    }

    /**
     * The resolver; builds Maven Resolver's components (about 100 ms), so keep it.
     *
     * @throws IllegalStateException when Maven Resolver is not installed
     */
    public static ArtifactResolver load() {
        ClassLoader loader = isolatedLoader().orElse(Resolvers.class.getClassLoader());
        try {
            return (ArtifactResolver) Class.forName(IMPLEMENTATION, true, loader).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("Maven Resolver is not installed with this kernel (" + e
                    + "); reinstall with install/install.sh", e);
        }
    }

    private static java.util.Optional<ClassLoader> isolatedLoader() {
        try {
            Path own = Path.of(Resolvers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path folder = own.getParent() == null ? null : own.getParent().resolve(FOLDER);
            if (!Files.isRegularFile(own) || folder == null || !Files.isDirectory(folder)) {
                return java.util.Optional.empty();
            }
            List<URL> urls = new ArrayList<>();
            urls.add(own.toUri().toURL());
            try (Stream<Path> jars = Files.list(folder)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(jar.toUri().toURL());
                }
            }
            return java.util.Optional.of(new ResolverLoader(urls.toArray(URL[]::new), Resolvers.class.getClassLoader()));
        } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Parent-first like any loader (so the API types are the kernel's), except for the resolver's
     * implementation package, which must be defined here to see Maven Resolver.
     */
    private static final class ResolverLoader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        ResolverLoader(URL[] urls, ClassLoader parent) {
            super("iotj-maven-resolver", urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.iotj.maven.resolver.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
