package io.iotj.runtime;

import io.iotj.graph.Graph;
import io.iotj.graph.Part;
import io.iotj.stream.Activation;
import io.iotj.stream.Operator;
import io.iotj.stream.IotStream;
import io.iotj.stream.ValueFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/** What the in-process runtimes share: tasks per part, failure, stop, idleness and counters. */
abstract class LocalRun implements RunningGraph {
    /** How long stop waits before interrupting a part stuck in user code. */
    static final long GRACE_MILLIS = 500;
    /** How long a graph makes no progress, every part idle or blocked, before it counts as stalled. */
    static final long STALL_NANOS = 100_000_000L;
    /** How long stop then waits for interrupted parts. */
    static final long JOIN_MILLIS = 5000;

    final Graph graph;
    final RuntimeOptions options;
    final Task[] tasks;
    volatile boolean stopping;
    private volatile boolean stoppedByCaller;
    private volatile GraphStatus terminal;
    private final AtomicBoolean detached = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger alive = new java.util.concurrent.atomic.AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();

    LocalRun(Graph graph, RuntimeOptions options) {
        this.graph = graph;
        this.options = options;
        List<Part> parts = graph.parts();
        this.tasks = new Task[parts.size()];
        for (int i = 0; i < tasks.length; i++) {
            tasks[i] = new Task(this, parts.get(i));
        }
    }

    /** Wakes whoever runs {@code t}; called by writers after publishing values for it. */
    abstract void signal(Task t);

    /** Starts the threads; subclasses call {@link #thread} for each. */
    abstract void launch();

    /** The fewest parts that should run on their own, the others chained behind them ({@link ChainPlan}). */
    abstract int minTasks();

    final void begin() {
        for (Task t : tasks) {
            if (t.op.activation() != Activation.INLINE) {
                throw new IllegalStateException("part " + t.part.name() + " of graph " + graph.name()
                        + " already runs in another graph (or has stopped)");
            }
        }
        graph.claim();
        openAll();
        ChainPlan.apply(graph, tasks, minTasks());
        for (Task t : tasks) {
            // A chained part runs in its head's step: waiting for room or stopping is the head's.
            t.op.activation(t.head);
        }
        launch();
    }

    /**
     * Opens every part's outside resources (connections, files) before any thread starts; when one
     * cannot be opened, closes those already opened and lets the graph go, so a failed start leaves
     * nothing running or connected.
     */
    private void openAll() {
        for (int i = 0; i < tasks.length; i++) {
            try {
                tasks[i].op.open();
            } catch (RuntimeException e) {
                for (int j = i; j >= 0; j--) {
                    try {
                        tasks[j].op.close();
                    } catch (RuntimeException ignored) {
                        // best effort: the start failed already
                    }
                }
                for (Task t : tasks) {
                    t.op.activation(Activation.STOPPED);
                    t.op.detach();
                }
                throw e;
            }
        }
    }

    final Thread thread(String suffix, Runnable body) {
        Thread t = Thread.ofVirtual().name("iotj-" + graph.name() + "-" + suffix).unstarted(body);
        synchronized (threads) {
            threads.add(t);
        }
        alive.incrementAndGet();
        return t;
    }

    /** Threads this graph started (for tests: none is alive after stop). */
    List<Thread> threads() {
        synchronized (threads) {
            return List.copyOf(threads);
        }
    }

    final void fail(Task t, Throwable e) {
        if (e instanceof Operator.Stopped || stoppedByCaller) {
            return; // errors while the caller stops the graph (an interrupted sleep) are not failures
        }
        Object value = null;
        Throwable cause = e;
        if (e instanceof ValueFailure vf) {
            value = vf.value();
            cause = vf.getCause() != null ? vf.getCause() : vf;
            for (Task x : tasks) {
                if (x.op == vf.operator()) {
                    t = x; // a part chained behind t's failed
                }
            }
        }
        synchronized (this) {
            if (terminal == null) {
                terminal = new GraphStatus(GraphStatus.State.FAILED, t == null ? null : t.part.name(), value, cause);
            }
        }
        requestStop();
        // Let go of the inputs at once, so a caller appending to them never waits on a dead graph.
        detachAll();
    }

    private void requestStop() {
        stopping = true;
        for (Task t : tasks) {
            Thread th = t.thread;
            if (th != null) {
                LockSupport.unpark(th);
            }
        }
    }

    /** Called by each of the graph's threads as it ends; the last one closes the parts' resources. */
    final void threadEnded() {
        if (alive.decrementAndGet() == 0 && stopping) {
            detachAll();
            closeAll();
        }
    }

    private void detachAll() {
        if (!detached.compareAndSet(false, true)) {
            return;
        }
        for (Task t : tasks) {
            t.op.activation(Activation.STOPPED);
            t.op.detach();
        }
    }

