package io.iotj.remote;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second RabbitMQ node of our own on 127.0.0.1:5673, for tests that restart the broker: restarting
 * the shared one on 5672 would break whoever else is using it.
 */
public final class PrivateBroker {
    public static final String URI = "amqp://guest:guest@127.0.0.1:5673";
    private static final String NODE = "iotjtest@localhost";
    private static final Path DIR = Path.of("/tmp/iotj-rabbitmq-test");

    private PrivateBroker() {}

    /** Starts the node unless it is already listening. */
    public static synchronized void start() throws IOException, InterruptedException {
        if (listening()) return;
        Files.createDirectories(DIR.resolve("mnesia"));
        Files.createDirectories(DIR.resolve("log"));
        Files.writeString(DIR.resolve("enabled_plugins"), "[].\n");
        Files.writeString(DIR.resolve("rabbitmq.conf"), "listeners.tcp.local = 127.0.0.1:5673\nloopback_users.guest = true\n");
        // rabbitmq-server drops to the rabbitmq user, which must own its directories
        run(List.of("chown", "-R", "rabbitmq:rabbitmq", DIR.toString()), true);
        ProcessBuilder pb = new ProcessBuilder("rabbitmq-server", "-detached");
        pb.environment().put("RABBITMQ_NODENAME", NODE);
        pb.environment().put("RABBITMQ_DIST_PORT", "25673");
        pb.environment().put("RABBITMQ_CONFIG_FILE", DIR.resolve("rabbitmq.conf").toString());
        pb.environment().put("RABBITMQ_MNESIA_BASE", DIR.resolve("mnesia").toString());
        pb.environment().put("RABBITMQ_LOG_BASE", DIR.resolve("log").toString());
        pb.environment().put("RABBITMQ_ENABLED_PLUGINS_FILE", DIR.resolve("enabled_plugins").toString());
        pb.environment().put("RABBITMQ_PID_FILE", DIR.resolve("pid").toString());
        pb.inheritIO().start().waitFor();
        awaitListening(60);
    }

    /** Restarts the broker application: every connection drops; durable queues come back from disk. */
    public static void restart() throws IOException, InterruptedException {
        run(List.of("rabbitmqctl", "-q", "-n", NODE, "stop_app"), false);
        Thread.sleep(1000);
        run(List.of("rabbitmqctl", "-q", "-n", NODE, "start_app"), false);
        awaitListening(30);
    }

    /** Stops the node. */
    public static void stop() throws IOException, InterruptedException {
        run(List.of("rabbitmqctl", "-q", "-n", NODE, "stop"), true);
    }

    private static void awaitListening(int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!listening()) {
            if (System.nanoTime() > deadline) throw new IOException("private RabbitMQ not listening on 5673 after " + seconds + " s");
            Thread.sleep(200);
        }
    }

    private static boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 5673), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> cmd, boolean mayFail) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish");
        }
        if (p.exitValue() != 0 && !mayFail) throw new IOException(String.join(" ", cmd) + " failed: " + out);
    }
}
