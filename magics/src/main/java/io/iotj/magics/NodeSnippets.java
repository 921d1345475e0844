package io.iotj.magics;

import io.iotj.kernel.session.NotebookSession;

import java.util.Collection;
import java.util.List;

/**
 * The notebook sources shipped with a part to a remote node: what the named functions need
 * (imports, the methods, and the methods, classes and variables they use, found by
 * {@link NotebookSession#sourcesFor}), without imports of the kernel's own packages, which a node lacks.
 */
final class NodeSnippets {
    private NodeSnippets() {
    }

    /** The sources, in definition order; empty when no name is a notebook method. */
    static List<String> collect(NotebookSession session, Collection<String> names) {
        List<String> sources = session.sourcesFor(names);
        return sources.stream().filter(s -> !kernelOnlyImport(s)).toList();
    }

    /** An import of the display API, the kernel or the magics: they exist in the kernel only. */
    static boolean kernelOnlyImport(String source) {
        String s = source.strip();
        return s.startsWith("import ") && (s.contains("io.iotj.display") || s.contains("io.iotj.kernel")
                || s.contains("io.iotj.magics"));
    }
}
