package io.iotj.kernel;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager.ResultFlag;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.CompleteRequest;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import io.github.spencerpark.jupyter.messages.request.InspectRequest;
import io.github.spencerpark.jupyter.messages.request.IsCompleteRequest;
import io.github.spencerpark.jupyter.messages.request.ShutdownRequest;
import io.iotj.display.Display;
import io.iotj.display.MimeBundle;
import io.iotj.display.DisplayPublisher;
import io.iotj.kernel.jshell.EvaluatorConfig;
import io.iotj.kernel.output.ErrorStyle;
import io.iotj.kernel.output.OutputContext;
import io.iotj.kernel.output.OutputRouter;
import io.iotj.kernel.output.StdinStream;
import io.iotj.kernel.output.StreamName;
import io.iotj.kernel.wire.Content;
import io.iotj.kernel.wire.Request;
import io.iotj.kernel.wire.WireConnection;

import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the Jupyter protocol for an {@link IotjKernel}: turns requests into kernel calls
 * and results into replies and IOPub messages, routes printed text and displays to the
 * cell they belong to.
 */
public final class KernelServer implements DisplayPublisher {
    /** The Jupyter messaging protocol version spoken. */
    static final String PROTOCOL_VERSION = "5.3";
    /** How long the output flusher gathers a burst of text before sending it. */
    static final long OUTPUT_LINGER_MILLIS = 4;

    private final IotjKernel kernel;
    private final WireConnection wire;
    private final OutputRouter router;
    private final PrintStream log;
    private final AtomicInteger executionCount = new AtomicInteger();
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private volatile boolean restartRequested;

    /**
     * @param log the kernel's own diagnostics stream (the process's original stderr)
     */
    public KernelServer(IotjKernel kernel, KernelConnectionProperties props, PrintStream log)
            throws GeneralSecurityException {
        this.kernel = kernel;
        this.log = log;
        this.wire = new WireConnection(props, log);
        this.router = new OutputRouter(this::sendStream, System.out, System.err, OUTPUT_LINGER_MILLIS);
    }

    /**
     * Installs the output routing and display API, binds the sockets and starts serving; the
     * evaluator is built on a background thread meanwhile.
     */
    public void start(EvaluatorConfig config) {
        router.install();
        System.setIn(new StdinStream(this::readLine));
        Display.install(this, kernel.renderers());
        wire.start(this::handle, this::handle);
        Thread init = new Thread(() -> {
            try {
                kernel.initialize(config, new ExtensionContext(kernel, router), ServiceLoader.load(KernelExtension.class));
                if (TRACE) log.println("iotj: start-up: " + kernel.startupTimes());
            } catch (Throwable t) {
                kernel.initializationFailed(t);
                log.println("iotj: the Java evaluator could not start: " + t);
            }
        }, "iotj-init");
        init.setDaemon(true);
        init.start();
    }

    /** Blocks until a {@code shutdown_request} was answered; returns whether it asked for a restart. */
    public boolean awaitShutdown() throws InterruptedException {
        shutdown.await();
        return restartRequested;
    }

    /** Sends the remaining output, closes the sockets and puts the original standard streams back. */
    public void close() throws InterruptedException {
        router.close();
        wire.close();
    }

    /** With {@code -Diotj.trace=true} the kernel logs how long it took to handle each request. */
    private static final boolean TRACE = Boolean.getBoolean("iotj.trace");

    private void handle(Request r) {
        if (!TRACE) {
            dispatch(r);
            return;
        }
        long start = System.nanoTime();
        dispatch(r);
        log.printf("iotj: %s handled in %.2f ms%n", r.type(), (System.nanoTime() - start) / 1e6);
    }

    private void dispatch(Request r) {
        MessageType<?> type = r.type();
        if (type == MessageType.EXECUTE_REQUEST) execute(r);
        else if (type == MessageType.KERNEL_INFO_REQUEST) kernelInfo(r);
        else if (type == MessageType.COMPLETE_REQUEST) complete(r);
        else if (type == MessageType.INSPECT_REQUEST) inspect(r);
        else if (type == MessageType.IS_COMPLETE_REQUEST) isComplete(r);
        else if (type == MessageType.HISTORY_REQUEST) history(r);
        else if (type == MessageType.INTERRUPT_REQUEST) interrupt(r);
        else if (type == MessageType.SHUTDOWN_REQUEST) shutdown(r);
        else if (type == MessageType.COMM_INFO_REQUEST) simple(r, MessageType.COMM_INFO_REPLY, Content.ok("comms", Map.of()));
        // Comm messages and unknown requests need no reply: iotj offers no comm targets.
    }

    private void simple(Request r, MessageType<?> replyType, Content content) {
        r.busy();
        r.reply(replyType, content);
        r.idle();
    }

    // ---- execute ----

