package io.iotj.maven.resolver;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.transfer.TransferResource;

/**
 * Turns Maven Resolver's transfer events into lines a user reads while a download runs: one when a
 * file starts, a quarter-step line for large files, one when it is done with its size and speed.
 * Checksum files and metadata lookups that find nothing stay quiet.
 */
final class DownloadProgress extends AbstractTransferListener {
    private static final long LARGE = 1 << 20;
    private final Consumer<String> out;
    private final Map<TransferResource, Integer> quartersShown = new ConcurrentHashMap<>();

    DownloadProgress(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public void transferStarted(TransferEvent event) {
        if (shown(event.getResource())) {
            out.accept("Downloading " + name(event.getResource()) + " from " + event.getResource().getRepositoryId()
                    + (event.getResource().getContentLength() > 0 ? " (" + size(event.getResource().getContentLength()) + ")"
                    : ""));
        }
    }

    @Override
    public void transferProgressed(TransferEvent event) {
        TransferResource r = event.getResource();
        long total = r.getContentLength();
        if (!shown(r) || total < LARGE) {
            return;
        }
        int quarter = (int) (4 * event.getTransferredBytes() / total);
        if (quarter > 0 && quarter < 4 && quartersShown.getOrDefault(r, 0) < quarter) {
            quartersShown.put(r, quarter);
            out.accept("  " + name(r) + ": " + quarter * 25 + " %");
        }
    }

    @Override
    public void transferSucceeded(TransferEvent event) {
        TransferResource r = event.getResource();
        quartersShown.remove(r);
        if (shown(r)) {
            long ms = Math.max(1, java.time.Duration.between(r.getStartTime(), java.time.Instant.now()).toMillis());
            out.accept("Downloaded " + name(r) + " (" + size(event.getTransferredBytes()) + String.format(Locale.ROOT,
                    " in %.1f s)", ms / 1000.0));
        }
    }

    @Override
    public void transferCorrupted(TransferEvent event) {
        out.accept("Checksum mismatch for " + name(event.getResource()) + " from " + event.getResource().getRepositoryId()
                + ": " + event.getException().getMessage());
    }

    private static boolean shown(TransferResource r) {
        String n = r.getResourceName();
        return !(n.endsWith(".sha1") || n.endsWith(".md5") || n.endsWith(".sha256") || n.endsWith(".sha512")
                || n.endsWith("maven-metadata.xml"));
    }

    private static String name(TransferResource r) {
        String n = r.getResourceName();
        return n.substring(n.lastIndexOf('/') + 1);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < LARGE) {
            return String.format(Locale.ROOT, "%.0f kB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) LARGE);
    }
}
