package io.iotj.runtime;

import io.iotj.graph.Graph;
import io.iotj.stream.IotStream;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs all parts of a graph on one virtual thread, in a fixed order (producers first), so a graph
 * given the same inputs always computes the same way. Streams between parts may grow by a round's
 * output (the consumer runs later in the same round); external inputs are bounded, so a caller
 * appending faster than the graph computes waits.
 */
final class SingleThreadRuntime implements GraphRuntime {
    private final RuntimeOptions options;

    SingleThreadRuntime(RuntimeOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "single";
    }

    @Override
    public RunningGraph start(Graph graph) {
        Run r = new Run(graph, options);
        r.begin();
        return r;
    }

    /** A busy graph lets other virtual threads run at least this often. */
    static final long YIELD_NANOS = 1_000_000L;

    static final class Run extends LocalRun {
        private volatile boolean workerWaiting;
        private Thread worker;
        private Task current;

        Run(Graph graph, RuntimeOptions options) {
            super(graph, options);
        }

        @Override
        public String mode() {
            return "single";
        }

        @Override
        int minTasks() {
            return 1;
        }

        @Override
        void launch() {
            for (IotStream<?> s : graph.streams()) {
                boolean internal = graph.producerOf(s) != null;
                s.fullPolicy(internal ? IotStream.FullPolicy.GROW : IotStream.FullPolicy.BLOCK);
            }
            worker = thread("worker", this::loop);
            for (Task t : tasks) {
                t.thread = worker;
            }
            worker.start();
        }

        @Override
        void signal(Task t) {
            if (workerWaiting) {
                LockSupport.unpark(worker);
            }
        }

        private void loop() {
            Runnable step = this::stepCurrent;
            long lastYield = System.nanoTime();
            try {
                while (!stopping) {
                    boolean progress = false;
                    long now = System.nanoTime();
                    long nextDue = Long.MAX_VALUE;
                    for (Task t : tasks) {
                        if (t.head != t) {
                            continue; // runs in its head's step
                        }
                        boolean due = false;
                        if (t.op.isSource()) {
                            long d = t.op.nextDueNanos();
                            if (d == Long.MIN_VALUE || (d != Long.MAX_VALUE && d - now <= 0)) {
                                due = true;
                            } else if (d != Long.MAX_VALUE && d - nextDue < 0) {
                                nextDue = d;
                            }
                        }
                        if (t.pending || t.more || due) {
                            t.running = true;
                            t.pending = false;
                            current = t;
                            options.hook().run(t.part, step);
                            t.running = false;
                            progress |= t.more;
                            if (stopping) {
                                return;
                            }
                        }
                    }
                    if (now - lastYield > YIELD_NANOS) {
                        lastYield = now;
                        Thread.yield(); // virtual threads are not preempted: let other graphs run
                    }
                    if (!progress) {
                        workerWaiting = true;
                        if (!anyPending() && !stopping) {
                            if (nextDue == Long.MAX_VALUE) {
                                LockSupport.park(this);
                            } else {
                                long d = nextDue - System.nanoTime();
                                if (d > 0) {
                                    LockSupport.parkNanos(this, d);
                                }
                            }
                        }
                        workerWaiting = false;
                    }
                }
            } catch (Throwable e) {
                fail(current, e);
            } finally {
                if (current != null) {
                    current.running = false;
                }
                threadEnded();
            }
        }

        /**
         * Runs the current part: a source one batch (so streams stay small), any other part until
         * its input (bounded by what this round produced) is used up.
         */
        private void stepCurrent() {
            Task t = current;
            int batch = options.batch();
            if (t.op.isSource()) {
                int n = t.op.step(batch);
                t.more = n > 0;
                if (n > 0) {
                    t.work = t.work + 1;
                }
                return;
            }
            while (!stopping) {
                int n = t.op.step(batch);
                if (n == 0) {
                    break;
                }
                t.work = t.work + 1;
            }
            t.more = false;
        }

        private boolean anyPending() {
            for (Task t : tasks) {
                if (t.pending) {
                    return true;
                }
            }
            return false;
        }
    }
}
