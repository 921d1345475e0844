package io.iotj.kernel.jshell;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell local execution with per-cell stopping and live results.
 *
 * <p>Differences from {@link LocalExecutionControl}, and why:
 * <ul>
 * <li>{@link #load}: weaves {@link StopCheck#check()} (ours, per cell) instead of the JDK's check on one
 *     global flag, so interrupting a cell never kills background threads running notebook code.</li>
 * <li>{@link #invoke(Method)}: runs the snippet on a fresh thread created by the caller (so the caller's
 *     inheritable thread-locals, e.g. output routing, reach user code), keeps the live result object and
 *     the real exception for the evaluator, and does not wait for threads the snippet started.</li>
 * <li>{@link #stop()}: stops the running cell only; a cell stuck where no check runs (native I/O) is
 *     abandoned after a grace period so the kernel stays usable.</li>
 * </ul>
 */
final class CellExecutionControl extends LocalExecutionControl {
    private final SnippetLoaderDelegate delegate;
    private final Duration stopGrace;
    private volatile CellRun current;
    private long threadCounter;
    private ThreadGroup cellGroup;

    CellExecutionControl(SnippetLoaderDelegate delegate, Duration stopGrace) {
        super(delegate);
        this.delegate = delegate;
        this.stopGrace = stopGrace;
    }

    SnippetLoaderDelegate delegate() {
        return delegate;
    }

    void begin(CellRun run) {
        current = run;
    }

    void end(CellRun run) {
        synchronized (run) {
            // From now on a stop request for this cell comes too late: see stopCell.
            run.ended = true;
        }
        if (current == run) {
            current = null;
        }
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        ClassBytecodes[] woven = new ClassBytecodes[cbcs.length];
        for (int i = 0; i < cbcs.length; i++) {
            woven[i] = new ClassBytecodes(cbcs[i].name(), SnippetWeaver.weave(cbcs[i].bytecodes()));
        }
        // Deliberately not super.load: that would add the JDK's global stop check as well.
        delegate.load(woven);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        CellRun run = current;
        if (run == null) {
            run = new CellRun(new CellToken(-1)); // JShell-internal call outside any eval of ours
        }
        CellRun r = run;
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(cellGroup(), () -> {
            StopCheck.enter(r.token);
            try {
                result[0] = doitMethod.invoke(null);
            } catch (InvocationTargetException e) {
                failure[0] = e.getCause();
            } catch (Throwable e) {
                failure[0] = e;
            } finally {
                StopCheck.leave();
            }
        }, "iotj-cell-" + r.token.cellNumber() + "-" + (++threadCounter), 0, true);
        thread.setDaemon(true);
        thread.setContextClassLoader(delegate.loader());
        r.thread = thread;
        if (r.token.stopRequested()) {
            r.stopped = true;
            throw new StoppedException();
        }
        thread.start();
        awaitEnd(r, thread);
        r.thread = null;
        if (r.abandoned) {
            r.stopped = true;
            throw new StoppedException();
        }
        Throwable thrown = failure[0];
        if (thrown == null) {
            r.invoked = true;
            r.value = result[0];
            return ""; // the evaluator hands out the live object; JShell's text form is never used
        }
        if (thrown instanceof CellInterruptedError
                || (r.token.stopRequested() && thrown instanceof InterruptedException)) {
            r.stopped = true;
            throw new StoppedException();
        }
        r.thrown = thrown;
        throw new InvocationTargetException(thrown); // DirectExecutionControl turns it into JShell's exception
    }

    /**
     * Cell threads and the threads they start live in this group, which keeps the expected end of a stopped
     * thread ({@link CellInterruptedError}) off stderr.
     */
    private ThreadGroup cellGroup() {
        if (cellGroup == null) {
            cellGroup = new ThreadGroup(Thread.currentThread().getThreadGroup(), "iotj-cells") {
                @Override
                public void uncaughtException(Thread t, Throwable e) {
                    if (!(e instanceof CellInterruptedError)) {
                        super.uncaughtException(t, e);
                    }
                }
            };
        }
        return cellGroup;
    }

    private void awaitEnd(CellRun run, Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                long at = run.stopRequestedAt;
                if (at == 0) {
                    thread.join(100);
                } else {
                    long left = stopGrace.toNanos() - (System.nanoTime() - at);
                    if (left <= 0) {
                        run.abandoned = true;
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedJoin(thread, Math.min(left, 50_000_000L));
                }
            } catch (InterruptedException e) {
                interrupted = true; // the caller was interrupted: treat it as a stop request for this cell
                stopCell(run);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the calling thread belongs to the cell being evaluated (its thread or one it started). */
    boolean isCurrentCellThread() {
        CellRun run = current;
        return run != null && StopCheck.currentToken() == run.token;
    }

    /** Stops the cell being evaluated, if any. Returns whether a cell was running. */
    boolean stopCurrent() {
        CellRun run = current;
        return run != null && stopCell(run);
    }

    /**
     * Stops {@code run} unless it has ended. An interrupt can read {@link #current} just before the cell
     * ends; stopping it then would leave its token stopped with nobody to call
     * {@link StopCheck#stopFinished}: every thread the finished cell started would die, and the stop
     * check's slow path would stay on for good.
     *
     * @return whether the cell was still running
     */
    static boolean stopCell(CellRun run) {
        synchronized (run) {
            if (run.ended) {
                return false;
            }
            if (run.stopRequestedAt != 0) {
                return true;
            }
            run.stopRequestedAt = System.nanoTime();
            StopCheck.stopRequested(run.token);
        }
        Thread thread = run.thread;
        if (thread != null) {
            thread.interrupt(); // wakes sleep/wait/join; the woven check handles busy loops
        }
        return true;
    }

    @Override
    public void stop() {
        stopCurrent();
    }

    @Override
    public void close() {
        stopCurrent();
        super.close();
    }

    /** Used when JShell asks for a class by name (e.g. to find a variable's field). */
    Class<?> classNamed(String name) throws ClassNotFoundException {
        return findClass(name);
    }
}
