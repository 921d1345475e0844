package io.iotj.kernel.jshell;

import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.PersistentSnippet;
import jdk.jshell.Snippet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sources another process (a remote node) needs to define the named cell methods itself:
 * every import, the methods with those names, and, followed transitively through the identifiers
 * their text mentions, the other methods, classes and variables they use, in the order the
 * notebook defined them. Variables travel as their
 * declarations (a node computes their initial value again), not as their current values.
 */
final class SnippetSources {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private SnippetSources() {}

    /** The sources, in definition order, for the functions {@code names}; empty when none is a JShell method. */
    static List<String> collect(JShell shell, Collection<String> names) {
        List<Snippet> active = shell.snippets().filter(s -> shell.status(s).isActive()).toList();
        Set<Snippet> chosen = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(names);
        Set<String> seen = new LinkedHashSet<>();
        boolean any = false;
        while (!todo.isEmpty()) {
            String name = todo.removeLast();
            if (!seen.add(name)) continue;
            for (Snippet s : active) {
                if (s instanceof PersistentSnippet p && !(s instanceof ImportSnippet) && p.name().equals(name) && chosen.add(s)) {
                    if (names.contains(name) && s.kind() == Snippet.Kind.METHOD) any = true;
                    Matcher m = IDENT.matcher(s.source());
                    while (m.find()) todo.add(m.group());
                }
            }
        }
        if (!any) return List.of();
        List<String> out = new ArrayList<>();
        for (Snippet s : active) {
            if (s.kind() == Snippet.Kind.IMPORT || chosen.contains(s)) out.add(s.source());
        }
        return out;
    }
}
