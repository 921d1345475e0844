package io.iotj.remote.runtime;

import com.google.gson.JsonObject;
import io.iotj.graph.Graph;
import io.iotj.remote.BrokerUri;
import io.iotj.remote.Controller;
import io.iotj.remote.Node;
import io.iotj.remote.Supervisor;
import io.iotj.remote.node.PartSpec;
import io.iotj.remote.transport.GraphTopology;
import io.iotj.remote.transport.Outlet;
import io.iotj.remote.transport.Publisher;
import io.iotj.remote.transport.StreamId;
import io.iotj.remote.transport.Transport;
import io.iotj.remote.transport.TransportListener;
import io.iotj.runtime.PartStats;
import io.iotj.runtime.RunningGraph;
import io.iotj.runtime.GraphStatus;
import io.iotj.stream.IotStream;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A graph whose parts run on nodes. Its input streams are local: a sender thread takes what is
 * appended and sends it to the parts (appending blocks when the nodes fall behind); its output
 * streams are local too, filled by a receiver on the kernel's queue.
 */
public final class DistributedGraph implements RunningGraph {
    private final Graph graph;
    private final GraphPlan plan;
    private final GraphTopology topology;
    private final Map<String, IotStream<Object>> ins = new LinkedHashMap<>();
    private final Map<String, IotStream<Object>> outs = new LinkedHashMap<>();
    private final Map<String, AtomicLong> outCounts = new ConcurrentHashMap<>();
    private final List<Sender> senders = new ArrayList<>();
    private volatile GraphStatus status = new GraphStatus(GraphStatus.State.RUNNING, null, null, null);
    private Transport transport;
    private Controller controller;
    private Supervisor supervisor;
    private Thread sendThread;
    private volatile boolean stopping;
    private volatile boolean launched;
    private final Object statusLock = new Object();

    /** One input stream and the outlets that carry it to the parts it feeds. */
    private record Sender(IotStream.Reader<Object> reader, List<Outlet> outlets) {}

    private DistributedGraph(Graph graph, GraphPlan plan) {
        this.graph = graph;
        this.plan = plan;
        this.topology = new GraphTopology(plan.graph());
    }

    static DistributedGraph start(DistributedRuntime rt, Graph graph) {
        String id = (graph.name() + "-" + UUID.randomUUID().toString().substring(0, 8)).replaceAll("[^A-Za-z0-9_.\\-]", "_");
        GraphPlan plan;
        try {
            plan = GraphPlan.of(id, rt.template(), rt.args(), rt.templates(), rt.snippets(), rt.batch());
        } catch (RuntimeException e) {
            DistributedGraph g = new DistributedGraph(graph, new GraphPlan(id, List.of(), Map.of(), List.of()));
            g.fail(null, e);
            return g;
        }
        DistributedGraph g = new DistributedGraph(graph, plan);
        for (String in : plan.inputs().keySet()) g.ins.put(in, blocking(new IotStream<>(in)));
        for (String in : graph.inputs().keySet()) g.ins.putIfAbsent(in, blocking(new IotStream<>(in)));
        for (String out : plan.outputs()) g.outs.put(out, new IotStream<>(out));
        for (String out : graph.outputs().keySet()) g.outs.putIfAbsent(out, new IotStream<>(out));
        try {
            g.launch(rt);
            g.launched = true;
            // failed while starting (a part failed, the nodes went away): over at once, as below
            if (g.status.state() == GraphStatus.State.FAILED) g.stop();
        } catch (IOException | RuntimeException e) {
            g.fail(null, new IllegalStateException(BrokerUri.mask(String.valueOf(e.getMessage())), e));
            g.release();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            g.fail(null, e);
            g.release();
        }
        return g;
    }

    /**
     * The nodes unpinned parts are dealt to (round-robin, as the IoTpy thesis places them), each part
     * addressed to its node. Waits until every listening node has had time to heartbeat since
     * {@code connectedAt}, so the first node heard does not get every part.
     */
    private static List<String> placeable(Controller controller, long connectedAt) throws InterruptedException {
        long heard = connectedAt + TimeUnit.MILLISECONDS.toNanos(Node.HEARTBEAT_MILLIS * 3 / 2);
        long wait = heard - System.nanoTime();
        if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
        List<String> nodes = controller.placeable();
        if (nodes.isEmpty())
            throw new IllegalStateException("every listening node runs with --pinned-only; name the nodes to use (--nodes n1,n2) "
                    + "or start one without --pinned-only");
        return nodes;
    }

