package io.iotj.magics.library;

import io.iotj.template.ParsedTemplate;
import io.iotj.template.Template;
import io.iotj.template.TemplateError;
import io.iotj.template.TemplateJson;
import io.iotj.template.TemplateResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The user's template library: a folder of JSON files, one template per file named after it.
 * The folder is {@code $IOTJ_HOME/templates} when {@code IOTJ_HOME} is set, else
 * {@code ~/.iotj/templates}. Loaded when the kernel starts; {@code %%template --save} adds to it.
 */
public final class UserTemplates {
    private final Path dir;

    /** The library in {@code dir}. */
    public UserTemplates(Path dir) {
        this.dir = dir;
    }

    /** The library where the environment says it is. */
    public static UserTemplates fromEnvironment() {
        return new UserTemplates(folder(System.getenv(), System.getProperty("user.home")));
    }

    /** The folder for the given environment and home directory. */
    static Path folder(Map<String, String> env, String home) {
        String iotjHome = env.get("IOTJ_HOME");
        if (iotjHome != null && !iotjHome.isBlank()) {
            return Path.of(iotjHome, "templates");
        }
        return Path.of(home, ".iotj", "templates");
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /** What loading found: the templates by file, and the problems of files that did not read. */
    public record Loaded(List<Map.Entry<Path, ParsedTemplate>> templates, List<String> problems) { }

    /** Reads every {@code *.json} file of the folder; a missing folder is an empty library. */
    public Loaded load() {
        List<Map.Entry<Path, ParsedTemplate>> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Loaded(out, problems);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            problems.add(dir + ": " + e.getMessage());
            return new Loaded(out, problems);
        }
        files.sort(null);
        for (Path f : files) {
            try {
                TemplateResult r = TemplateJson.read(Files.readString(f, StandardCharsets.UTF_8));
                if (!r.ok()) {
                    for (TemplateError e : r.errors()) {
                        problems.add(f + ": " + e.format());
                    }
                    continue;
                }
                for (ParsedTemplate p : r.templates()) {
                    out.add(Map.entry(f, p));
                }
            } catch (IOException | RuntimeException e) {
                problems.add(f + ": " + e.getMessage());
            }
        }
        return new Loaded(out, problems);
    }

    /**
     * Writes {@code t} to {@code NAME.json} in the folder (created when missing), replacing a
     * file of that name; written to a temporary file first so a crash never leaves half a file.
     *
     * @return the file written
     */
    public Path save(Template t) throws IOException {
        if (!t.name().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IOException("cannot save a template named \"" + t.name() + "\" as a file");
        }
        Files.createDirectories(dir);
        Path target = dir.resolve(t.name() + ".json");
        Path tmp = Files.createTempFile(dir, "." + t.name(), ".tmp");
        try {
            Files.writeString(tmp, TemplateJson.write(t), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