    private void execute(Request r) {
        ExecuteRequest req = r.content();
        String code = req.getCode() == null ? "" : req.getCode();
        boolean silent = req.isSilent();
        boolean store = req.shouldStoreHistory() && !silent;
        r.busy();
        int count = store ? executionCount.incrementAndGet() : executionCount.get();
        if (!silent) r.publish(MessageType.PUBLISH_EXECUTE_INPUT, Content.of("code", code, "execution_count", count));
        OutputContext ctx = new OutputContext(r.message(), "In [" + count + "]");
        OutputContext.setLastCell(ctx);
        Result result;
        inputRequest = req.isStdinEnabled() ? r : null;
        long started = System.nanoTime();
        try {
            result = OutputContext.callWith(ctx, () -> run(code, count, silent));
        } catch (Exception | LinkageError e) {
            String msg = "iotj failed to run the cell: " + e;
            result = new Result(new CellOutcome.Failed("KernelError", msg, List.of(msg)), null);
        } finally {
            inputRequest = null;
            if (TRACE) log.printf("iotj: cell %d ran in %.2f ms%n", count, (System.nanoTime() - started) / 1e6);
        }
        router.flush(ctx);
        String historyOutput = "";
        List<Object> payload = List.of();
        if (result.outcome instanceof CellOutcome.Done d && d.value() instanceof Page page) {
            payload = List.of(Map.of("source", "page", "data", Bundles.data(page.data()), "start", 0));
            result = new Result(result.outcome, null);
        }
        if (result.outcome instanceof CellOutcome.Failed f) {
            // Coloured as IPython colours them; evalue stays plain text.
            Content error = Content.of("ename", f.name(), "evalue", f.message(),
                    "traceback", ErrorStyle.traceback(f.name(), f.traceback()));
            r.publish(MessageType.PUBLISH_ERROR, error);
            r.reply(MessageType.EXECUTE_REPLY, Content.of("status", "error", "execution_count", count).withAll(error));
        } else {
            if (result.shown != null) {
                r.publish(MessageType.PUBLISH_EXECUTION_RESULT, Content.of("execution_count", count,
                        "data", Bundles.data(result.shown), "metadata", Bundles.metadata(result.shown)));
                Object text = result.shown.get(MimeBundle.TEXT);
                historyOutput = text == null ? "" : text.toString();
            }
            r.reply(MessageType.EXECUTE_REPLY, Content.ok("execution_count", count,
                    "user_expressions", Map.of(), "payload", payload));
        }
        if (store) kernel.history().add(count, code, historyOutput);
        if (result.outcome instanceof CellOutcome.Failed && req.shouldStopOnError() && !silent) {
            // "Run all" queues every cell at once: after an error the queued cells must not run.
            // Before going idle: a client that waits for idle and then sends a new request must
            // see it run, not aborted as if it had been queued.
            wire.drainShell(this::abortExecutes);
        }
        r.idle();
    }

    private void abortExecutes(Request q) {
        if (q.type() == MessageType.EXECUTE_REQUEST) {
            simple(q, MessageType.EXECUTE_REPLY, Content.of("status", "aborted", "execution_count", executionCount.get()));
        } else {
            handle(q);
        }
    }

    private record Result(CellOutcome outcome, MimeBundle shown) {
    }

    /** The request of the running cell when it allows input, else null. */
    private volatile Request inputRequest;

    /** One line from the frontend for {@code System.in}; null (end of input) when the cell does not allow it. */
    private String readLine() {
        Request r = inputRequest;
        OutputContext ctx = OutputContext.current();
        if (r == null || ctx == null || ctx.parent() != r.message()) return null;
        router.flush(ctx); // a prompt printed before reading shows first
        return wire.readInput(r.message(), "", false);
    }

    /** Runs on the shell thread inside the cell's output context, so rendering prints there too. */
    private Result run(String code, int count, boolean silent) {
        for (String note : kernel.takeStartupNotes()) System.err.println("iotj start-up: " + note);
        CellOutcome outcome = kernel.runCell(code, "In [" + count + "]");
        MimeBundle shown = null;
        if (outcome instanceof CellOutcome.Done d && d.hasValue() && !silent && !(d.value() instanceof Page)) {
            shown = kernel.render(d.value());
        }
        return new Result(outcome, shown);
    }

    // ---- introspection ----

    private void kernelInfo(Request r) {
        simple(r, MessageType.KERNEL_INFO_REPLY, Content.ok(
                "protocol_version", PROTOCOL_VERSION,
                "implementation", "iotj",
                "implementation_version", Main.VERSION,
                "language_info", kernel.getLanguageInfo(),
                "banner", kernel.getBanner(),
                "help_links", kernel.getHelpLinks(),
                "debugger", false));
    }

