package io.iotj.kernel.jshell;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds the classes JShell compiles from snippets, plus jars added with {@code addToClasspath}.
 * Parent-first, so snippets share the host's classes (display API, streamlib) and host code can call
 * objects made by snippets. The few classes woven code and bindings need always come from our own loader,
 * whatever parent the caller chose.
 */
final class SnippetClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private static final Set<String> OWN_CLASSES = Set.of(
            StopCheck.class.getName(), CellInterruptedError.class.getName(), Bindings.class.getName());

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
        return super.findClass(name);
    }

    @Override
    public void addURL(URL url) {
        super.addURL(url);
    }
}
