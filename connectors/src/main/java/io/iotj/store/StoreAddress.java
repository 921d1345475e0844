package io.iotj.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where a store lives: the embedded database (a DuckDB file; the default is {@code streams.duckdb}
 * in {@code $IOTJ_HOME}, else {@code ~/.iotj}), or a PostgreSQL server
 * ({@code postgresql://user:password@host:port/database}).
 *
 * @param embedded the DuckDB file, or {@code null} for PostgreSQL
 * @param jdbcUrl  the JDBC URL without user and password
 * @param user     the user, or {@code null}
 * @param password the password, or {@code null}; never shown
 */
public record StoreAddress(Path embedded, String jdbcUrl, String user, String password) {

    /** The embedded database every store without an address shares. */
    public static StoreAddress defaultEmbedded() {
        String home = System.getenv("IOTJ_HOME");
        Path dir = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".iotj");
        return embedded(dir.resolve("streams.duckdb"));
    }

    /** An embedded database in {@code file}. */
    public static StoreAddress embedded(Path file) {
        Path f = file.toAbsolutePath();
        return new StoreAddress(f, "jdbc:duckdb:" + f, null, null);
    }

    /**
     * Reads an address: empty or {@code null} for the default embedded database;
     * {@code postgresql://…} (or {@code postgres://…}) for a server; {@code duckdb:PATH} or a
     * path for an embedded database in that file.
     *
     * @throws IllegalArgumentException saying what is wrong (never echoing a password)
     */
    public static StoreAddress parse(String db) {
        if (db == null || db.isBlank()) {
            return defaultEmbedded();
        }
        String s = db.strip();
        if (s.startsWith("postgresql://") || s.startsWith("postgres://")) {
            return postgres(s);
        }
        if (s.startsWith("duckdb:")) {
            String path = s.substring("duckdb:".length());
            if (path.isBlank()) {
                throw new IllegalArgumentException("duckdb: needs a file, e.g. duckdb:/tmp/readings.duckdb");
            }
            return embedded(Path.of(path));
        }
        if (s.contains("://")) {
            throw new IllegalArgumentException("unknown database " + mask(s) + ": give postgresql://host:port/database, "
                    + "duckdb:FILE, or nothing for the embedded database");
        }
        return embedded(Path.of(s));
    }

    private static StoreAddress postgres(String s) {
        URI u;
        try {
            u = new URI(s.replaceFirst("^postgres://", "postgresql://"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a database address: " + mask(s) + " (" + e.getReason() + ")");
        }
        if (u.getHost() == null) {
            throw new IllegalArgumentException("the address " + mask(s) + " names no host; e.g. postgresql://127.0.0.1:5432/test");
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath().replaceFirst("^/", "");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("the address " + mask(s) + " names no database; e.g. postgresql://127.0.0.1:5432/test");
        }
        String user = null;
        String password = null;
        if (u.getRawUserInfo() != null) {
            String[] ui = u.getRawUserInfo().split(":", 2);
            user = decode(ui[0]);
            password = ui.length > 1 ? decode(ui[1]) : null;
        }
        int port = u.getPort() < 0 ? 5432 : u.getPort();
        String url = "jdbc:postgresql://" + u.getHost() + ":" + port + "/" + path
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        return new StoreAddress(null, url, user == null ? System.getProperty("user.name") : user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** True for the embedded database. */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Connection properties (user, password). */
    Properties properties() {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }

    /** The address as people read it: the embedded file, or the server without its password. */
    public String display() {
        if (isEmbedded()) {
            return "embedded database " + embedded;
        }
        String rest = jdbcUrl.substring("jdbc:".length());
        return user == null ? rest : rest.replaceFirst("://", "://" + user + "@");
    }

    /** {@code s} with any password in it replaced by {@code ****}. */
    static String mask(String s) {
        return s.replaceAll("://([^:/@]*):[^@]*@", "://$1:****@");
    }

    @Override
    public String toString() {
        return display();
    }
}
