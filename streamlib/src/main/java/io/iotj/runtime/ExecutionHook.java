package io.iotj.runtime;

import io.iotj.graph.Part;

/**
 * Wraps every stretch of a part's work (one or more batches) in the thread that does it. The
 * notebook uses it to route printed text to the cell that started the graph, and to run user code
 * outside JShell's stop check. The hook must call {@code work.run()} exactly once and let its
 * exceptions through.
 */
@FunctionalInterface
public interface ExecutionHook {
    /** Runs {@code work} for {@code part}. */
    void run(Part part, Runnable work);

    /** Runs the work as it is. */
    ExecutionHook NONE = (part, work) -> work.run();
}
