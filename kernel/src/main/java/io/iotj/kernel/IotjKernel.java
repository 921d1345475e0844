package io.iotj.kernel;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import io.github.spencerpark.jupyter.kernel.magic.registry.UndefinedMagicException;
import io.iotj.display.MimeBundle;
import io.iotj.display.Renderers;
import io.iotj.kernel.history.SessionHistory;
import io.iotj.kernel.jshell.Completeness;
import io.iotj.kernel.jshell.Completion;
import io.iotj.kernel.jshell.Documentation;
import io.iotj.kernel.jshell.EvalResult;
import io.iotj.kernel.jshell.EvaluationException;
import io.iotj.kernel.jshell.EvaluatorConfig;
import io.iotj.kernel.jshell.JavaEvaluator;
import io.iotj.kernel.magic.BuiltinMagics;
import io.iotj.kernel.magic.CellPiece;
import io.iotj.kernel.magic.MagicSplitter;
import io.iotj.kernel.magic.MagicRegistry;
import io.iotj.kernel.magic.VarsMagic;
import io.iotj.kernel.maven.MavenMagics;
import io.iotj.kernel.maven.SessionDependencies;
import io.iotj.kernel.output.ErrorStyle;
import io.iotj.kernel.session.ValueSummaries;
import io.iotj.template.Names;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

/**
 * The iotj kernel's language side: runs cells (Java through {@link JavaEvaluator}, magics
 * through the {@link MagicRegistry}), completes, inspects, keeps the history. The Jupyter
 * wire is {@link KernelServer}'s job; this class implements the {@link BaseKernel} API so
 * either can drive it.
 *
 * <p>The evaluator is created by {@link #initialize} on a background thread while the kernel
 * already answers {@code kernel_info}; everything that needs it waits for it.
 */
public final class IotjKernel extends BaseKernel {
    /** Cells kept for history requests; older ones are dropped. */
    static final int HISTORY_CAPACITY = 10_000;
    /** The import that gives every session the display API. */
    public static final String DISPLAY_IMPORT = "import static io.iotj.display.Display.*;";

    private final CompletableFuture<JavaEvaluator> evaluator = new CompletableFuture<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final MagicRegistry magics = new MagicRegistry();
    private final Renderers renderers = Renderers.withBuiltins();
    private final ValueSummaries summaries = new ValueSummaries();
    private final MavenMagics maven = new MavenMagics(path -> evaluator().addToClasspath(path), () -> System.out);
    private final SessionHistory history = new SessionHistory(HISTORY_CAPACITY);
    private final List<Runnable> shutdownHooks = new CopyOnWriteArrayList<>();
    private final List<Runnable> interruptHooks = new CopyOnWriteArrayList<>();
    private final List<String> startupNotes = Collections.synchronizedList(new ArrayList<>());
    private final LanguageInfo languageInfo = Languages.java();
    /**
     * What stands before the code a magic runs ({@code %time CODE}, a {@code %%time} body) in the
     * cell, as blank lines and spaces, so that errors in that code name the cell's line and column.
     */
    private final ThreadLocal<String> magicCodePadding = ThreadLocal.withInitial(() -> "");

    public IotjKernel() {
        new BuiltinMagics(magics, this::runCode, path -> evaluator().addToClasspath(path), () -> System.out).register();
        magics.registerRawLineMagic("help", this::help);
        new VarsMagic(() -> evaluator().session(), summaries).register(magics);
        maven.register(magics);
    }

    /** {@code %help name}: the signature and Javadoc of {@code name}, shown in the pager. */
    private Page help(String name) {
        if (name.isBlank()) throw new IllegalArgumentException("%help needs a name, as in: %help String.format");
        MimeBundle doc = inspection(name, name.length());
        if (doc == null) throw new IllegalArgumentException("no documentation found for " + name);
        return new Page(doc);
    }

