package io.iotj.kernel.jshell;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to build a {@link JavaEvaluator}.
 *
 * @param classpath        entries the compiler sees (the host's own classes must be here for snippets to use them)
 * @param startupSnippets  run before the first cell, in order; a failing one is reported in
 *                         {@link JavaEvaluator#startupProblems()} and never stops the rest
 * @param parent           parent class loader of snippet classes (parent-first), so snippets share host classes
 * @param compilerOptions  extra javac options
 * @param stopGrace        how long {@link JavaEvaluator#interrupt()} waits for a cell before abandoning its thread
 */
public record EvaluatorConfig(List<String> classpath, List<String> startupSnippets, ClassLoader parent,
                              List<String> compilerOptions, Duration stopGrace) {

    /** The imports JShell's own tool starts with. */
    public static final List<String> DEFAULT_IMPORTS = List.of(
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.regex.*;", "import java.util.stream.*;");

    public EvaluatorConfig {
        classpath = List.copyOf(classpath);
        startupSnippets = List.copyOf(startupSnippets);
        Objects.requireNonNull(parent, "parent");
        compilerOptions = List.copyOf(compilerOptions);
        Objects.requireNonNull(stopGrace, "stopGrace");
    }

    /** The host's classpath, the default imports, this class's loader as parent, a 2 s stop grace. */
    public static EvaluatorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder starting from {@link #defaults()}. */
    public static final class Builder {
        private final List<String> classpath = new ArrayList<>(hostClasspath());
        private final List<String> startup = new ArrayList<>(DEFAULT_IMPORTS);
        private ClassLoader parent = EvaluatorConfig.class.getClassLoader();
        private final List<String> compilerOptions = new ArrayList<>();
        private Duration stopGrace = Duration.ofSeconds(2);

        /** Adds a classpath entry (jar or folder). */
        public Builder classpath(String entry) {
            classpath.add(entry);
            return this;
        }

        /** Adds a startup snippet, e.g. {@code import static io.iotj.display.Display.*;}. */
        public Builder startup(String snippet) {
            startup.add(snippet);
            return this;
        }

        /** Drops the default imports. */
        public Builder noDefaultImports() {
            startup.removeAll(DEFAULT_IMPORTS);
            return this;
        }

        public Builder parent(ClassLoader loader) {
            this.parent = Objects.requireNonNull(loader);
            return this;
        }

        public Builder compilerOption(String option) {
            compilerOptions.add(option);
            return this;
        }

        public Builder stopGrace(Duration grace) {
            this.stopGrace = Objects.requireNonNull(grace);
            return this;
        }

        public EvaluatorConfig build() {
            return new EvaluatorConfig(classpath, startup, parent, compilerOptions, stopGrace);
        }
    }

    private static List<String> hostClasspath() {
        String cp = System.getProperty("java.class.path", "");
        List<String> entries = new ArrayList<>();
        for (String e : cp.split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(e);
            }
        }
        return entries;
    }
}
