package io.iotj.remote;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.iotj.remote.node.Checkpoint;
import io.iotj.remote.node.ControlLink;
import io.iotj.remote.node.ControlNames;
import io.iotj.remote.node.NodeOptions;
import io.iotj.remote.node.PartRunner;
import io.iotj.remote.node.PartSpec;
import io.iotj.remote.node.SnippetFunctions;
import io.iotj.remote.node.SnippetResolver;
import io.iotj.remote.node.StreamlibPart;
import io.iotj.remote.security.Secret;
import io.iotj.remote.security.SignedMessage;
import io.iotj.remote.security.Signer;
import io.iotj.remote.transport.GraphTopology;
import io.iotj.remote.transport.StreamId;
import io.iotj.remote.transport.Transport;
import io.iotj.remote.transport.TransportListener;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A node: a process that runs parts of graphs for a kernel. It connects to the broker, announces
 * itself (name, host, cores, parts, whether it takes unpinned parts), sends a heartbeat every
 * second, takes signed commands addressed to it on its own queue, runs the parts it is given
 * (compiling the JShell snippets shipped with them), and reports their status and errors. Commands
 * that are unsigned, altered, replayed, or addressed to another node or to the old shared
 * {@code assemble} key are refused, logged and reported, never run.
 *
 * <p>Start it with {@code install/iotj-node --broker amqp://guest:guest@127.0.0.1 --name n1}.
 */
public final class Node implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Node.class.getName());
    /** Milliseconds between heartbeats. */
    public static final long HEARTBEAT_MILLIS = 1000;
    /** How long a part waits for the node that ran it before to let go of its queue. */
    public static final long TAKEOVER_WAIT_MILLIS = 30_000;

    private final NodeOptions options;
    private final Connection control;
    private final ControlLink link;
    private final Transport data;
    private final ScheduledExecutorService timer;
    private final ExecutorService commands;
    private final Map<String, Graph> graphs = new LinkedHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final String host;
    private final long started = System.currentTimeMillis();
    private volatile boolean closed;

    /** The parts of one graph on this node, and the JShell that compiled its snippets. */
    private static final class Graph {
        final Map<String, PartRunner> parts = new LinkedHashMap<>();
        final Set<String> defined = new HashSet<>();
        SnippetFunctions snippets;
    }

    /** Connects and starts listening. */
    public Node(NodeOptions options, Secret secret) throws IOException {
        this.options = options;
        this.host = hostName();
        Signer signer = new Signer(secret);
        this.control = Transport.open(options.broker(), "iotj-node-" + options.name() + "-control", true);
        this.link = new ControlLink(control, signer, options.name());
        this.data = Transport.connect(options.broker(), "iotj-node-" + options.name() + "-data", new TransportListener() {
            @Override public void lost(StreamId s, long position, long count, String reason) {
                event("error", status(null, null, "lost", count + " values of " + s + " from " + position + ": " + reason));
            }
            @Override public void warning(String message) {
                LOG.warning(BrokerUri.mask(message));
            }
        });
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "iotj-node-heartbeat"));
        this.commands = Executors.newSingleThreadExecutor(r -> daemon(r, "iotj-node-commands"));
        Channel ch = link.channel();
        String own = ControlNames.nodeQueue(options.name());
        // the node's own queue goes away with the node
        ch.queueDeclare(own, false, false, true, null);
        ch.queueBind(own, ControlNames.COMMANDS, ControlNames.nodeKey(options.name()));
        ch.queueBind(own, ControlNames.COMMANDS, ControlNames.ALL_KEY);
        // bound only to refuse (and log) what is sent to the old shared address; never run from it
        ch.queueBind(own, ControlNames.COMMANDS, ControlNames.ASSEMBLE_KEY);
        link.consume(own, false, Set.of(ControlNames.nodeKey(options.name()), ControlNames.ALL_KEY), this::onCommand, this::refuse);
        event("hello", info());
        timer.scheduleAtFixedRate(() -> event("heartbeat", info()), HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("node " + options.name() + " on " + host + " connected to " + BrokerUri.mask(options.broker()));
    }

    private void onCommand(SignedMessage m) {
        commands.execute(() -> {
            try {
                switch (m.type()) {
                    case "assemble" -> assemble(PartSpec.fromJson(m.body()));
                    case "stop" -> stopGraph(m.body().get("graph").getAsString());
                    case "ping" -> event("pong", info());
                    case "shutdown" -> close();
                    default -> event("error", status(null, null, "unknown", "unknown command '" + m.type() + "' from " + m.from()));
                }
            } catch (RuntimeException e) {
                event("error", status(null, null, "failed", "command " + m.type() + " from " + m.from() + ": " + e.getMessage()));
            }
        });
    }

    private void refuse(String reason) {
        LOG.warning("refused a command: " + reason);
        JsonObject b = new JsonObject();
        b.addProperty("node", options.name());
        b.addProperty("reason", reason);
        event("refused", b);
    }

    private void assemble(PartSpec spec) {
        PartRunner runner = null;
        try {
            Graph g;
            synchronized (graphs) {
                g = graphs.computeIfAbsent(spec.graph(), k -> new Graph());
                if (g.parts.containsKey(spec.part())) {
                    event("status", status(spec.graph(), spec.part(), "running", "already running here"));
                    return;
                }
            }
            for (String source : spec.snippets()) {
                if (!g.defined.add(source)) continue;
                if (g.snippets == null) g.snippets = new SnippetFunctions();
                g.snippets.define(source);
            }
            // a part that ran before (on any node) left a checkpoint at the broker: continue from it
            Checkpoint resume = null;
            if (spec.resumeInputs().isEmpty()) {
                java.util.Optional<byte[]> cp = data.checkpoint(new GraphTopology(spec.graph()), spec.part());
                if (cp.isPresent()) resume = Checkpoint.fromBytes(cp.get());
            }
            StreamlibPart logic = StreamlibPart.assemble(spec, new SnippetResolver(g.snippets));
            runner = new PartRunner(data, spec, logic, resume,
                    msg -> event("error", status(spec.graph(), spec.part(), "running", msg)),
                    why -> event("status", status(spec.graph(), spec.part(), "failed", why)));
            startWhenFree(runner, spec);
            synchronized (graphs) {
                g.parts.put(spec.part(), runner);
            }
            JsonObject st = status(spec.graph(), spec.part(), "running", null);
            if (resume != null) st.addProperty("resumed", resume.inputs().values().toString());
            event("status", st);
        } catch (SnippetFunctions.SnippetError | IOException | RuntimeException e) {
            if (runner != null) runner.close();
            event("status", status(spec.graph(), spec.part(), "failed", BrokerUri.mask(e.getMessage())));
        }
    }

    /**
     * Starts the part's receiver. While the node that ran the part before still holds its queue (a
     * node cut off from the network is dropped by the broker only after missed heartbeats), waits
     * up to {@link #TAKEOVER_WAIT_MILLIS}.
     */
    private void startWhenFree(PartRunner runner, PartSpec spec) throws IOException {
        long deadline = System.currentTimeMillis() + TAKEOVER_WAIT_MILLIS;
        boolean told = false;
        while (true) {
            try {
                runner.start();
                return;
            } catch (IOException e) {
                if (!String.valueOf(e.getMessage()).contains("being consumed by another receiver")
                        || System.currentTimeMillis() > deadline || closed) throw e;
                if (!told) {
                    event("status", status(spec.graph(), spec.part(), "waiting", e.getMessage()));
                    told = true;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void stopGraph(String graph) {
        Graph g;
        synchronized (graphs) {
            g = graphs.remove(graph);
        }
        if (g == null) return;
        for (PartRunner r : g.parts.values()) {
            r.close();
            event("status", status(graph, r.spec().part(), "stopped", null));
        }
        if (g.snippets != null) g.snippets.close();
    }

    private JsonObject info() {
        JsonObject o = new JsonObject();
        o.addProperty("node", options.name());
        o.addProperty("host", host);
        o.addProperty("cores", Runtime.getRuntime().availableProcessors());
        o.addProperty("pid", ProcessHandle.current().pid());
        // the kernel places unpinned parts only on nodes that say so (not --pinned-only)
        o.addProperty("unpinned", options.takesShared());
        o.addProperty("uptimeMs", System.currentTimeMillis() - started);
        JsonArray parts = new JsonArray();
        synchronized (graphs) {
            for (Map.Entry<String, Graph> g : graphs.entrySet()) {
                for (PartRunner r : g.getValue().parts.values()) {
                    JsonObject p = new JsonObject();
                    long[] c = r.counters();
                    p.addProperty("graph", g.getKey());
                    p.addProperty("part", r.spec().part());
                    p.addProperty("in", c[0]);
                    p.addProperty("out", c[1]);
                    p.addProperty("failed", c[2]);
                    JsonArray positions = new JsonArray();
                    for (Map.Entry<StreamId, Long> e : r.inputPositions().entrySet()) {
                        JsonObject pos = new JsonObject();
                        pos.addProperty("param", e.getKey().param());
                        pos.addProperty("index", e.getKey().index());
                        pos.addProperty("producer", e.getKey().producer());
                        pos.addProperty("position", e.getValue());
                        positions.add(pos);
                    }
                    p.add("positions", positions);
                    parts.add(p);
                }
            }
        }
        o.add("parts", parts);
        return o;
    }

    private JsonObject status(String graph, String part, String state, String error) {
        JsonObject o = new JsonObject();
        o.addProperty("node", options.name());
        if (graph != null) o.addProperty("graph", graph);
        if (part != null) o.addProperty("part", part);
        o.addProperty("state", state);
        if (error != null) o.addProperty("error", error);
        return o;
    }

    private void event(String type, JsonObject body) {
        if (closed && !type.equals("bye")) return;
        try {
            link.send(ControlNames.EVENTS, ControlNames.eventKey(options.name(), type), type, body, false);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "event " + type + " not sent (broker unreachable?)", e);
        }
    }

    /** Blocks until the node is closed (by {@link #close()}, a {@code shutdown} command or a signal). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops all parts, says goodbye, and disconnects. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        timer.shutdownNow();
        List<String> ids;
        synchronized (graphs) {
            ids = List.copyOf(graphs.keySet());
        }
        for (String g : ids) stopGraph(g);
        event("bye", status(null, null, "stopped", null));
        commands.shutdown();
        link.close();
        data.close();
        try {
            control.close(5000);
        } catch (IOException | com.rabbitmq.client.ShutdownSignalException ignored) {
            // already gone
        }
        stopped.countDown();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }

    /** {@code iotj-node --broker URI --name NAME [--secret-file F] [--init-secret] [--pinned-only]}. */
    public static void main(String[] args) {
        NodeOptions options;
        try {
            options = NodeOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("iotj-node: " + BrokerUri.mask(e.getMessage()));
            System.err.println(NodeOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(NodeOptions.USAGE);
            return;
        }
        try {
            if (options.initSecret()) {
                boolean created = Secret.createIfAbsent(options.secretFile());
                System.out.println((created ? "created " : "kept the existing ") + options.secretFile() + " (owner-only)");
                return;
            }
            Secret secret = options.secretFromFile() ? Secret.fromFile(options.secretFile()) : Secret.load();
            Node node = new Node(options, secret);
            Runtime.getRuntime().addShutdownHook(new Thread(node::close, "iotj-node-shutdown"));
            System.out.println("iotj node " + options.name() + " ready (broker " + BrokerUri.mask(options.broker()) + ")");
            node.awaitStop();
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("iotj-node: " + BrokerUri.mask(e.getMessage()));
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
