package io.iotj.kernel;

import io.iotj.display.Renderers;
import io.iotj.kernel.magic.MagicRegistry;
import io.iotj.kernel.output.ErrorStyle;
import io.iotj.kernel.output.OutputContext;
import io.iotj.kernel.output.StreamName;
import io.iotj.kernel.session.NotebookSession;
import io.iotj.kernel.session.ValueSummaries;

/**
 * What a {@link KernelExtension} may use. Every method may be called from any thread.
 */
public interface KernelContext {
    /** The magics registry: register {@code %name} and {@code %%name} magics here. */
    MagicRegistry magics();

    /** The renderer registry used for cell results and {@code display(...)}. */
    Renderers renderers();

    /** How {@code %vars} shows a value in one line: register a summary for your types here. */
    ValueSummaries summaries();

    /**
     * The notebook's Java session: its variables, the methods cells defined, {@code bind},
     * {@code evalObject}, the cell boundary.
     */
    NotebookSession session();

    /**
     * The cell that output of the calling thread belongs to: the thread's own context (the
     * cell that started it), else the running or last cell; {@code null} before any cell ran.
     */
    default OutputContext currentOutput() {
        return OutputContext.current();
    }

    /**
     * Runs {@code action} on the calling thread with {@code ctx} as its output context. Threads
     * started inside inherit it: use it to start background work (a running graph) so that its
     * printing and displays keep going to the cell that started it.
     */
    default void runWithOutput(OutputContext ctx, Runnable action) {
        OutputContext.runWith(ctx, action);
    }

    /**
     * Shows a warning in the calling thread's cell, styled milder than an error (see
     * {@link ErrorStyle#warning}): a problem the user may want to fix that stops nothing.
     */
    default void warn(String warning) {
        System.out.println(ErrorStyle.warning(warning));
    }

    /** Appends text to a cell's stdout or stderr, batched like {@code System.out}. */
    void write(OutputContext ctx, StreamName stream, String text);

    /** Sends the text waiting for {@code ctx} now. */
    void flush(OutputContext ctx);

    /**
     * Shows {@code value} in the cell of the calling thread's output context.
     *
     * @return the display id, for {@link #updateDisplay}
     */
    String display(Object value, String... mimeTypes);

    /** Replaces what display {@code displayId} shows; works after its cell ended. */
    void updateDisplay(String displayId, Object value, String... mimeTypes);

    /**
     * Runs {@code hook} when the user interrupts the running cell (after the evaluator was told
     * to stop it). Magics that wait for work on threads of their own (a graph run to its end)
     * use it to stop that work; the hook runs on the control thread and must return quickly.
     */
    void onInterrupt(Runnable hook);

    /**
     * Runs {@code hook} when the kernel shuts down or restarts, before the evaluator closes;
     * hooks run in reverse order of registration, each at most a few seconds. Use it to stop
     * running graphs and their threads.
     */
    void onShutdown(Runnable hook);

    /**
     * A problem the user should see that no cell is running to show (a library file that did not
     * load at start-up): printed on stderr at the top of the next cell's output, once.
     */
    void startupNote(String note);
}
