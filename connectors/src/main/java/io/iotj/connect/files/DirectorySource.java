package io.iotj.connect.files;

import io.iotj.connect.Overflow;
import io.iotj.connect.PayloadFormat;
import io.iotj.connect.PushSource;
import io.iotj.stream.IotStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Each new file in a directory, line by line, as Spark's {@code textFileStream} reads them: a file
 * is read once it has stopped growing (its size and time unchanged over one look), oldest first,
 * and never again, also after a kernel restart: the names, sizes and times of the files read are
 * kept in a state file. Each line is a value keyed by its file's name.
 */
final class DirectorySource extends PushSource {
    private static final long POLL_MILLIS = 250;

    private final Path dir;
    private final String pattern;
    private final PathMatcher matcher;
    private final Path state;
    private final Set<String> done = new HashSet<>();
    private final java.util.Map<String, String> seenOnce = new java.util.HashMap<>();
    private volatile boolean closing;
    private Thread watcher;

    DirectorySource(IotStream<Object> out, IotStream<Object> errors, PayloadFormat format, Path dir, String pattern,
                    Path state, int capacity) {
        super("files", out, errors, format, capacity, Overflow.BLOCK);
        this.dir = dir;
        this.pattern = pattern;
        this.matcher = dir.getFileSystem().getPathMatcher("glob:" + pattern);
        this.state = state;
    }

    @Override
    protected String address() {
        return dir + "/" + pattern;
    }

    @Override
    public void open() {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("files: " + dir + " is not a directory");
        }
        try {
            if (Files.exists(state)) {
                done.addAll(Files.readAllLines(state, StandardCharsets.UTF_8));
            }
            Files.createDirectories(state.getParent());
        } catch (IOException e) {
            throw new IllegalStateException("files: cannot read what was read before from " + state + ": " + e.getMessage(), e);
        }
        link(Link.CONNECTED);
        watcher = Thread.ofVirtual().name("iotj-files-" + dir.getFileName()).start(this::watch);
    }

    private record Candidate(Path path, String id, long modified) { }

    private void watch() {
        try {
            while (!closing) {
                for (Candidate c : ready()) {
                    if (closing) {
                        return;
                    }
                    read(c);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            // the graph stopped
        }
    }

    /** Files not read yet that did not change since the last look, oldest first. */
    private List<Candidate> ready() {
        List<Candidate> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (!matcher.matches(p.getFileName())) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                if (!a.isRegularFile()) {
                    continue;
                }
                String name = p.getFileName().toString();
                String id = name + "\t" + a.size() + "\t" + a.lastModifiedTime().toMillis();
                if (done.contains(id)) {
                    continue;
                }
                if (id.equals(seenOnce.get(name))) {
                    out.add(new Candidate(p, id, a.lastModifiedTime().toMillis()));
                } else {
                    seenOnce.put(name, id); // still being written, perhaps: look again next time
                }
            }
        } catch (IOException e) {
            problem("cannot list " + dir + ": " + e.getMessage());
        }
        out.sort(Comparator.comparingLong(Candidate::modified).thenComparing(c -> c.path().getFileName().toString()));
        return out;
    }

    private void read(Candidate c) throws InterruptedException {
        String key = c.path().getFileName().toString();
        try (BufferedReader in = Files.newBufferedReader(c.path(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    receive(new Raw(key, line, System.currentTimeMillis(), null));
                }
            }
        } catch (IOException e) {
            problem("cannot read " + c.path() + ": " + e.getMessage());
        }
        done.add(c.id());
        seenOnce.remove(key);
        try {
            Files.writeString(state, c.id() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            problem("cannot remember that " + key + " was read (" + state + "): " + e.getMessage());
        }
    }

    @Override
    public void close() {
        closing = true;
        super.close();
        Thread t = watcher;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