    private void closeAll() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Task t : tasks) {
            try {
                t.op.close();
            } catch (RuntimeException e) {
                // closing is best effort; the graph is over
            }
        }
    }

    @Override
    public final void stop() {
        stoppedByCaller = terminal == null;
        requestStop();
        // Parts between batches end at once; a part inside a blocking user function is
        // interrupted after a grace period.
        joinAll(GRACE_MILLIS);
        for (Thread th : threads()) {
            if (th.isAlive() && th != Thread.currentThread()) {
                th.interrupt();
            }
        }
        joinAll(JOIN_MILLIS);
        synchronized (this) {
            if (terminal == null) {
                terminal = GraphStatus.of(GraphStatus.State.STOPPED);
            }
        }
        detachAll();
        if (alive.get() == 0) {
            closeAll();
        }
    }

    private void joinAll(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (Thread th : threads()) {
            if (th == Thread.currentThread()) {
                continue;
            }
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    th.join(Duration.ofNanos(left));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public final GraphStatus status() {
        GraphStatus s = terminal;
        if (s != null) {
            return s;
        }
        if (stopping) {
            return GraphStatus.of(GraphStatus.State.RUNNING);
        }
        return quiescent() ? GraphStatus.of(GraphStatus.State.IDLE) : GraphStatus.of(GraphStatus.State.RUNNING);
    }

    /**
     * True when no part runs or has been woken and no source is due, checked twice around a work
     * count. Values a part cannot use yet (one side of a zip) do not keep the graph busy.
     */
    private boolean quiescent() {
        long w1 = totalWork();
        long now = System.nanoTime();
        for (Task t : tasks) {
            // A part sets running before it clears pending, and a writer wakes its readers before
            // it stops running: a value in flight always shows in one of the two.
            if (t.running || t.pending) {
                return false;
            }
            if (t.op.isSource()) {
                long due = t.op.nextDueNanos();
                if (due != Long.MAX_VALUE && (due == Long.MIN_VALUE || due - now <= 0)) {
                    return false;
                }
            }
        }
        return totalWork() == w1;
    }

    private long stallWork = -1;
    private long stallSince;

    /** True when every part is idle or waiting for room and nothing progressed for 100 ms. */
    final synchronized boolean stalled() {
        if (stopping) {
            return false;
        }
        for (Task t : tasks) {
            if (t.running && !t.blocked) {
                stallWork = -1;
                return false;
            }
        }
        long w = totalWork();
        long now = System.nanoTime();
        if (w != stallWork) {
            stallWork = w;
            stallSince = now;
            return false;
        }
        return now - stallSince > STALL_NANOS;
    }

    private long totalWork() {
        long w = 0;
        for (Task t : tasks) {
            w += t.work;
        }
        return w;
    }

    @Override
    public final boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 50_000;
        for (;;) {
            GraphStatus s = status();
            if (s.state() == GraphStatus.State.IDLE) {
                return true;
            }
            if (s.state() != GraphStatus.State.RUNNING) {
                return false;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            LockSupport.parkNanos(Math.min(pause, left));
            pause = Math.min(pause * 2, 5_000_000);
        }
    }

    @Override
    public final List<PartStats> parts() {
        List<PartStats> out = new ArrayList<>(tasks.length);
        for (Task t : tasks) {
            long written = 0;
            for (IotStream<?> s : t.op.outputs()) {
                written += s.count();
            }
            out.add(new PartStats(t.part.name(), t.part.template(), t.op.valuesIn(), written, t.op.backlog()));
        }
        return out;
    }

    @Override
    public final String name() {
        return graph.name();
    }

    @Override
    public final Graph graph() {
        return graph;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <T> IotStream<T> in(String name) {
        IotStream<?> s = graph.inputs().get(name);
        if (s == null) {
            throw new IllegalArgumentException("graph " + graph.name() + " has no input " + name + "; inputs: " + graph.inputs().keySet());
        }
        return (IotStream<T>) s;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <T> IotStream<T> out(String name) {
        IotStream<?> s = graph.outputs().get(name);
        if (s == null) {
            throw new IllegalArgumentException("graph " + graph.name() + " has no output " + name + "; outputs: " + graph.outputs().keySet());
        }
        return (IotStream<T>) s;
    }

    @Override
    public String toString() {
        return "graph " + graph.name() + " (" + mode() + "): " + status();
    }

    /** A part as the runtime runs it (or chains behind another); also the part's {@link Activation}. */
    static final class Task implements Activation {
        final LocalRun run;
        final Part part;
        final Operator op;
        /** The task whose step runs this one: itself, or the head of the chain it is in. */
        Task head = this;
        volatile boolean pending = true;
        volatile boolean waiting;
        volatile boolean running;
        volatile boolean blocked;
        volatile long work;
        volatile Thread thread;
        boolean more;

        Task(LocalRun run, Part part) {
            this.run = run;
            this.part = part;
            this.op = part.operator();
        }

        @Override
        public void wake(Operator o) {
            pending = true;
            run.signal(this);
        }

        @Override
        public boolean stopRequested() {
            return run.stopping;
        }

        @Override
        public void blocked(boolean waiting) {
            blocked = waiting;
        }

        @Override
        public boolean stalled() {
            return run.stalled();
        }
    }
}