    /**
     * Creates the evaluator and warms up what cells need, starts the extensions, and then, with
     * cells already accepted, warms up completion and inspection (a cell that arrives meanwhile
     * goes between two of its steps). Call once, typically on a background thread; cells wait
     * until the kernel is ready. {@link #startupTimes()} tells how long each phase took.
     */
    public void initialize(EvaluatorConfig config, KernelContext context, Iterable<KernelExtension> extensions) {
        long t0 = System.nanoTime();
        JavaEvaluator ev;
        try {
            ev = new JavaEvaluator(config);
            ev.shipBeforeSources(maven.dependencies()::shippedSources);
            ev.warmUpExecution();
            startupNotes.addAll(ev.startupProblems());
            evaluator.complete(ev);
        } catch (RuntimeException | LinkageError e) {
            evaluator.completeExceptionally(e);
            ready.completeExceptionally(e);
            return;
        }
        long t1 = System.nanoTime();
        for (KernelExtension ext : extensions) {
            try {
                ext.start(context);
            } catch (Exception | LinkageError e) {
                startupNotes.add("extension " + ext.name() + " failed to start: " + e);
            }
        }
        long t2 = System.nanoTime();
        ready.complete(null);
        try {
            ev.warmUpAnalysis();
        } catch (RuntimeException | LinkageError e) {
            // Only a warm-up: completion reports its own problems when it is asked for.
        }
        startupTimes = String.format(java.util.Locale.ROOT,
                "JShell ready for cells %.0f ms, extensions %.0f ms, then completion warmed up in %.0f ms",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (System.nanoTime() - t2) / 1e6);
    }

    private volatile String startupTimes = "not started";

    /** How long the phases of {@link #initialize} took (for the kernel's log). */
    public String startupTimes() {
        return startupTimes;
    }

    /** Runs {@link #initialize} with an evaluator that failed to build; cells then report {@code cause}. */
    void initializationFailed(Throwable cause) {
        evaluator.completeExceptionally(cause);
        ready.completeExceptionally(cause);
    }

    /** The evaluator; waits until {@link #initialize} created it. */
    public JavaEvaluator evaluator() {
        return await(evaluator);
    }

