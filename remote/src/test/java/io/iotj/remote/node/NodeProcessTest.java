package io.iotj.remote.node;

import io.iotj.remote.Controller;
import io.iotj.remote.LocalBroker;
import io.iotj.remote.Node;
import io.iotj.remote.security.Secret;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The node as its own process, as {@code install/iotj-node} starts it. */
class NodeProcessTest {
    private static final String SECRET = "process-test-secret-" + UUID.randomUUID();

    @BeforeAll
    static void broker() throws Exception {
        LocalBroker.ensureUp();
    }

    private static Process startNode(String name, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Node.class.getName(), "--broker", LocalBroker.URI, "--name", name, "--pinned-only");
        pb.environment().put("IOTJ_SECRET", SECRET);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    @Test
    void aKilledNodeIsNoticedWithinFiveSecondsAndACleanStopSaysGoodbye() throws Exception {
        String a = "pa-" + UUID.randomUUID().toString().substring(0, 6), b = "pb-" + UUID.randomUUID().toString().substring(0, 6);
        Path logA = Files.createTempFile("iotj-node-a", ".log"), logB = Files.createTempFile("iotj-node-b", ".log");
        Process pa = startNode(a, logA), pb = startNode(b, logB);
        try (Controller ctl = Controller.connect(LocalBroker.URI, Secret.of(SECRET, "test"), "kernel-ptest")) {
            assertTrue(ctl.await(ns -> alive(ns, a) && alive(ns, b), Duration.ofSeconds(30)),
                    "both nodes announce themselves: " + ctl.nodes() + "\n" + Files.readString(logA));
            String out = Files.readString(logA);
            assertTrue(out.contains("iotj node " + a + " ready (broker amqp://guest:****@127.0.0.1:5672)"), out);
            assertFalse(out.contains("guest:guest"), "the password is never printed");

            pa.destroyForcibly(); // SIGKILL: no goodbye
            long killed = System.nanoTime();
            assertTrue(ctl.await(ns -> !alive(ns, a), Duration.ofSeconds(5)), "kill -9 noticed within 5 s");
            double noticed = (System.nanoTime() - killed) / 1e9;
            assertTrue(alive(ctl.nodes(), b), "the other node is unaffected");
            assertTrue(noticed <= 5.0, "noticed after " + noticed + " s");

            pb.destroy(); // SIGTERM: the shutdown hook stops its parts and says goodbye
            assertTrue(pb.waitFor(10, TimeUnit.SECONDS), "node exits on SIGTERM");
            assertTrue(ctl.await(ns -> !alive(ns, b), Duration.ofSeconds(2)), "goodbye seen at once");
        } finally {
            pa.destroyForcibly();
            pb.destroyForcibly();
            Files.deleteIfExists(logA);
            Files.deleteIfExists(logB);
        }
    }

    @Test
    void badArgumentsGetAUsageMessageNotAStackTrace() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Node.class.getName(),
                "--broker", "http://user:hunter2@127.0.0.1", "--name", "x").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(2, p.waitFor());
        assertTrue(out.startsWith("iotj-node: broker URI must start with amqp://"), out);
        assertTrue(out.contains("usage: iotj-node"), out);
        assertFalse(out.contains("hunter2"), out);
        assertFalse(out.contains("\tat "), "no stack trace: " + out);
    }

    private static boolean alive(List<Controller.NodeInfo> ns, String name) {
        return ns.stream().anyMatch(n -> n.name().equals(name) && n.alive());
    }

}
