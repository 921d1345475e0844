package io.iotj.connect;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The machine's shared services the tests use (PostgreSQL on 5432, Mosquitto on 1883, RabbitMQ on
 * 5672), started with their usual commands when they are down; never restarted. Fault tests start
 * private instances on free ports instead.
 */
public final class LocalServices {
    /** The shared PostgreSQL, trust authentication, database {@code test}. */
    public static final String POSTGRES = "postgresql://postgres@127.0.0.1:5432/test";

    private LocalServices() {
    }

    /** True when something accepts connections on 127.0.0.1:{@code port}. */
    public static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A loopback port nobody listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Makes sure PostgreSQL answers on 5432, starting the cluster when it is down. */
    public static void postgres() throws Exception {
        if (answers(5432)) {
            return;
        }
        String version;
        try (Stream<Path> s = Files.list(Path.of("/etc/postgresql"))) {
            version = s.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
        }
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"));
        await(5432, "PostgreSQL");
    }

    /** Makes sure Mosquitto answers on 1883, starting it when it is down. */
    public static void mosquitto() throws Exception {
        if (answers(1883)) {
            return;
        }
        run(List.of("mosquitto", "-d", "-c", "/etc/mosquitto/mosquitto.conf"));
        await(1883, "Mosquitto");
    }

    /** Makes sure RabbitMQ answers on 5672, starting it when it is down. */
    public static void rabbitmq() throws Exception {
        if (answers(5672)) {
            return;
        }
        run(List.of("rabbitmq-server", "-detached"));
        await(5672, "RabbitMQ");
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    private static void await(int port, String what) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (answers(port)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(what + " does not answer on 127.0.0.1:" + port);
    }
}
