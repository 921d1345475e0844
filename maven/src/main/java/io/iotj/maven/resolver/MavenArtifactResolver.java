package io.iotj.maven.resolver;

import io.iotj.maven.ArtifactResolver;
import io.iotj.maven.Coordinates;
import io.iotj.maven.Repository;
import io.iotj.maven.ResolutionException;
import io.iotj.maven.ResolvedArtifact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.AuthenticationSelector;
import org.eclipse.aether.repository.MirrorSelector;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.ProxySelector;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

/**
 * {@link ArtifactResolver} on Maven Resolver, configured from the user's settings on every call (so
 * an edited settings.xml counts at once). Runtime classpath: compile and runtime scopes; optional
 * dependencies left out, as Maven leaves them out of a dependent project.
 */
public final class MavenArtifactResolver implements ArtifactResolver {
    private static final RemoteRepository CENTRAL = new RemoteRepository.Builder("central", "default",
            "https://repo.maven.apache.org/maven2/").build();
    private final RepositorySystem system = new RepositorySystemSupplier().get();

    @Override
    public List<ResolvedArtifact> resolve(List<Coordinates> wanted, Collection<Coordinates> managed,
                                          List<Repository> repositories, Consumer<String> progress)
            throws ResolutionException {
        Settings settings = settings();
        try (RepositorySystemSession.CloseableSession session = session(settings, progress)) {
            CollectRequest collect = new CollectRequest();
            for (Coordinates c : wanted) {
                collect.addDependency(new Dependency(artifact(c), JavaScopes.RUNTIME));
            }
            for (Coordinates c : managed) {
                collect.addManagedDependency(new Dependency(artifact(c), JavaScopes.RUNTIME));
            }
            collect.setRepositories(system.newResolutionRepositories(session, remotes(settings, repositories)));
            DependencyRequest request = new DependencyRequest(collect,
                    DependencyFilterUtils.classpathFilter(JavaScopes.COMPILE, JavaScopes.RUNTIME));
            List<ResolvedArtifact> out = new ArrayList<>();
            Set<String> asked = new LinkedHashSet<>();
            wanted.forEach(c -> asked.add(c.key()));
            for (ArtifactResult r : system.resolveDependencies(session, request).getArtifactResults()) {
                Artifact a = r.getArtifact();
                Coordinates c = new Coordinates(a.getGroupId(), a.getArtifactId(), a.getExtension(), a.getClassifier(),
                        a.getVersion());
                out.add(new ResolvedArtifact(c, a.getPath(), asked.contains(c.key())));
            }
            return out;
        } catch (DependencyResolutionException e) {
            throw new ResolutionException(ResolutionProblems.describe(e, whereItLooks(settings, repositories)));
        } catch (IllegalArgumentException e) {
            throw new ResolutionException(e.getMessage());
        }
    }

    @Override
    public String whereItLooks(List<Repository> repositories) {
        try {
            return whereItLooks(settings(), repositories);
        } catch (ResolutionException e) {
            return e.getMessage();
        }
    }

    private String whereItLooks(Settings settings, List<Repository> repositories) {
        StringBuilder sb = new StringBuilder("local repository " + UserSettings.localRepository(settings));
        if (settings.isOffline()) {
            sb.append(" (offline: settings.xml says so)");
            return sb.toString();
        }
        MirrorSelector mirrors = mirrors(settings);
        for (RemoteRepository r : remotes(settings, repositories)) {
            RemoteRepository m = mirrors.getMirror(r);
            sb.append(", ").append(r.getId()).append(" (").append(m != null ? "mirror " + m.getId() + " " + m.getUrl()
                    : r.getUrl()).append(")");
        }
        return sb.toString();
    }

    private static Settings settings() throws ResolutionException {
        try {
            return UserSettings.read();
        } catch (SettingsBuildingException e) {
            throw new ResolutionException("cannot read the Maven settings " + UserSettings.userFile() + ":\n"
                    + UserSettings.describe(e));
        }
    }

    private RepositorySystemSession.CloseableSession session(Settings settings, Consumer<String> progress) {
        return new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(UserSettings.localRepository(settings))
                .setOffline(settings.isOffline())
                .setMirrorSelector(mirrors(settings))
                .setProxySelector(proxies(settings))
                .setAuthenticationSelector(credentials(settings))
                .setTransferListener(new DownloadProgress(progress))
                .setSystemProperties(System.getProperties())
                .setConfigProperty("aether.connector.requestTimeout", 60_000)
                .setConfigProperty("aether.connector.connectTimeout", 10_000)
                .build();
    }

    private static List<RemoteRepository> remotes(Settings settings, List<Repository> extra) {
        List<RemoteRepository> out = new ArrayList<>();
        out.add(CENTRAL);
        for (String active : settings.getActiveProfiles()) {
            settings.getProfiles().stream().filter(p -> p.getId().equals(active))
                    .flatMap(p -> p.getRepositories().stream())
                    .forEach(r -> out.add(new RemoteRepository.Builder(r.getId(), "default", r.getUrl()).build()));
        }
        for (Repository r : extra) {
            out.add(new RemoteRepository.Builder(r.id(), "default", r.url()).build());
        }
        return out;
    }

    private static MirrorSelector mirrors(Settings settings) {
        DefaultMirrorSelector selector = new DefaultMirrorSelector();
        for (Mirror m : settings.getMirrors()) {
            selector.add(m.getId(), m.getUrl(), m.getLayout(), false, m.isBlocked(), m.getMirrorOf(),
                    m.getMirrorOfLayouts());
        }
        return selector;
    }

    private static ProxySelector proxies(Settings settings) {
        DefaultProxySelector selector = new DefaultProxySelector();
        for (org.apache.maven.settings.Proxy p : settings.getProxies()) {
            if (p.isActive()) {
                AuthenticationBuilder auth = new AuthenticationBuilder();
                if (p.getUsername() != null) {
                    auth.addUsername(p.getUsername()).addPassword(p.getPassword());
                }
                selector.add(new Proxy(p.getProtocol(), p.getHost(), p.getPort(), auth.build()), p.getNonProxyHosts());
            }
        }
        return selector;
    }

    private static AuthenticationSelector credentials(Settings settings) {
        DefaultAuthenticationSelector selector = new DefaultAuthenticationSelector();
        for (Server s : settings.getServers()) {
            AuthenticationBuilder auth = new AuthenticationBuilder();
            if (s.getUsername() != null) {
                auth.addUsername(s.getUsername()).addPassword(s.getPassword());
            }
            if (s.getPrivateKey() != null) {
                auth.addPrivateKey(s.getPrivateKey(), s.getPassphrase());
            }
            selector.add(s.getId(), auth.build());
        }
        return selector;
    }

    private static Artifact artifact(Coordinates c) {
        return new DefaultArtifact(c.groupId(), c.artifactId(), c.classifier(), c.extension(), c.version());
    }
}
