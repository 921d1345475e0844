package io.iotj.remote;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;

/** The RabbitMQ on this machine (loopback only), started when it is down. */
public final class LocalBroker {
    public static final String URI = "amqp://guest:guest@127.0.0.1:5672";

    private LocalBroker() {}

    /** Waits until the broker accepts connections, starting it with {@code rabbitmq-server -detached} if needed. */
    public static synchronized void ensureUp() throws IOException, InterruptedException {
        if (listening()) return;
        new ProcessBuilder("rabbitmq-server", "-detached").inheritIO().start().waitFor();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!listening()) {
            if (System.nanoTime() > deadline) throw new IOException("RabbitMQ did not start on 127.0.0.1:5672 within 60 s");
            Thread.sleep(500);
        }
        Thread.sleep(1000); // port open slightly before the AMQP listener accepts logins
    }

    static boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 5672), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A graph id no other test uses. */
    public static String uniqueGraph(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
