package io.iotj.runtime;

import io.iotj.graph.Graph;
import io.iotj.stream.Chaining;
import io.iotj.stream.IotStream;
import io.iotj.stream.Operator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which parts of a graph run chained behind the part that writes their input, in its thread and
 * step ({@link Chaining}): a runtime asks for at least {@code minTasks} parts that run on their own
 * (the single-thread runtime 1; the threads runtime all of them, see {@code ThreadsRuntime}), and
 * every other link that can be chained is. Chained links are cut in the middle of the longest chains until there are that many.
 * {@code -Diotj.chaining=false} turns chaining off (to compare).
 */
final class ChainPlan {
    static final boolean ENABLED = !"false".equals(System.getProperty("iotj.chaining"));

    private ChainPlan() {
    }

    /** Chains the tasks' operators and sets each task's {@code head}; call before any value flows. */
    static void apply(Graph graph, LocalRun.Task[] tasks, int minTasks) {
        if (!ENABLED || tasks.length < 2 || minTasks >= tasks.length) {
            return;
        }
        Set<IotStream<?>> external = Collections.newSetFromMap(new IdentityHashMap<>());
        external.addAll(graph.inputs().values());
        external.addAll(graph.outputs().values());
        Map<IotStream<?>, LocalRun.Task> writer = new IdentityHashMap<>();
        for (LocalRun.Task t : tasks) {
            for (IotStream<?> s : t.op.outputs()) {
                writer.put(s, t);
            }
        }
        Map<LocalRun.Task, LocalRun.Task> next = new IdentityHashMap<>();
        Map<LocalRun.Task, LocalRun.Task> prev = new IdentityHashMap<>();
        for (LocalRun.Task d : tasks) {
            if (d.op.inputs().size() != 1) {
                continue;
            }
            IotStream<?> s = d.op.inputs().get(0);
            LocalRun.Task u = writer.get(s);
            if (u != null && !external.contains(s) && Chaining.canChain(u.op, d.op)) {
                next.put(u, d);
                prev.put(d, u);
            }
        }
        List<List<LocalRun.Task>> chains = new ArrayList<>();
        for (LocalRun.Task t : tasks) {
            if (prev.containsKey(t)) {
                continue;
            }
            List<LocalRun.Task> chain = new ArrayList<>();
            for (LocalRun.Task c = t; c != null; c = next.get(c)) {
                chain.add(c);
            }
            chains.add(chain);
        }
        // Parts on a cycle of chainable links have no head: they keep running on their own.
        int running = chains.size() + (tasks.length - chains.stream().mapToInt(List::size).sum());
        while (running < minTasks) {
            List<LocalRun.Task> longest = null;
            for (List<LocalRun.Task> c : chains) {
                if (c.size() >= 2 && (longest == null || c.size() > longest.size())) {
                    longest = c;
                }
            }
            if (longest == null) {
                break;
            }
            int cut = longest.size() / 2;
            chains.remove(longest);
            chains.add(new ArrayList<>(longest.subList(0, cut)));
            chains.add(new ArrayList<>(longest.subList(cut, longest.size())));
            running++;
        }
        for (List<LocalRun.Task> chain : chains) {
            LocalRun.Task head = chain.get(0);
            for (int i = 1; i < chain.size(); i++) {
                LocalRun.Task d = chain.get(i);
                Operator up = chain.get(i - 1).op;
                Chaining.chain(up, d.op);
                d.head = head;
                d.pending = false;
            }
        }
    }
}
