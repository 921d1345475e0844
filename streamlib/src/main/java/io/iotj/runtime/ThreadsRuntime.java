package io.iotj.runtime;

import io.iotj.graph.Graph;
import io.iotj.stream.Operator;
import io.iotj.stream.IotStream;
import java.util.concurrent.locks.LockSupport;

/**
 * Each part runs on its own virtual thread; parts are joined by their streams, which are bounded:
 * a part that falls behind makes its producers wait. Values move in batches (a writer publishes a
 * batch at a time, a reader consumes all it finds). An idle part is a parked virtual thread and
 * holds no platform thread.
 */
final class ThreadsRuntime implements GraphRuntime {
    private final RuntimeOptions options;

    ThreadsRuntime(RuntimeOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "threads";
    }

    @Override
    public RunningGraph start(Graph graph) {
        Run r = new Run(graph, options);
        r.begin();
        return r;
    }

    static final class Run extends LocalRun {
        Run(Graph graph, RuntimeOptions options) {
            super(graph, options);
        }

        @Override
        public String mode() {
            return "threads";
        }

        /**
         * Every part keeps its own thread. Chaining parts into as many chains as cores measured
         * slower here (PipelineBenchmark, 2 cores shared with other jobs: 29 against 50 M events/s
         * with C2, 14 against 24 with C1): the busier chain sets the pace and the other parks and
         * wakes for every batch, where five parts on two carriers even themselves out.
         */
        @Override
        int minTasks() {
            return Integer.MAX_VALUE;
        }

        @Override
        void launch() {
            for (IotStream<?> s : graph.streams()) {
                s.fullPolicy(IotStream.FullPolicy.BLOCK);
            }
            for (Task t : tasks) {
                if (t.head == t) {
                    t.thread = thread(t.part.name(), () -> loop(t));
                }
            }
            for (Task t : tasks) {
                if (t.head == t) {
                    t.thread.start();
                } else {
                    t.thread = t.head.thread; // runs in its head's step
                }
            }
        }

        @Override
        void signal(Task t) {
            if (t.waiting) {
                LockSupport.unpark(t.thread);
            }
        }

        private void loop(Task t) {
            Operator op = t.op;
            Runnable drain = () -> drain(t);
            try {
                while (!stopping) {
                    t.running = true;
                    t.pending = false;
                    options.hook().run(t.part, drain);
                    t.running = false;
                    if (stopping) {
                        break;
                    }
                    t.waiting = true;
                    if (t.pending || stopping) {
                        t.waiting = false;
                        continue;
                    }
                    if (op.isSource()) {
                        long due = op.nextDueNanos();
                        if (due == Long.MAX_VALUE) {
                            t.waiting = false;
                            break; // finished: nothing more will come from this part
                        }
                        if (due != Long.MIN_VALUE) {
                            long d = due - System.nanoTime();
                            if (d > 0) {
                                LockSupport.parkNanos(this, d);
                            }
                        }
                    } else {
                        LockSupport.park(this);
                    }
                    t.waiting = false;
                }
            } catch (Throwable e) {
                fail(t, e);
            } finally {
                t.running = false;
                threadEnded();
            }
        }

        private void drain(Task t) {
            Operator op = t.op;
            int batch = options.batch();
            long lastYield = System.nanoTime();
            int steps = 0;
            while (!stopping) {
                int n = op.step(batch);
                if (n == 0) {
                    return;
                }
                t.work = t.work + 1;
                if ((++steps & 15) == 0) {
                    long now = System.nanoTime();
                    if (now - lastYield > SingleThreadRuntime.YIELD_NANOS) {
                        // Virtual threads are not preempted: let other parts and graphs run.
                        lastYield = now;
                        Thread.yield();
                    }
                }
            }
        }
    }
}
