package io.iotj.remote;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.rabbitmq.client.Connection;
import io.iotj.remote.node.ControlLink;
import io.iotj.remote.node.ControlNames;
import io.iotj.remote.security.Secret;
import io.iotj.remote.security.SignedMessage;
import io.iotj.remote.transport.Transport;
import io.iotj.remote.security.Signer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The kernel's side of the control plane: sends signed commands to nodes and keeps a live table of
 * them from their announcements and heartbeats. A node whose heartbeat is older than
 * {@link #DEAD_AFTER} is reported dead (heartbeats come every second, so a killed node is noticed
 * within about three).
 */
public final class Controller implements AutoCloseable {
    /** A node silent for longer than this is dead. */
    public static final Duration DEAD_AFTER = Duration.ofMillis(3000);
    /** A node silent for longer than this leaves the table. */
    public static final Duration FORGET_AFTER = Duration.ofMinutes(10);

    private final Connection connection;
    private final ControlLink link;
    private final Map<String, NodeInfo> nodes = new ConcurrentHashMap<>();
    private final java.util.Set<String> pinnedOnly = ConcurrentHashMap.newKeySet(); // nodes run with --pinned-only
    private final List<Consumer<SignedMessage>> listeners = new CopyOnWriteArrayList<>();
    /** Refused events kept for {@link #refusedEvents()}: the most recent only. */
    public static final int REFUSALS_KEPT = 100;
    // a node with another secret heartbeats every second for as long as it runs: keep the latest few
    private final java.util.ArrayDeque<SignedMessage> refusals = new java.util.ArrayDeque<>();
    private final java.util.concurrent.atomic.AtomicLong refusedCount = new java.util.concurrent.atomic.AtomicLong();

    /**
     * What the kernel knows of a node.
     *
     * @param name          its name
     * @param host          its host
     * @param cores         its processors
     * @param parts         {@code graph/part} it runs
     * @param lastSeenMillis time of its last message (this clock)
     * @param valuesPerSecond values its parts took per second, over the last heartbeat interval
     * @param totalIn       values its parts took in all
     * @param alive         false once it said goodbye or fell silent
     * @param counts        counters of each part it runs
     */
    public record NodeInfo(String name, String host, int cores, List<String> parts, long lastSeenMillis,
                           double valuesPerSecond, long totalIn, boolean alive, List<PartCount> counts) {}

    /** Counters of one part on a node, as of its last heartbeat: values taken, values sent on, failures. */
    public record PartCount(String graph, String part, long in, long out, long failed) {}

    private volatile long connectedSince = System.currentTimeMillis();
    private volatile boolean connected = true;

    private Controller(Connection connection, ControlLink link) {
        this.connection = connection;
        this.link = link;
        connection.addShutdownListener(cause -> connected = false);
        if (connection instanceof com.rabbitmq.client.Recoverable r) {
            r.addRecoveryListener(new com.rabbitmq.client.RecoveryListener() {
                @Override public void handleRecovery(com.rabbitmq.client.Recoverable x) {
                    connectedSince = System.currentTimeMillis();
                    connected = true;
                }
                @Override public void handleRecoveryStarted(com.rabbitmq.client.Recoverable x) {}
            });
        }
    }

    /**
     * True when this controller has been connected long enough to judge nodes: while it is cut
     * off from the broker (or just back), silence says nothing about the nodes.
     */
    public boolean canJudgeNodes() {
        return connected && System.currentTimeMillis() - connectedSince > DEAD_AFTER.toMillis();
    }

    /** Connects as {@code self} (e.g. {@code kernel-<pid>}) and starts following node events. */
    public static Controller connect(String brokerUri, Secret secret, String self) throws IOException {
        Connection c = Transport.open(brokerUri, self + "-control", true);
        ControlLink link = new ControlLink(c, new Signer(secret), self);
        Controller ctl = new Controller(c, link);
        String q = link.channel().queueDeclare().getQueue(); // server-named, exclusive, gone with us
        link.channel().queueBind(q, ControlNames.EVENTS, "node.#");
        link.consume(q, true, ctl::onEvent, ctl::onRefused);
        return ctl;
    }

