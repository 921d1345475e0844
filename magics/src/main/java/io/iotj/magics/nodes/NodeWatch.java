package io.iotj.magics.nodes;

import io.iotj.remote.BrokerUri;
import io.iotj.remote.Controller;
import io.iotj.remote.security.Secret;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The session's view of the remote nodes: one {@link Controller} per broker, connected the first
 * time it is asked for and kept (it follows the nodes' heartbeats) until the kernel shuts down.
 * A kernel uses one or two brokers, so this holds one or two connections at most.
 */
public final class NodeWatch implements AutoCloseable {
    /** Nodes send a heartbeat every second; a new watcher waits this long to hear every one of them. */
    public static final Duration FIRST_HEARTBEATS = Duration.ofMillis(1200);

    private final Map<String, Controller> controllers = new HashMap<>();
    private final String self;
    private boolean closed;

    /** A watch whose connections are named after this process. */
    public NodeWatch() {
        this("iotj-kernel-" + ProcessHandle.current().pid() + "-nodes");
    }

    NodeWatch(String self) {
        this.self = self;
    }

    /**
     * The controller following the nodes of {@code broker}, connected now when it is new (it then
     * waits {@link #FIRST_HEARTBEATS}, so that its first table holds every listening node).
     *
     * @throws IOException when the broker cannot be reached; the message never holds the password
     */
    public Controller controller(String broker, Secret secret) throws IOException, InterruptedException {
        Controller c;
        boolean fresh = false;
        synchronized (this) {
            if (closed) {
                throw new IOException("the kernel is shutting down");
            }
            c = controllers.get(broker);
            if (c == null) {
                try {
                    c = Controller.connect(broker, secret, self);
                } catch (IOException | RuntimeException e) {
                    throw new IOException("cannot reach the broker at " + BrokerUri.mask(broker) + ": "
                            + BrokerUri.mask(String.valueOf(e.getMessage())), e);
                }
                controllers.put(broker, c);
                fresh = true;
            }
        }
        if (fresh) {
            Thread.sleep(FIRST_HEARTBEATS.toMillis());
        }
        return c;
    }

    /**
     * The names of the nodes listening on {@code broker}, after waiting up to {@code wait} for
     * {@code enough} to hold (for nodes just started, or just heard of).
     */
    public List<String> listening(String broker, Secret secret, Predicate<List<String>> enough, Duration wait)
            throws IOException, InterruptedException {
        Controller c = controller(broker, secret);
        c.await(ns -> enough.test(alive(ns)), wait);
        return alive(c.nodes());
    }

    private static List<String> alive(List<Controller.NodeInfo> nodes) {
        return nodes.stream().filter(Controller.NodeInfo::alive).map(Controller.NodeInfo::name).toList();
    }

    /** Closes every connection; later calls fail. */
    @Override
    public void close() {
        List<Controller> all;
        synchronized (this) {
            closed = true;
            all = List.copyOf(controllers.values());
            controllers.clear();
        }
        for (Controller c : all) {
            try {
                c.close();
            } catch (RuntimeException e) {
                // closing at shutdown: nothing left to tell
            }
        }
    }
}
