package io.iotj.kernel;

import io.iotj.display.Display;
import io.iotj.display.Renderers;
import io.iotj.kernel.magic.MagicRegistry;
import io.iotj.kernel.output.OutputContext;
import io.iotj.kernel.output.OutputRouter;
import io.iotj.kernel.output.StreamName;
import io.iotj.kernel.session.NotebookSession;
import io.iotj.kernel.session.ValueSummaries;

/** The {@link KernelContext} handed to extensions. */
final class ExtensionContext implements KernelContext {
    private final IotjKernel kernel;
    private final OutputRouter router;

    ExtensionContext(IotjKernel kernel, OutputRouter router) {
        this.kernel = kernel;
        this.router = router;
    }

    @Override
    public MagicRegistry magics() {
        return kernel.magics();
    }

    @Override
    public Renderers renderers() {
        return kernel.renderers();
    }

    @Override
    public ValueSummaries summaries() {
        return kernel.summaries();
    }

    @Override
    public NotebookSession session() {
        return kernel.evaluator().session();
    }

    @Override
    public void write(OutputContext ctx, StreamName stream, String text) {
        router.write(ctx, stream, text);
    }

    @Override
    public void flush(OutputContext ctx) {
        router.flush(ctx);
    }

    @Override
    public String display(Object value, String... mimeTypes) {
        return Display.display(value, mimeTypes);
    }

    @Override
    public void updateDisplay(String displayId, Object value, String... mimeTypes) {
        Display.updateDisplay(displayId, value, mimeTypes);
    }

    @Override
    public void onInterrupt(Runnable hook) {
        kernel.onInterrupt(hook);
    }

    @Override
    public void onShutdown(Runnable hook) {
        kernel.onShutdown(hook);
    }

    @Override
    public void startupNote(String note) {
        kernel.addStartupNote(note);
    }
}
