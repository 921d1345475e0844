package io.iotj.connect.mqtt;

import io.iotj.connect.LocalServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The command-line clients of Mosquitto, and private brokers on free ports for fault tests. */
final class Mosquitto {
    private Mosquitto() {
    }

    /** Publishes each line as a message with {@code mosquitto_pub} to the broker on {@code port}. */
    static void publishLines(int port, String topic, int qos, List<String> lines) throws Exception {
        Process p = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(port), "-t", topic,
                "-q", String.valueOf(qos), "-l").redirectErrorStream(true).start();
        try (var w = p.outputWriter(StandardCharsets.UTF_8)) {
            for (String l : lines) {
                w.write(l);
                w.write('\n');
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("mosquitto_pub failed: " + out);
        }
    }

    /** Starts {@code mosquitto_sub} printing "topic payload" lines until it has {@code count} messages. */
    static Process subscribe(int port, String filter, int qos, int count) throws IOException {
        return new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(port), "-t", filter,
                "-q", String.valueOf(qos), "-C", String.valueOf(count), "-v", "-W", "60").start();
    }

    /** A broker of this test's own, on a free loopback port, keeping sessions and messages on disk. */
    static final class Private implements AutoCloseable {
        final int port;
        private final Path conf;
        private Process process;

        Private(Path dir) throws Exception {
            LocalServices.mosquitto(); // makes sure the package is there
            port = LocalServices.freePort();
            conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, String.join("\n",
                    // Started as root, mosquitto would become the user mosquitto, who cannot write here.
                    "user " + System.getProperty("user.name"),
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous true",
                    "persistence true",
                    "persistence_location " + dir.toAbsolutePath() + "/",
                    "autosave_interval 1",
                    "max_queued_messages 100000",
                    "log_dest stderr",
                    "") );
            start();
        }

        void start() throws Exception {
            List<String> cmd = new ArrayList<>(List.of("mosquitto", "-c", conf.toString()));
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(conf.resolveSibling("mosquitto.log").toFile()).start();
            for (int i = 0; i < 100 && !LocalServices.answers(port); i++) {
                Thread.sleep(50);
            }
            if (!LocalServices.answers(port)) {
                throw new IllegalStateException("private mosquitto did not start on " + port + ": "
                        + Files.readString(conf.resolveSibling("mosquitto.log")));
            }
        }

        /** Stops it as an operator would (SIGTERM: it saves its sessions and queued messages). */
        void stop() throws Exception {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }

        @Override
        public void close() throws Exception {
            if (process != null && process.isAlive()) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