    private static IotStream<Object> blocking(IotStream<Object> s) {
        s.fullPolicy(IotStream.FullPolicy.BLOCK); // the sender thread reads it: appending waits for the sender
        return s;
    }

    private void launch(DistributedRuntime rt) throws IOException, InterruptedException {
        transport = Transport.connect(rt.broker(), "iotj-kernel-" + plan.graph(), new TransportListener() {
            @Override public void lost(StreamId s, long position, long count, String reason) {
                if (!stopping) fail(null, new IllegalStateException(count + " values of " + s + " lost: " + reason));
            }
        });
        transport.declare(topology, plan.queueParts());
        long connectedAt = System.nanoTime();
        controller = Controller.connect(rt.broker(), rt.secret(), "iotj-kernel-" + plan.graph());
        supervisor = new Supervisor(controller, new Supervisor.Listener() {
            @Override public void failed(String g, String reason) {
                if (g.equals(plan.graph())) fail(null, new IllegalStateException(reason));
            }
        });
        if (!controller.await(ns -> ns.stream().anyMatch(Controller.NodeInfo::alive), Duration.ofSeconds(3)))
            throw new IllegalStateException("no iotj node is listening on the broker; start one with install/iotj-node --name n1");
        for (String n : rt.nodes()) {
            if (!controller.await(ns -> ns.stream().anyMatch(x -> x.name().equals(n) && x.alive()), Duration.ofSeconds(3)))
                throw new IllegalStateException("node " + n + " is not listening on the broker; listening: "
                        + controller.nodes().stream().filter(Controller.NodeInfo::alive).map(Controller.NodeInfo::name).toList());
        }
        // outputs first, so nothing that comes back is missed
        transport.receiver(topology, GraphPlan.KERNEL, b -> {
            IotStream<Object> s = outs.get(b.stream().param());
            if (s == null) return;
            List<Object> vs = new ArrayList<>(b.size());
            for (int i = 0; i < b.size(); i++) vs.add(b.values().get(i));
            s.extend(vs);
            outCounts.computeIfAbsent(b.stream().param(), k -> new AtomicLong()).addAndGet(b.size());
        }, Map.of(), 16);
        List<String> targets = rt.nodes().isEmpty() ? placeable(controller, connectedAt) : rt.nodes();
        int i = 0;
        for (JsonObject spec : plan.parts()) supervisor.assembleOn(targets.get(i++ % targets.size()), spec);
        long deadline = System.nanoTime() + rt.startup().toNanos();
        while (supervisor.placements().size() < plan.parts().size()) {
            if (status.state() == GraphStatus.State.FAILED) return;
            if (System.nanoTime() > deadline)
                throw new IllegalStateException("only " + supervisor.placements().keySet() + " of " + plan.parts().size()
                        + " parts started within " + rt.startup().toSeconds() + " s; are the nodes running?");
            Thread.sleep(20);
        }
        Publisher pub = transport.publisher(topology, 32);
        for (Map.Entry<String, List<PartSpec.Destination>> e : plan.inputs().entrySet()) {
            List<Outlet> os = new ArrayList<>();
            for (PartSpec.Destination d : e.getValue())
                os.add(transport.outlet(pub, d.part(), new StreamId(d.param(), d.index(), "kernel." + e.getKey()), rt.batch(), 0, 20));
            senders.add(new Sender(ins.get(e.getKey()).reader(), os));
        }
        sendThread = Thread.ofPlatform().daemon().name("iotj-send-" + plan.graph()).start(this::send);
    }

