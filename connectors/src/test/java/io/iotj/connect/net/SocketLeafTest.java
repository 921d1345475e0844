package io.iotj.connect.net;

import static io.iotj.connect.TestGraphs.assemble;
import static io.iotj.connect.TestGraphs.await;
import static io.iotj.connect.TestGraphs.counts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.connect.LocalServices;
import io.iotj.runtime.RunningGraph;
import io.iotj.runtime.Runtimes;
import io.iotj.stream.ConnectorStats;
import io.iotj.stream.Event;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The socket source against a real TCP server, as the streaming lab's {@code nc -lk 9999}. */
class SocketLeafTest {

    @Test
    void linesFromAServerArriveAndTheSourceReconnectsWhenItClosesTheConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            RunningGraph g = Runtimes.threads().start(assemble("""
                    lab() -> lines {
                        lines = socket(host="127.0.0.1", port=%d);
                    }
                    """.formatted(server.getLocalPort())).graph());
            try {
                try (Socket s = server.accept(); Writer w = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8)) {
                    w.write("to be or not to be\nthat is the question\n");
                }
                assertTrue(await(() -> g.out("lines").count() == 2, Duration.ofSeconds(20)));
                // The server closed the connection; the source connects again and reads on.
                try (Socket s = server.accept(); Writer w = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8)) {
                    w.write("whether tis nobler\n");
                    w.flush();
                    assertTrue(await(() -> g.out("lines").count() == 3, Duration.ofSeconds(20)));
                }
                Event<?> e = (Event<?>) g.out("lines").values().get(2);
                assertEquals("whether tis nobler", e.value());
                assertEquals("127.0.0.1:" + server.getLocalPort(), e.key());
                assertEquals(3, counts(g, "socket").in());
            } finally {
                g.stop();
            }
        }
    }

    @Test
    void aServerThatIsNotListeningFailsTheStartNamingIt() throws Exception {
        int port = LocalServices.freePort();
        var a = assemble("""
                lab() -> lines { lines = socket(port=%d); }
                """.formatted(port));
        RuntimeException e = assertThrows(RuntimeException.class, () -> Runtimes.threads().start(a.graph()));
        assertTrue(e.getMessage().startsWith("cannot connect to tcp://127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void linesTheGraphCannotTakeAreDroppedOldestFirstAndCounted() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.function.Function<Object, Object> slow = v -> {
                try {
                    release.await();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                return null;
            };
            RunningGraph g = Runtimes.threads().start(assemble("""
                    lab() -> None {
                        lines = socket(port=%d, buffer=10);
                        sink(in=lines, function="slow");
                    }
                    """.formatted(server.getLocalPort()), java.util.Map.of("slow", slow)).graph());
            try {
                int n = 40_000; // more than the stream between the parts holds, with the sink stuck
                try (Socket s = server.accept(); Writer w = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8)) {
                    for (int i = 0; i < n; i++) {
                        w.write("line " + i + "\n");
                    }
                }
                assertTrue(await(() -> {
                    ConnectorStats.Counts c = counts(g, "socket");
                    return c.in() + c.dropped() + 10 >= n && c.dropped() > 0;
                }, Duration.ofSeconds(30)), String.valueOf(counts(g, "socket")));
                release.countDown();
                assertTrue(await(() -> counts(g, "socket").in() + counts(g, "socket").dropped() == n, Duration.ofSeconds(30)),
                        "every line is either taken or counted as dropped: " + counts(g, "socket"));
            } finally {
                release.countDown();
                g.stop();
            }
        }
    }
}
