package io.iotj.kernel;

/**
 * A module that plugs into the kernel: magics, renderers, variables bound into the
 * session, background work such as stream graphs.
 *
 * <p>Extensions are found with {@link java.util.ServiceLoader}: list the implementing
 * class in {@code META-INF/services/io.iotj.kernel.KernelExtension} of the module's jar and
 * put the jar on the kernel's classpath. The kernel calls {@link #start(KernelContext)} once,
 * on its start-up thread, after the Java evaluator is ready and before the first cell runs;
 * cells wait until every extension has started. An extension that throws is reported in the
 * first cell's output and the kernel goes on without it.
 *
 * <pre>{@code
 * public final class StreamMagics implements KernelExtension {
 *     public void start(KernelContext kernel) {
 *         kernel.magics().registerCellMagic("template", (args, body) -> ...);
 *         kernel.renderers().register(Table.class, t -> Display.html(t.printAll()));
 *         kernel.onShutdown(graphs::stopAll);
 *     }
 * }
 * }</pre>
 */
public interface KernelExtension {
    /**
     * Registers what the extension adds.
     *
     * @param kernel access to the kernel's registries, evaluator, output and lifecycle
     * @throws Exception to report a failed start; the kernel keeps running without the extension
     */
    void start(KernelContext kernel) throws Exception;

    /** A name for messages about this extension; the class name by default. */
    default String name() {
        return getClass().getName();
    }
}
