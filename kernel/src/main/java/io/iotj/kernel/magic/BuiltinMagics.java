package io.iotj.kernel.magic;

import io.github.spencerpark.jupyter.kernel.util.GlobFinder;
import io.iotj.display.Display;
import io.iotj.display.MimeBundle;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The magics every session has: {@code %classpath}, {@code %%html}, {@code %%markdown},
 * {@code %%svg}, {@code %time} / {@code %%time} and {@code %lsmagic}.
 */
public final class BuiltinMagics {
    private final MagicRegistry registry;
    private final CodeRunner runner;
    private final Consumer<String> classpathAdder;
    private final Supplier<PrintStream> out;
    private final List<String> added = new ArrayList<>();

    /**
     * @param registry       where to register
     * @param runner         runs code for {@code %time}
     * @param classpathAdder adds one jar or folder to the session's classpath
     * @param out            where {@code %time} prints its timing (the cell's stdout)
     */
    public BuiltinMagics(MagicRegistry registry, CodeRunner runner, Consumer<String> classpathAdder,
                         Supplier<PrintStream> out) {
        this.registry = registry;
        this.runner = runner;
        this.classpathAdder = classpathAdder;
        this.out = out;
    }

    public void register() {
        registry.registerLineMagic("classpath", this::classpath);
        registry.registerCellMagic("html", (args, body) -> Display.html(body));
        registry.registerCellMagic("markdown", (args, body) -> Display.markdown(body));
        registry.registerCellMagic("svg", (args, body) -> Display.svg(body));
        registry.registerRawLineMagic("time", this::time);
        registry.registerCellMagic("time", (args, body) -> time(body));
        registry.registerLineMagic("lsmagic", args -> lsmagic());
    }

    /** {@code %classpath path-or-glob...}: adds jars or folders; without arguments lists what was added. */
    Object classpath(List<String> args) throws Exception {
        if (args.isEmpty()) {
            synchronized (added) {
                return MimeBundle.text(added.isEmpty() ? "Nothing added with %classpath yet."
                        : "Added with %classpath:\n" + String.join("\n", added));
            }
        }
        List<String> now = new ArrayList<>();
        for (String arg : args) {
            List<Path> paths = matches(arg);
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("%classpath: nothing matches " + arg + " (relative to "
                        + Path.of("").toAbsolutePath() + ")");
            }
            for (Path p : paths) {
                String entry = p.toAbsolutePath().normalize().toString();
                classpathAdder.accept(entry);
                now.add(entry);
            }
        }
        synchronized (added) {
            added.addAll(now);
        }
        return MimeBundle.text("Added to the classpath:\n" + String.join("\n", now));
    }

    private static List<Path> matches(String arg) throws Exception {
        String expanded = arg.startsWith("~/") ? System.getProperty("user.home") + arg.substring(1) : arg;
        List<Path> out = new ArrayList<>();
        if (expanded.matches(".*[*?\\[{].*")) {
            try {
                for (Path p : new GlobFinder(expanded).computeMatchingPaths()) out.add(p);
            } catch (java.nio.file.NoSuchFileException e) {
                return out; // the folder part of the pattern does not exist: nothing matches
            }
            out.sort(null);
        } else if (Files.exists(Path.of(expanded))) {
            out.add(Path.of(expanded));
        }
        return out;
    }

    /** Runs code and prints how long it took; the code's value stays the cell's result. */
    Object time(String code) throws Exception {
        if (code.isBlank()) throw new IllegalArgumentException("%time needs code to run, as in: %time fib(30)");
        long start = System.nanoTime();
        try {
            return runner.run(code);
        } finally {
            double ms = (System.nanoTime() - start) / 1e6;
            out.get().println(String.format(Locale.ROOT, "Wall time: %s", format(ms)));
        }
    }

    static String format(double ms) {
        if (ms < 1) return String.format(Locale.ROOT, "%.0f µs", ms * 1000);
        if (ms < 1000) return String.format(Locale.ROOT, "%.1f ms", ms);
        return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }

    /** {@code %lsmagic}: every magic, as text and as HTML. */
    Object lsmagic() {
        StringBuilder text = new StringBuilder("Line magics:");
        registry.lineMagicNames().forEach(n -> text.append(" %").append(n));
        text.append("\nCell magics:");
        registry.cellMagicNames().forEach(n -> text.append(" %%").append(n));
        return MimeBundle.text(text.toString());
    }
}