    /** Moves appended input values to the outlets; sleeps briefly when there is nothing to send. */
    private void send() {
        long idleNanos = 0;
        try {
            while (!stopping) {
                boolean moved = false;
                for (Sender s : senders) {
                    int n;
                    while ((n = s.reader().acquire(4096)) > 0) {
                        for (int i = 0; i < n; i++) {
                            Object v = s.reader().get(i);
                            for (Outlet o : s.outlets()) o.add(v);
                        }
                        s.reader().advance(n);
                        moved = true;
                    }
                }
                if (moved) {
                    idleNanos = 0;
                } else {
                    idleNanos = Math.min(Math.max(idleNanos * 2, 100_000), 5_000_000);
                    java.util.concurrent.locks.LockSupport.parkNanos(idleNanos);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            fail(null, e);
        }
    }

    private void fail(String part, Throwable error) {
        synchronized (statusLock) {
            if (status.state() != GraphStatus.State.RUNNING && status.state() != GraphStatus.State.IDLE) return;
            status = new GraphStatus(GraphStatus.State.FAILED, part, null, error);
        }
        // As in the threads runtime, a failed graph is over: its sender, connections and timer end
        // and its inputs let go. Not in this thread: it may be the broker's or the sender's own.
        if (launched && !stopping) Thread.ofVirtual().name("iotj-release-" + plan.graph()).start(this::stop);
    }

    @Override
    public String name() {
        return graph.name();
    }

    /** The id of the graph's exchange and queues at the broker ({@link GraphTopology}). */
    public String id() {
        return plan.graph();
    }

    /** The parts' names at the broker (the kernel's queue included). */
    public List<String> queueParts() {
        return plan.queueParts();
    }

    @Override
    public Graph graph() {
        return graph;
    }

    @Override
    public String mode() {
        return "distributed";
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> IotStream<T> in(String name) {
        IotStream<Object> s = ins.get(name);
        if (s == null) throw new IllegalArgumentException("graph " + graph.name() + " has no input " + name + "; its inputs: " + ins.keySet());
        return (IotStream<T>) s;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> IotStream<T> out(String name) {
        IotStream<Object> s = outs.get(name);
        if (s == null) throw new IllegalArgumentException("graph " + graph.name() + " has no output " + name + "; its outputs: " + outs.keySet());
        return (IotStream<T>) s;
    }

    @Override
    public synchronized void stop() {
        if (stopping) return;
        stopping = true;
        if (sendThread != null) {
            try {
                sendThread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // the inputs block their writers (BLOCK): without a reader left, appending after the end never waits
        for (Sender s : senders) s.reader().close();
        if (controller != null) {
            try {
                controller.stop(plan.graph());
            } catch (IOException | RuntimeException ignored) {
                // the broker is gone: the graph's queues go with the nodes' next reconnect attempt
            }
        }
        release();
        synchronized (statusLock) {
            if (status.state() != GraphStatus.State.FAILED) status = new GraphStatus(GraphStatus.State.STOPPED, null, null, null);
        }
    }

    private void release() {
        stopping = true;
        if (supervisor != null) supervisor.close();
        if (transport != null) {
            try {
                Thread.sleep(200); // let the nodes stop consuming before the queues go
                transport.delete(topology, plan.queueParts());
            } catch (IOException | RuntimeException ignored) {
                // deleting what is already gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            transport.close();
        }
        if (controller != null) controller.close();
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quiet = 0;
        long lastOut = -1;
        while (System.nanoTime() < deadline) {
            GraphStatus.State st = status.state();
            if (st == GraphStatus.State.FAILED || st == GraphStatus.State.STOPPED) return false;
            long out = outCounts.values().stream().mapToLong(AtomicLong::get).sum();
            boolean pending = senders.stream().anyMatch(s -> s.reader().available() > 0);
            try {
                for (String p : plan.queueParts()) if (transport.queued(topology, p) > 0) pending = true;
            } catch (IOException e) {
                pending = true;
            }
            quiet = !pending && out == lastOut ? quiet + 1 : 0;
            lastOut = out;
            if (quiet >= 5) return true; // nothing queued and nothing new for five looks in a row
            Thread.sleep(50);
        }
        return false;
    }

    @Override
    public GraphStatus status() {
        return status;
    }

    @Override
    public List<PartStats> parts() {
        List<PartStats> ps = new ArrayList<>();
        if (controller == null) return ps;
        Map<String, String> templates = new LinkedHashMap<>();
        for (JsonObject p : plan.parts()) templates.put(p.get("part").getAsString(), p.get("template").getAsString());
        for (Controller.NodeInfo n : controller.nodes()) {
            if (!n.alive()) continue;
            for (Controller.PartCount c : n.counts()) {
                if (!c.graph().equals(plan.graph())) continue;
                // named part@node so a table shows where each part runs; counters as of the last heartbeat
                ps.add(new PartStats(c.part() + "@" + n.name(), templates.getOrDefault(c.part(), "?"), c.in(), c.out(), 0));
            }
        }
        return ps;
    }
}
