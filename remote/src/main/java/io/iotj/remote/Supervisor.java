package io.iotj.remote;

import com.google.gson.JsonObject;
import io.iotj.remote.security.SignedMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a distributed graph's parts running: learns where each part runs from the nodes' status
 * reports, and when a node falls silent (see {@link Controller#DEAD_AFTER}) sends its parts to the
 * next live node, which resumes each from the part's checkpoint at the broker. When no node is left,
 * the graph is reported failed, with the reason.
 */
public final class Supervisor implements AutoCloseable {
    private static final long CHECK_MILLIS = 500;

    /** Where a part runs and how to start it again. */
    private record Placement(String graph, String part, JsonObject spec, String node) {}

    /** What the supervisor tells its owner. */
    public interface Listener {
        /** {@code part} of {@code graph} moved from a dead node to another. */
        default void moved(String graph, String part, String from, String to) {}

        /** {@code graph} cannot go on. */
        default void failed(String graph, String reason) {}
    }

    private final Controller controller;
    private final Listener listener;
    private final Map<String, Placement> placements = new LinkedHashMap<>(); // "graph/part"
    private final Map<String, JsonObject> pending = new LinkedHashMap<>();   // sent, not yet reported running
    private final ScheduledExecutorService timer;
    private int next;

    /** Watches nodes through {@code controller}. */
    public Supervisor(Controller controller, Listener listener) {
        this.controller = controller;
        this.listener = listener;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "iotj-supervisor");
            t.setDaemon(true);
            return t;
        });
        controller.onEvent(this::onEvent);
        timer.scheduleWithFixedDelay(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Sends a part to {@code node} and watches it. */
    public synchronized void assembleOn(String node, JsonObject spec) throws IOException {
        pending.put(key(spec), spec);
        controller.assembleOn(node, spec);
    }

    /** Stops watching {@code graph} (call when it stops). */
    public synchronized void forget(String graph) {
        placements.values().removeIf(p -> p.graph().equals(graph));
        pending.keySet().removeIf(k -> k.startsWith(graph + "/"));
    }

    /** Where each watched part runs: {@code graph/part -> node}. */
    public synchronized Map<String, String> placements() {
        Map<String, String> m = new LinkedHashMap<>();
        placements.forEach((k, p) -> m.put(k, p.node()));
        return m;
    }

    private static String key(JsonObject spec) {
        return spec.get("graph").getAsString() + "/" + spec.get("part").getAsString();
    }

    private synchronized void onEvent(SignedMessage m) {
        if (!m.type().equals("status") || !m.body().has("part")) return;
        String k = m.body().get("graph").getAsString() + "/" + m.body().get("part").getAsString();
        String state = m.body().get("state").getAsString();
        JsonObject spec = pending.get(k);
        if (spec == null && placements.containsKey(k)) spec = placements.get(k).spec();
        if (spec == null) return;
        switch (state) {
            case "running" -> {
                pending.remove(k);
                placements.put(k, new Placement(spec.get("graph").getAsString(), spec.get("part").getAsString(), spec, m.from()));
            }
            case "failed" -> {
                pending.remove(k);
                listener.failed(spec.get("graph").getAsString(), "part " + spec.get("part").getAsString() + " failed on "
                        + m.from() + ": " + (m.body().has("error") ? m.body().get("error").getAsString() : "unknown error"));
            }
            default -> { }
        }
    }

    private void check() {
        try {
            // after our own reconnect every node looks silent for a while: wait until heartbeats are back
            if (!controller.canJudgeNodes()) return;
            List<Controller.NodeInfo> nodes = controller.nodes();
            List<String> alive = nodes.stream().filter(Controller.NodeInfo::alive).map(Controller.NodeInfo::name).toList();
            List<Placement> orphans = new ArrayList<>();
            synchronized (this) {
                for (Placement p : placements.values()) if (!alive.contains(p.node())) orphans.add(p);
            }
            for (Placement p : orphans) {
                if (alive.isEmpty()) {
                    synchronized (this) {
                        forget(p.graph());
                    }
                    listener.failed(p.graph(), "node " + p.node() + " stopped answering and no node is left to run " + p.part());
                    continue;
                }
                String to;
                synchronized (this) {
                    to = alive.get(next++ % alive.size());
                    placements.remove(p.graph() + "/" + p.part());
                }
                assembleOn(to, p.spec());
                listener.moved(p.graph(), p.part(), p.node(), to);
            }
        } catch (IOException | RuntimeException e) {
            // the broker is unreachable right now; the next check tries again
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
