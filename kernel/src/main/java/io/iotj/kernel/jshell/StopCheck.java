package io.iotj.kernel.jshell;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The per-cell stop check that {@link SnippetWeaver} inserts into snippet code (at method entry and
 * before every backward branch).
 *
 * <p>JShell's own {@code LocalExecutionControl} uses one global flag, so stopping a cell would also kill
 * background stream-graph threads that happen to be running notebook-defined methods. Here a stop only
 * hits threads carrying the stopped cell's {@link CellToken}: the cell's thread and the threads it started.
 * The common path is a single volatile read, like the JDK's check.
 *
 * <p>Public only because woven snippet classes (in another class loader) call {@link #check()}.
 */
public final class StopCheck {
    /** Internal name used by the weaver. */
    static final String OWNER = "io/iotj/kernel/jshell/StopCheck";
    static final String METHOD = "check";

    private static final InheritableThreadLocal<CellToken> TOKEN = new InheritableThreadLocal<>();
    /** Number of stop requests not yet finished; non-zero makes {@link #check()} look at the thread's token. */
    private static final AtomicInteger PENDING = new AtomicInteger();
    private static volatile boolean pending;
    /** After a stopped cell ends, keep checking a little longer so CPU-bound threads it started also stop. */
    private static final long LINGER_NANOS = 2_000_000_000L;
    private static volatile long lingerUntil;

    private StopCheck() {
    }

    /** Called by woven code; throws {@link CellInterruptedError} when this thread's cell is being stopped. */
    public static void check() {
        if (pending) {
            CellToken token = TOKEN.get();
            if (token != null && token.mustStop(LINGER_NANOS)) {
                throw new CellInterruptedError();
            }
            if (PENDING.get() == 0 && System.nanoTime() - lingerUntil > 0) {
                pending = false;
                if (PENDING.get() > 0) {
                    pending = true; // a stop arrived meanwhile: never lose it
                }
            }
        }
    }

    /**
     * Runs {@code work} on the current thread with no cell token, so neither it nor the threads it starts
     * can be stopped by interrupting a cell. Meant for stream-graph threads and other long-lived work.
     */
    public static <T> T outsideCell(Callable<T> work) throws Exception {
        CellToken saved = TOKEN.get();
        TOKEN.remove();
        try {
            return work.call();
        } finally {
            if (saved != null) {
                TOKEN.set(saved);
            }
        }
    }

    /** Whether the current thread belongs to a cell that is being stopped. */
    public static boolean currentCellStopping() {
        CellToken token = TOKEN.get();
        return token != null && token.mustStop(LINGER_NANOS);
    }

    static CellToken currentToken() {
        return TOKEN.get();
    }

    static void enter(CellToken token) {
        TOKEN.set(token);
    }

    static void leave() {
        TOKEN.remove();
    }

    /** Marks {@code token} stopped and turns on the slow path until {@link #stopFinished(CellToken)}. */
    static void stopRequested(CellToken token) {
        token.requestStop();
        PENDING.incrementAndGet();
        pending = true;
    }

    /** The stopped cell's own thread has ended; its other threads get {@link #LINGER_NANOS} more to notice. */
    static void stopFinished(CellToken token) {
        token.finished();
        lingerUntil = System.nanoTime() + LINGER_NANOS;
        PENDING.updateAndGet(n -> Math.max(0, n - 1));
    }
}