    private void onEvent(SignedMessage m) {
        JsonObject b = m.body();
        String name = m.from();
        long now = System.currentTimeMillis();
        switch (m.type()) {
            case "hello", "heartbeat", "pong" -> {
                List<String> parts = new ArrayList<>();
                List<PartCount> counts = new ArrayList<>();
                long in = 0;
                if (b.has("parts")) {
                    for (JsonElement e : b.getAsJsonArray("parts")) {
                        JsonObject p = e.getAsJsonObject();
                        parts.add(p.get("graph").getAsString() + "/" + p.get("part").getAsString());
                        counts.add(new PartCount(p.get("graph").getAsString(), p.get("part").getAsString(),
                                p.get("in").getAsLong(), p.get("out").getAsLong(), p.get("failed").getAsLong()));
                        in += p.get("in").getAsLong();
                    }
                }
                if (b.has("unpinned") && !b.get("unpinned").getAsBoolean()) pinnedOnly.add(name);
                else pinnedOnly.remove(name);
                NodeInfo old = nodes.get(name);
                double rate = 0;
                if (old != null && old.alive() && now > old.lastSeenMillis()) {
                    rate = Math.max(0, in - old.totalIn()) * 1000.0 / (now - old.lastSeenMillis());
                }
                nodes.put(name, new NodeInfo(name, str(b, "host"), b.has("cores") ? b.get("cores").getAsInt() : 0,
                        List.copyOf(parts), now, rate, in, true, List.copyOf(counts)));
            }
            case "bye" -> nodes.computeIfPresent(name, (k, v) -> new NodeInfo(v.name(), v.host(), v.cores(), List.of(),
                    now, 0, v.totalIn(), false, List.of()));
            default -> { }
        }
        for (Consumer<SignedMessage> l : listeners) l.accept(m);
    }

    private void onRefused(String reason) {
        // an event that does not verify is not from our nodes: note it, trust nothing in it
        JsonObject b = new JsonObject();
        b.addProperty("reason", reason);
        SignedMessage m = new SignedMessage("refused-event", "?", "", System.currentTimeMillis(), b);
        synchronized (refusals) {
            if (refusals.size() == REFUSALS_KEPT) refusals.removeFirst();
            refusals.addLast(m);
        }
        refusedCount.incrementAndGet();
    }

    private static String str(JsonObject o, String k) {
        return o.has(k) ? o.get(k).getAsString() : "";
    }

    /** The nodes seen, by name, with liveness judged now. */
    public List<NodeInfo> nodes() {
        long now = System.currentTimeMillis();
        // forget nodes gone for long, so a kernel running for days with nodes coming and going stays small
        nodes.values().removeIf(n -> now - n.lastSeenMillis() > FORGET_AFTER.toMillis());
        pinnedOnly.retainAll(nodes.keySet());
        return nodes.values().stream()
                .map(n -> n.alive() && now - n.lastSeenMillis() > DEAD_AFTER.toMillis()
                        ? new NodeInfo(n.name(), n.host(), n.cores(), n.parts(), n.lastSeenMillis(), 0, n.totalIn(), false, n.counts()) : n)
                .sorted(Comparator.comparing(NodeInfo::name))
                .toList();
    }

    /** Calls {@code listener} with every verified node event (status, error, refused, heartbeat...). */
    public void onEvent(Consumer<SignedMessage> listener) {
        listeners.add(listener);
    }

    /** The latest (at most {@value #REFUSALS_KEPT}) events from the events exchange that failed verification, oldest first. */
    public List<SignedMessage> refusedEvents() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    /** How many events failed verification since this controller connected. */
    public long refusedCount() {
        return refusedCount.get();
    }

    /**
     * The nodes that may get parts not pinned by name: alive, heard from with this secret, and not
     * run with {@code --pinned-only}; by name. The kernel deals unpinned parts over these, each
     * addressed to its node, rather than leaving the choice to a queue that any node (with any
     * secret) may consume.
     */
    public List<String> placeable() {
        return nodes().stream().filter(NodeInfo::alive).map(NodeInfo::name).filter(n -> !pinnedOnly.contains(n)).toList();
    }

    /** Sends a part to the node named {@code node}, signed for that node's address only. */
    public void assembleOn(String node, JsonObject partSpec) throws IOException {
        link.send(ControlNames.COMMANDS, ControlNames.nodeKey(node), "assemble", partSpec, true);
    }

    /**
     * Tells every node this controller has heard from to stop the graph's parts. By name, not to
     * every node on the broker: nodes of other kernels (another secret) would refuse the command
     * and report it as forged.
     */
    public void stop(String graph) throws IOException {
        JsonObject b = new JsonObject();
        b.addProperty("graph", graph);
        for (String node : List.copyOf(nodes.keySet())) {
            link.send(ControlNames.COMMANDS, ControlNames.nodeKey(node), "stop", b, false);
        }
    }

    /** Sends any command to one node (e.g. {@code shutdown}, {@code ping}). */
    public void command(String node, String type, JsonObject body) throws IOException {
        link.send(ControlNames.COMMANDS, ControlNames.nodeKey(node), type, body, false);
    }

    /** Waits until {@code test} holds for the node table, up to {@code timeout}. */
    public boolean await(Predicate<List<NodeInfo>> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (test.test(nodes())) return true;
            Thread.sleep(50);
        }
        return test.test(nodes());
    }

    @Override
    public void close() {
        link.close();
        try {
            connection.close(5000);
        } catch (IOException | com.rabbitmq.client.ShutdownSignalException ignored) {
            // already gone
        }
    }
}