    private void complete(Request r) {
        CompleteRequest req = r.content();
        String code = req.getCode() == null ? "" : req.getCode();
        int at = Offsets.charIndex(code, req.getCursorPos());
        r.busy();
        List<String> matches = List.of();
        int start = at;
        int end = at;
        try {
            ReplacementOptions o = kernel.complete(code, at);
            if (o != null) {
                matches = o.getReplacements();
                start = o.getSourceStart();
                end = o.getSourceEnd();
            }
        } catch (RuntimeException e) {
            log.println("iotj: completion failed: " + e);
        }
        r.reply(MessageType.COMPLETE_REPLY, Content.ok("matches", matches,
                "cursor_start", Offsets.codePoints(code, start), "cursor_end", Offsets.codePoints(code, end),
                "metadata", Map.of()));
        r.idle();
    }

    private void inspect(Request r) {
        InspectRequest req = r.content();
        String code = req.getCode() == null ? "" : req.getCode();
        r.busy();
        MimeBundle found = null;
        try {
            found = kernel.inspection(code, Offsets.charIndex(code, req.getCursorPos()));
        } catch (RuntimeException e) {
            log.println("iotj: inspection failed: " + e);
        }
        r.reply(MessageType.INSPECT_REPLY, Content.ok("found", found != null,
                "data", found == null ? Map.of() : Bundles.data(found),
                "metadata", found == null ? Map.of() : Bundles.metadata(found)));
        r.idle();
    }

    private void isComplete(Request r) {
        IsCompleteRequest req = r.content();
        r.busy();
        String answer;
        try {
            answer = kernel.isComplete(req.getCode() == null ? "" : req.getCode());
        } catch (RuntimeException e) {
            answer = "unknown";
        }
        Content content = switch (answer) {
            case "complete", "invalid", "unknown" -> Content.of("status", answer);
            default -> Content.of("status", "incomplete", "indent", answer);
        };
        r.reply(MessageType.IS_COMPLETE_REPLY, content);
        r.idle();
    }

    private void history(Request r) {
        HistoryRequest req = r.content();
        r.busy();
        Set<ResultFlag> flags = EnumSet.noneOf(ResultFlag.class);
        if (req.includeOutput()) flags.add(ResultFlag.INCLUDE_OUTPUT);
        List<HistoryEntry> entries = switch (req.getAccessType()) {
            case TAIL -> kernel.history().lookupTail(((HistoryRequest.Tail) req).getMaxReturnLength(), flags);
            case RANGE -> {
                HistoryRequest.Range range = (HistoryRequest.Range) req;
                yield kernel.history().lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
            }
            case SEARCH -> {
                HistoryRequest.Search search = (HistoryRequest.Search) req;
                if (search.filterUnique()) flags.add(ResultFlag.UNIQUE);
                yield kernel.history().search(search.getPattern(), search.getMaxReturnLength(), flags);
            }
        };
        List<Object> tuples = new ArrayList<>(entries.size());
        for (HistoryEntry e : entries) {
            tuples.add(List.of(e.getSession(), e.getCellNumber(),
                    e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput()));
        }
        r.reply(MessageType.HISTORY_REPLY, Content.ok("history", tuples));
        r.idle();
    }

    // ---- lifecycle ----

    private void interrupt(Request r) {
        r.busy();
        kernel.interrupt();
        r.reply(MessageType.INTERRUPT_REPLY, Content.ok());
        r.idle();
    }

    private void shutdown(Request r) {
        ShutdownRequest req = r.content();
        boolean restart = req.isRestart();
        r.busy();
        kernel.interrupt();
        kernel.onShutdown(restart);
        router.flushAll();
        r.reply(MessageType.SHUTDOWN_REPLY, Content.ok("restart", restart));
        r.idle();
        restartRequested = restart;
        wire.stop();
        shutdown.countDown();
    }

    // ---- output and displays ----

    private void sendStream(OutputContext ctx, StreamName stream, String text) {
        wire.publish(parentOf(ctx), MessageType.PUBLISH_STREAM,
                Content.of("name", stream.wireName(), "text", text));
    }

    /** The cell the calling thread's displays belong to; its text so far goes out first, to keep order. */
    private MessageContext displayParent() {
        OutputContext ctx = OutputContext.current();
        if (ctx == null) return null;
        router.flush(ctx);
        return parentOf(ctx);
    }

    /** The request a context answers; contexts made by extensions around other objects have none. */
    private static MessageContext parentOf(OutputContext ctx) {
        return ctx.parent() instanceof MessageContext m ? m : null;
    }

    @Override
    public void display(MimeBundle data, String displayId) {
        wire.publish(displayParent(), MessageType.PUBLISH_DISPLAY_DATA, displayContent(data, displayId));
    }

    @Override
    public void update(MimeBundle data, String displayId) {
        wire.publish(displayParent(), MessageType.PUBLISH_UPDATE_DISPLAY_DATA, displayContent(data, displayId));
    }

    @Override
    public void clearOutput(boolean wait) {
        wire.publish(displayParent(), MessageType.PUBLISH_CLEAR_OUTPUT, Content.of("wait", wait));
    }

    private static Content displayContent(MimeBundle data, String displayId) {
        return Content.of("data", Bundles.data(data), "metadata", Bundles.metadata(data),
                "transient", Map.of("display_id", displayId));
    }
}
