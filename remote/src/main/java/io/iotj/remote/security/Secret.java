package io.iotj.remote.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The secret shared by the kernel and its nodes, which signs every command. It comes from the
 * environment variable {@code IOTJ_SECRET} or from a file readable by its owner only (by default
 * {@code ~/.iotj/secret}, created at install). Its bytes are never printed.
 */
public final class Secret {
    /** Fewer characters than this make a guessable secret. */
    public static final int MIN_LENGTH = 16;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] key;
    private final String origin;

    private Secret(byte[] key, String origin) {
        this.key = key;
        this.origin = origin;
    }

    /** The default secret file, {@code ~/.iotj/secret}. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".iotj", "secret");
    }

    /** {@code IOTJ_SECRET} if set, else {@link #fromFile} of {@link #defaultFile()}. */
    public static Secret load() throws IOException {
        String env = System.getenv("IOTJ_SECRET");
        if (env != null && !env.isBlank()) return of(env, "IOTJ_SECRET");
        return fromFile(defaultFile());
    }

    /** A secret given directly (e.g. by a test or a caller that read it elsewhere). */
    public static Secret of(String text, String origin) {
        String t = text.strip();
        if (t.length() < MIN_LENGTH)
            throw new IllegalArgumentException("the secret from " + origin + " is shorter than " + MIN_LENGTH + " characters");
        return new Secret(t.getBytes(StandardCharsets.UTF_8), origin);
    }

    /**
     * Reads the secret file. Refuses a missing file, and one that its group or others may read or
     * write (as ssh does with private keys), saying how to fix it.
     */
    public static Secret fromFile(Path file) throws IOException {
        if (!Files.exists(file))
            throw new IOException("no secret: set IOTJ_SECRET or create " + file + " (iotj-node --init-secret does)");
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(perms))
                throw new IOException("the secret file " + file + " is accessible to other users ("
                        + PosixFilePermissions.toString(perms) + "); run: chmod 600 " + file);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
        return of(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Creates {@code file} with a new random secret, readable and writable by its owner only from the
     * moment it exists (its directory owner-only too). An existing file is left as it is.
     *
     * @return true when a new secret was written
     */
    public static boolean createIfAbsent(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n", StandardCharsets.UTF_8);
        return true;
    }

    byte[] key() {
        return key;
    }

    /** Where the secret came from (a file name or a variable name), for messages. */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "Secret[from " + origin + ", ****]";
    }
}
