package io.iotj.kernel.jshell;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds the classes JShell compiles from snippets, plus jars added with {@code addToClasspath}.
 * Parent-first, so snippets share the host's classes (display API, streamlib) and host code can call
 * objects made by snippets. The few classes woven code and bindings need always come from our own loader,
 * whatever parent the caller chose. Classes of added jars that call {@code System.exit} or
 * {@code Runtime.exit/halt} are defined with those calls refused ({@link SnippetWeaver#weaveLibraryClass}).
 */
final class SnippetClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private static final Set<String> OWN_CLASSES = Set.of(
            StopCheck.class.getName(), CellInterruptedError.class.getName(), Bindings.class.getName(),
            ExitGuard.class.getName(), ExitRefusedError.class.getName());

    private final Map<String, byte[]> declared = new ConcurrentHashMap<>();

    SnippetClassLoader(ClassLoader parent) {
        super("iotj-snippets", new URL[0], parent);
    }

    void declare(String name, byte[] bytes) {
        declared.put(name, bytes);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (OWN_CLASSES.contains(name)) {
            return SnippetClassLoader.class.getClassLoader().loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = declared.get(name);
        if (bytes != null) {
            return defineClass(name, bytes, 0, bytes.length);
        }
        Class<?> guarded = findGuardedLibraryClass(name);
        return guarded != null ? guarded : super.findClass(name);
    }

    /** A class of an added jar whose exit calls had to be refused, or null for the usual definition. */
    private Class<?> findGuardedLibraryClass(String name) throws ClassNotFoundException {
        String path = name.replace('.', '/') + ".class";
        URL url = findResource(path);
        if (url == null) {
            return null;
        }
        byte[] original;
        try (InputStream in = url.openStream()) {
            original = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name + ": " + e.getMessage(), e);
        }
        byte[] woven = SnippetWeaver.weaveLibraryClass(original);
        if (woven == original) {
            return null;
        }
        definePackageOf(name);
        CodeSource source = new CodeSource(codeSourceOf(url, path), (CodeSigner[]) null);
        return defineClass(name, woven, 0, woven.length, new ProtectionDomain(source, null, this, null));
    }

    private void definePackageOf(String className) {
        int dot = className.lastIndexOf('.');
        if (dot > 0 && getDefinedPackage(className.substring(0, dot)) == null) {
            try {
                definePackage(className.substring(0, dot), null, null, null, null, null, null, null);
            } catch (IllegalArgumentException e) {
                // defined meanwhile by another thread
            }
        }
    }

    /** The jar or folder a class resource came from. */
    private static URL codeSourceOf(URL resource, String path) {
        String s = resource.toString();
        try {
            if (s.startsWith("jar:") && s.contains("!/")) {
                return URI.create(s.substring(4, s.indexOf("!/"))).toURL();
            }
            return URI.create(s.substring(0, s.length() - path.length())).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            return resource;
        }
    }

    @Override
    public void addURL(URL url) {
        super.addURL(url);
    }
}
