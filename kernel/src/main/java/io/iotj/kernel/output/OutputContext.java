package io.iotj.kernel.output;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The notebook cell that text and displays belong to: the parent request of the cell that
 * started the current thread. A thread inherits the context of the thread that created it,
 * so output printed by threads a cell started reaches that cell, even after the cell ended.
 *
 * <p>Threads created outside any cell (thread pools created earlier, library threads) have no
 * context of their own; {@link #current()} then falls back to the cell that runs or ran last.
 * Code that hands work to such threads can carry the context explicitly with
 * {@link #runWith(OutputContext, Runnable)} or {@link #wrap(Runnable)}.
 */
public final class OutputContext {
    private static final InheritableThreadLocal<OutputContext> OWN = new InheritableThreadLocal<>();
    private static final AtomicLong IDS = new AtomicLong();
    /** The cell that runs now or ran last: the owner of output from threads without a context. */
    private static volatile OutputContext lastCell;

    private final long id = IDS.incrementAndGet();
    private final Object parent;
    private final String label;
    final OutputBuffer buffer = new OutputBuffer();

    /**
     * @param parent the request this output answers (for the kernel: the execute_request message)
     * @param label  a short name for diagnostics, such as "cell 3"
     */
    public OutputContext(Object parent, String label) {
        this.parent = Objects.requireNonNull(parent, "parent");
        this.label = label;
    }

    /** The request this output answers; the kernel uses it as the parent header. */
    public Object parent() {
        return parent;
    }

    /** A unique number of this context within the process. */
    public long id() {
        return id;
    }

    /** The context of the calling thread, else the running or last cell, else {@code null}. */
    public static OutputContext current() {
        OutputContext own = OWN.get();
        return own != null ? own : lastCell;
    }

    /** The context the calling thread carries itself (inherited or set), without the fallback. */
    public static OutputContext own() {
        return OWN.get();
    }

    /** Marks {@code ctx} as the running cell: threads without a context of their own print there. */
    public static void setLastCell(OutputContext ctx) {
        lastCell = ctx;
    }

    /** Runs {@code action} on the calling thread with {@code ctx} as its context, then restores the previous one. */
    public static void runWith(OutputContext ctx, Runnable action) {
        OutputContext before = OWN.get();
        OWN.set(ctx);
        try {
            action.run();
        } finally {
            restore(before);
        }
    }

    /** Like {@link #runWith(OutputContext, Runnable)} for code that returns a value. */
    public static <T> T callWith(OutputContext ctx, Callable<T> action) throws Exception {
        OutputContext before = OWN.get();
        OWN.set(ctx);
        try {
            return action.call();
        } finally {
            restore(before);
        }
    }

    /**
     * Binds {@code action} to the calling thread's current context, so that whichever thread
     * later runs it (an executor's, a timer's) prints into the cell that created it.
     */
    public static Runnable wrap(Runnable action) {
        OutputContext ctx = current();
        if (ctx == null) return action;
        return () -> runWith(ctx, action);
    }

    private static void restore(OutputContext before) {
        if (before == null) OWN.remove();
        else OWN.set(before);
    }

    @Override
    public String toString() {
        return "OutputContext[" + id + (label == null ? "" : ", " + label) + "]";
    }
}