    /** Waits until the evaluator and every extension started. */
    public void awaitReady() {
        await(ready);
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Java evaluator starts", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the Java evaluator could not start: " + e.getCause(), e.getCause());
        }
    }

    public MagicRegistry magics() {
        return magics;
    }

    public Renderers renderers() {
        return renderers;
    }

    /** What {@code %maven} and {@code %%loadFromPOM} loaded into the session. */
    public SessionDependencies dependencies() {
        return maven.dependencies();
    }

    /** How {@code %vars} summarizes values; extensions add their types. */
    public ValueSummaries summaries() {
        return summaries;
    }

    public SessionHistory history() {
        return history;
    }

    /** Problems of start-up (failed startup snippets or extensions), once: the first cell shows them. */
    public List<String> takeStartupNotes() {
        synchronized (startupNotes) {
            List<String> notes = List.copyOf(startupNotes);
            startupNotes.clear();
            return notes;
        }
    }

    /** Adds a problem to show at the top of the next cell (see {@link #takeStartupNotes()}). */
    void addStartupNote(String note) {
        startupNotes.add(note);
    }

    /** Registers a hook run when the user interrupts a cell. */
    public void onInterrupt(Runnable hook) {
        interruptHooks.add(hook);
    }

    /** Registers a hook run at shutdown and restart, newest first. */
    public void onShutdown(Runnable hook) {
        shutdownHooks.add(hook);
    }

    /**
     * Runs a cell: its magics and Java code in order, stopping at the first error.
     *
     * @param label names the cell in stack traces, e.g. {@code "In [3]"}
     */
    public CellOutcome runCell(String code, String label) {
        try {
            awaitReady();
        } catch (IllegalStateException e) {
            return new CellOutcome.Failed("KernelStartupError", e.getMessage(), List.of(e.getMessage()));
        }
        boolean hasValue = false;
        Object value = null;
        String[] lines = null;
        for (CellPiece piece : MagicSplitter.split(code)) {
            String outerPadding = magicCodePadding.get();
            try {
                if (!(piece instanceof CellPiece.Code)) {
                    if (lines == null) lines = code.split("\\R", -1);
                    magicCodePadding.set(padding(piece, lines));
                }
                switch (piece) {
                    case CellPiece.Code c -> {
                        EvalResult r = evaluator().eval(c.code(), label);
                        if (r instanceof EvalResult.Failure f) return failed(f);
                        EvalResult.Success s = (EvalResult.Success) r;
                        for (String note : s.notes()) System.out.println(ErrorStyle.warning(note));
                        hasValue = s.hasValue();
                        value = s.value();
                    }
                    case CellPiece.LineMagic m -> {
                        value = magics.applyLine(m.name(), m.rest());
                        hasValue = value != null;
                    }
                    case CellPiece.CellMagic m -> {
                        value = magics.applyCellMagic(m.name(), m.args(), m.body());
                        hasValue = value != null;
                    }
                }
            } catch (CellFailedException e) {
                return e.failure();
            } catch (EvaluationException e) {
                return failed(e.failure());
            } catch (UndefinedMagicException e) {
                String prefix = piece instanceof CellPiece.CellMagic ? "%%" : "%";
                List<String> near = Names.nearMatches(e.getMagicName(), piece instanceof CellPiece.CellMagic
                        ? magics.cellMagicNames() : magics.lineMagicNames(), 3);
                String msg = prefix + e.getMagicName() + " is not a magic (line " + piece.line() + ")"
                        + (near.isEmpty() ? "" : "; did you mean " + prefix + String.join(", " + prefix, near) + "?")
                        + "; %lsmagic lists them";
                return new CellOutcome.Failed("UnknownMagic", msg, List.of("UnknownMagic: " + msg));
            } catch (Exception | LinkageError e) {
                return magicFailed(piece, e);
            } finally {
                magicCodePadding.set(outerPadding);
            }
        }
        return new CellOutcome.Done(hasValue, value);
    }

    private static String padding(CellPiece piece, String[] lines) {
        // Code run by a magic inside such code is padded already: its lines are the cell's.
        return switch (piece) {
            case CellPiece.CellMagic m -> "\n".repeat(m.line());
            case CellPiece.LineMagic m -> {
                String line = lines[m.line() - 1];
                int at = line.indexOf('%') + 1 + m.name().length();
                while (at < line.length() && Character.isWhitespace(line.charAt(at))) at++;
                yield "\n".repeat(m.line() - 1) + " ".repeat(at);
            }
            case CellPiece.Code c -> "";
        };
    }

    private static CellOutcome.Failed failed(EvalResult.Failure f) {
        return new CellOutcome.Failed(f.name(), f.message(), f.traceback());
    }

    private static CellOutcome.Failed magicFailed(CellPiece piece, Throwable e) {
        String magic = switch (piece) {
            case CellPiece.LineMagic m -> "%" + m.name();
            case CellPiece.CellMagic m -> "%%" + m.name();
            case CellPiece.Code c -> "code";
        };
        String name = e.getClass().getSimpleName();
        String message = e.getMessage() == null ? "" : e.getMessage();
        List<String> lines = new ArrayList<>();
        lines.addAll(List.of((name + ": " + message).split("\n", -1)));
        lines.add("  in " + magic + " at line " + piece.line());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            lines.add("caused by " + c.getClass().getSimpleName() + ": " + c.getMessage());
        }
        return new CellOutcome.Failed(name, message, lines);
    }

    /** Runs code for magics such as {@code %time}: the value, or null when there is none. */
    private Object runCode(String code) throws CellFailedException {
        CellOutcome outcome = runCell(magicCodePadding.get() + code, null);
        if (outcome instanceof CellOutcome.Failed f) throw new CellFailedException(f);
        CellOutcome.Done d = (CellOutcome.Done) outcome;
        return d.hasValue() ? d.value() : null;
    }

    /** Renders a cell's value through the renderer registry. */
    public MimeBundle render(Object value) {
        return renderers.render(value);
    }

    // ---- BaseKernel API ----

    /** Runs {@code code} as a cell and renders its value; throws {@link CellFailedException} when it fails. */
    @Override
    public io.github.spencerpark.jupyter.kernel.display.DisplayData eval(String code) throws Exception {
        CellOutcome outcome = runCell(code, null);
        if (outcome instanceof CellOutcome.Failed f) throw new CellFailedException(f);
        CellOutcome.Done d = (CellOutcome.Done) outcome;
        return d.hasValue() ? Bundles.toBase(render(d.value())) : null;
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        ReplacementOptions magic = MagicCompletion.complete(magics, code, at);
        if (magic != null) return magic;
        Completion c = evaluator().complete(code, at);
        return new ReplacementOptions(c.matches(), c.cursorStart(), c.cursorEnd());
    }

    @Override
    public io.github.spencerpark.jupyter.kernel.display.DisplayData inspect(String code, int at, boolean extraDetail) {
        MimeBundle found = inspection(code, at);
        return found == null ? null : Bundles.toBase(found);
    }

    /** Signatures and Javadoc of what is at {@code at}, or {@code null} when nothing is known there. */
    public MimeBundle inspection(String code, int at) {
        List<Documentation> docs = evaluator().inspect(code, at);
        if (docs.isEmpty()) {
            // JShell documents methods only inside a call: for "Math.max" ask about "Math.max(".
            int end = Math.min(at, code.length());
            while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) end++;
            if (end > 0 && Character.isJavaIdentifierPart(code.charAt(end - 1))) {
                docs = evaluator().inspect(code.substring(0, end) + "(", end + 1);
            }
        }
        if (docs.isEmpty()) return null;
        StringBuilder text = new StringBuilder();
        for (Documentation d : docs) {
            if (!text.isEmpty()) text.append("\n\n");
            text.append(d.signature());
            if (!d.javadoc().isBlank()) text.append("\n").append(d.javadoc().strip());
        }
        return MimeBundle.text(text.toString());
    }

    /**
     * {@code "complete"}, {@code "invalid"}, {@code "unknown"}, or else the indent of the next
     * line of an incomplete cell. A cell magic's body is whatever the magic accepts: complete.
     */
    @Override
    public String isComplete(String code) {
        List<CellPiece> pieces = MagicSplitter.split(code);
        if (pieces.isEmpty() || !(pieces.get(pieces.size() - 1) instanceof CellPiece.Code last)) return IS_COMPLETE_YES;
        if (!evaluator.isDone()) return IS_COMPLETE_MAYBE;
        Completeness c = evaluator().isComplete(last.code());
        return switch (c.status()) {
            case COMPLETE -> IS_COMPLETE_YES;
            case INVALID -> IS_COMPLETE_BAD;
            case INCOMPLETE -> c.indent();
        };
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "iotj: Java " + Languages.javaVersion() + " (JShell) for streaming IoT and ML notebooks";
    }

    @Override
    public List<LanguageInfo.Help> getHelpLinks() {
        return Languages.helpLinks();
    }

    @Override
    public HistoryManager getHistoryManager() {
        return history;
    }

    /** Stops the running cell, if any (threads it started too), then runs the interrupt hooks. */
    @Override
    public void interrupt() {
        if (evaluator.isDone() && !evaluator.isCompletedExceptionally()) evaluator.join().interrupt();
        for (Runnable hook : interruptHooks) {
            try {
                hook.run();
            } catch (RuntimeException | LinkageError e) {
                System.err.println("iotj: interrupt hook failed: " + e);
            }
        }
    }

    /** Runs the shutdown hooks (newest first, each at most {@code 3 s}), then closes the evaluator. */
    @Override
    public void onShutdown(boolean isRestarting) {
        List<Runnable> hooks = new ArrayList<>(shutdownHooks);
        Collections.reverse(hooks);
        for (Runnable hook : hooks) runBounded(hook, 3000);
        if (evaluator.isDone() && !evaluator.isCompletedExceptionally()) {
            runBounded(() -> evaluator.join().close(), 3000);
        }
    }

    private static void runBounded(Runnable hook, long millis) {
        Thread t = new Thread(() -> {
            try {
                hook.run();
            } catch (RuntimeException | LinkageError e) {
                System.err.println("iotj: shutdown hook failed: " + e);
            }
        }, "iotj-shutdown-hook");
        t.setDaemon(true);
        t.start();
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
