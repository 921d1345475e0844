package io.iotj.kernel.jshell;

import io.iotj.kernel.session.MethodInfo;
import io.iotj.kernel.session.NotebookFunction;
import io.iotj.kernel.session.NotebookSession;
import io.iotj.kernel.session.VariableInfo;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Evaluates notebook cells with JShell in this JVM. Independent of Jupyter.
 *
 * <h2>Threads</h2>
 * JShell is not thread-safe, so {@link #eval}, {@link #bind}, {@link #evalObject} and {@link #addToClasspath} run
 * one at a time (a second caller waits). {@link #complete}, {@link #inspect} and {@link #isComplete} wait at most
 * 200 ms for a running cell and then answer without JShell (no matches; brackets only). {@link #interrupt()} may
 * be called from any thread. {@link #variable}, {@link #variables}, {@link #methods}, {@link #functionsNamed} and
 * {@link #activeSnippetSources} read a snapshot taken after each evaluation and never wait. Calling the
 * evaluator from inside a running cell throws {@link IllegalStateException} instead of deadlocking.
 *
 * <p>Each snippet runs on a fresh thread created by the thread that called {@code eval}; it inherits that
 * thread's {@link InheritableThreadLocal}s and has the snippet class loader as context class loader.
 * Threads the cell starts keep running after the cell ends.
 *
 * <h2>Start-up cost</h2>
 * The constructor only builds JShell (tens of ms). Startup snippets run, and the compiler warms up, on the first
 * call that needs them; call {@link #warmUp()} on a background thread right after construction to pay that early.
 */
public final class JavaEvaluator implements AutoCloseable {

    private final EvaluatorConfig config;
    private final CellExecutionControl control;
    /** Built on first use (about 250 ms on a busy 2-core machine), so construction costs next to nothing. */
    private JShell shell;
    private SourceCodeAnalysis analysis;
    /** Fair, so cells queued behind a warm-up step run before the next one. */
    private final ReentrantLock lock = new ReentrantLock(true);
    private final List<String> startupProblems = Collections.synchronizedList(new ArrayList<>());
    private final SnippetWrappers wrappers = new SnippetWrappers();
    private final SessionState state;
    private final CodeAnalysis codeAnalysis;
    private final JShellSession session = new JShellSession(this);
    private boolean started;
    private boolean warmExecution;
    /** Changes whenever the session may have changed; keys the inspection cache. */
    private long generation;
    private boolean warmAnalysis;
    private volatile boolean closed;
    private long cellCounter;

    /**
     * Prepares an evaluator; cheap (about a millisecond): JShell itself is built by {@link #warmUp()} or the first
     * call that needs it.
     */
    public JavaEvaluator(EvaluatorConfig config) {
        this.config = config;
        SnippetLoaderDelegate delegate = new SnippetLoaderDelegate(config.parent());
        this.control = new CellExecutionControl(delegate, config.stopGrace());
        this.state = new SessionState(control);
        this.codeAnalysis = new CodeAnalysis(state);
    }

    private static Optional<String> ownLocation() {
        try {
            return Optional.of(new File(JavaEvaluator.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()).getPath());
        } catch (Exception | Error e) {
            return Optional.empty();
        }
    }

    /** Builds JShell with our local execution control. Called under the lock. */
    private void ensureShell() {
        if (shell != null) {
            return;
        }
        List<String> options = new ArrayList<>(config.compilerOptions());
        List<String> classpath = new ArrayList<>(config.classpath());
        ownLocation().filter(p -> !classpath.contains(p)).ifPresent(classpath::add); // snippets call Bindings
        shell = JShell.builder()
                .executionEngine(new Provider(control), Map.of())
                .compilerOptions(options.toArray(String[]::new))
                .build();
        if (!classpath.isEmpty()) {
            // One call for all entries: each call resets JShell's compiler file manager. (A --class-path compiler
            // option would be cheaper but hides later addToClasspath calls from the compiler.)
            shell.addToClasspath(String.join(File.pathSeparator, classpath));
        }
        analysis = shell.sourceCodeAnalysis();
    }

    /** Builds an evaluator with {@link EvaluatorConfig#defaults()}. */
    public JavaEvaluator() {
        this(EvaluatorConfig.defaults());
    }

    /**
     * Builds JShell, runs the startup snippets, and exercises the compiler, completion and documentation once, so
     * the first user request is fast: {@link #warmUpExecution()} then {@link #warmUpAnalysis()}. Safe to call from
     * a background thread; other calls wait for it.
     */
    public void warmUp() {
        warmUpExecution();
        warmUpAnalysis();
    }

    /**
     * The part of {@link #warmUp()} that cells need: JShell, startup snippets, one snippet compiled and run. A
     * kernel can accept cells after this and run {@link #warmUpAnalysis()} in the background: the lock is fair, so
     * a cell that arrives meanwhile goes first.
     */
    public void warmUpExecution() {
        lockFromOutsideCells();
        try {
            ensureOpen();
            ensureStarted();
            if (warmExecution) {
                return;
            }
            warmExecution = true;
            int before = (int) shell.snippets().count();
            evalLocked("0", null, 1, true); // compiles, loads and runs one snippet end to end
            dropTemporaries(before);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The part of {@link #warmUp()} that completion, inspection and is-complete need (first calls cost ~0.5 s).
     * Each of its steps takes the lock on its own, so a cell that arrives meanwhile waits for one step at most
     * (the lock is fair), not for all of them.
     */
    public void warmUpAnalysis() {
        List<Runnable> steps = CodeAnalysis.warmUpSteps(analysis);
        for (int i = 0; i < steps.size(); i++) {
            lockFromOutsideCells();
            try {
                ensureOpen();
                ensureStarted();
                if (warmAnalysis) {
                    return;
                }
                steps.get(i).run();
                warmAnalysis = i == steps.size() - 1;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Startup snippets that failed, with the reason; they did not stop the others. */
    public List<String> startupProblems() {
        synchronized (startupProblems) {
            return List.copyOf(startupProblems);
        }
    }

    /**
     * Evaluates a cell: several snippets (statements, declarations, imports, expressions), in order, stopping at
     * the first failure. Never throws for a bad cell: failures are returned.
     *
     * @param cell the cell's text
     * @return the value of the last snippet if it is an expression, or why the cell failed
     */
    public EvalResult eval(String cell) {
        return eval(cell, null);
    }

    /**
     * Like {@link #eval(String)}; {@code label} names the cell in stack traces (e.g. "In [3]"), default
     * {@code "cell N"} counting evaluations.
     */
    public EvalResult eval(String cell, String label) {
        return eval(cell, label, 1);
    }

    /**
     * Like {@link #eval(String, String)} for code that starts on line {@code firstLine} of the notebook cell (e.g.
     * after a line magic): positions in errors and stack traces count from there.
     */
    public EvalResult eval(String cell, String label, int firstLine) {
        if (firstLine < 1) {
            throw new IllegalArgumentException("firstLine starts at 1: " + firstLine);
        }
        lockFromOutsideCells();
        try {
            ensureOpen();
            ensureStarted();
            return evalLocked(cell, label, firstLine, false);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the cell currently running in {@link #eval}, if any: its thread and threads it started, including
     * CPU-bound loops. Threads of earlier cells and code run through {@link #outsideCell} are not affected.
     *
     * @return whether a cell was running
     */
    public boolean interrupt() {
        return control.stopCurrent();
    }

    /**
     * Runs {@code work} so that it, and threads it starts, can never be stopped by interrupting a cell. For
     * long-lived work such as stream-graph threads started from within a cell.
     */
    public static <T> T outsideCell(Callable<T> work) throws Exception {
        return StopCheck.outsideCell(work);
    }

    // ---------------------------------------------------------------- evaluation

    private EvalResult evalLocked(String cell, String label, int firstLine, boolean internal) {
        long number = internal ? -1 : ++cellCounter;
        String cellName = label != null ? label : "cell " + number;
        List<SnippetSplitter.Piece> pieces = SnippetSplitter.split(analysis, cell);
        List<String> notes = new ArrayList<>();
        CellRun run = new CellRun(new CellToken(number));
        control.begin(run);
        try {
            EvalResult result = new EvalResult.Success(false, null, "", notes);
            for (int i = 0; i < pieces.size(); i++) {
                SnippetSplitter.Piece piece = pieces.get(i);
                if (run.token.stopRequested()) {
                    return new EvalResult.Interrupted(run.abandoned);
                }
                run.beforeSnippet();
                List<SnippetEvent> events;
                try {
                    events = shell.eval(piece.source());
                } catch (IllegalStateException e) {
                    // JShell shut itself down (its execution engine failed); this session cannot continue
                    String message = "the Java session has ended (" + e.getMessage() + "); restart the kernel";
                    return new EvalResult.RuntimeError(null, "SessionEnded", message, List.of("SessionEnded: " + message));
                }
                SnippetEvent primary = primary(events);
                if (primary == null) {
                    continue;
                }
                Snippet snippet = primary.snippet();
                if (!internal) {
                    wrappers.recordOrigin(snippet.id(), cellName,
                            Diagnostics.lineOf(cell, piece.offset()) + firstLine - 1);
                }
                wrappers.forget(events);
                if (run.stopped || run.token.stopRequested()) {
                    return new EvalResult.Interrupted(run.abandoned);
                }
                if (primary.status() == Snippet.Status.REJECTED) {
                    return Diagnostics.compileError(shell, cell, piece, snippet, firstLine);
                }
                JShellException ex = primary.exception();
                if (ex instanceof EvalException ee) {
                    return RuntimeErrors.of(run.thrown, ee, raw -> wrappers.cellFrame(shell, analysis, raw),
                            wrappers.origins());
                }
                if (ex instanceof UnresolvedReferenceException ure) {
                    return Diagnostics.unresolved(shell, ure);
                }
                if (ex != null) {
                    return new EvalResult.RuntimeError(null, ex.getClass().getName(),
                            String.valueOf(ex.getMessage()), List.of(ex.toString()));
                }
                if (primary.status() == Snippet.Status.RECOVERABLE_DEFINED
                        || primary.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    notes.add(Diagnostics.recoverableNote(shell, (DeclarationSnippet) snippet, primary.status()));
                }
                Diagnostics.dependentNotes(shell, events, snippet, notes);
                if (i == pieces.size() - 1) {
                    // As in IPython, a trailing semicolon means "no output" (JShell still keeps the $N variable).
                    String type = endsWithSemicolon(cell) ? null : valueType(snippet);
                    result = type != null && run.invoked
                            ? new EvalResult.Success(true, run.value, type, notes)
                            : new EvalResult.Success(false, null, "", notes);
                }
            }
            return result;
        } finally {
            generation++;
            control.end(run);
            if (run.token.stopRequested()) {
                StopCheck.stopFinished(run.token);
            }
            refreshSnapshot();
        }
    }

    private static boolean endsWithSemicolon(String cell) {
        return cell.stripTrailing().endsWith(";");
    }

    private static SnippetEvent primary(List<SnippetEvent> events) {
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null) {
                return e;
            }
        }
        return events.isEmpty() ? null : events.get(0);
    }

    /** The type name of the value an expression snippet produces, or null when the snippet has no value. */
    private static String valueType(Snippet snippet) {
        if (snippet instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            return v.typeName();
        }
        if (snippet instanceof ExpressionSnippet e) {
            return e.typeName();
        }
        return null;
    }

    private void ensureStarted() {
        ensureShell();
        if (started) {
            return;
        }
        started = true;
        for (String snippet : config.startupSnippets()) {
            EvalResult r = evalLocked(snippet, "startup", 1, true);
            if (r instanceof EvalResult.Failure f) {
                startupProblems.add(snippet.strip() + " -> " + f.message());
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the evaluator is closed");
        }
    }

    /** How long completion, inspection and is-complete wait for a running cell before answering without JShell. */
    private static final long BUSY_WAIT_MS = 200;

    /**
     * Takes the lock for a quick request; false when a cell keeps JShell busy (JShell is not thread-safe), so the
     * request gets an empty answer instead of waiting for the cell to end.
     */
    private boolean lockUnlessBusy() {
        if (control.isCurrentCellThread()) {
            throw new IllegalStateException("cannot analyse code from inside a running cell");
        }
        try {
            return lock.tryLock(BUSY_WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Evaluating from inside a running cell would wait for that cell forever. */
    private void lockFromOutsideCells() {
        if (control.isCurrentCellThread()) {
            throw new IllegalStateException("cannot evaluate code from inside a running cell");
        }
        lock.lock();
    }

    // ---------------------------------------------------------------- completion, inspection

    /**
     * Completion candidates at {@code cursor}.
     *
     * @param code   the cell text
     * @param cursor offset of the cursor in {@code code}
     */
    public Completion complete(String code, int cursor) {
        int at = clamp(cursor, code);
        if (!lockUnlessBusy()) {
            return new Completion(List.of(), at, at);
        }
        try {
            ensureOpen();
            ensureStarted();
            return codeAnalysis.complete(analysis, code, at);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Signatures and Javadoc of what is at {@code cursor} (a method call's candidates, a type, a variable).
     * JDK Javadoc comes from the JDK's {@code lib/src.zip} when present.
     */
    public List<Documentation> inspect(String code, int cursor) {
        int at = clamp(cursor, code);
        if (!lockUnlessBusy()) {
            return List.of();
        }
        try {
            ensureOpen();
            ensureStarted();
            return codeAnalysis.inspect(analysis, generation, code, at);
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code code} is a complete cell, needs more lines (with a suggested indent), or is invalid. */
    public Completeness isComplete(String code) {
        if (!lockUnlessBusy()) {
            return CodeAnalysis.isCompleteByBrackets(code);
        }
        try {
            ensureOpen();
            ensureShell();
            return CodeAnalysis.isComplete(analysis, code);
        } finally {
            lock.unlock();
        }
    }

    private static int clamp(int cursor, String code) {
        return Math.max(0, Math.min(cursor, code.length()));
    }

    // ---------------------------------------------------------------- session state

    /** The live object held by variable {@code name}, if the session has such a variable. */
    public Optional<Object> variable(String name) {
        return state.variable(name);
    }

    /** Whether the session has a variable called {@code name} (its value may be null). */
    public boolean hasVariable(String name) {
        return state.hasVariable(name);
    }

    /** The session's variables, in definition order. */
    public List<VariableInfo> variables() {
        return state.variables();
    }

    /** The methods defined in cells, in definition order. */
    public List<MethodInfo> methods() {
        return state.methods();
    }

    /**
     * The sources of the active imports, methods, classes and variables, in definition order, as a remote
     * node would need to rebuild them (expressions and statements are left out).
     */
    public List<String> activeSnippetSources() {
        return state.sources();
    }

    /**
     * Runs {@code reader} on the session's JShell while no cell evaluates, for tools that read the
     * session's snippets ({@link SnippetSources}). The reader must not evaluate anything.
     */
    <T> T readShell(java.util.function.Function<JShell, T> reader) {
        lockFromOutsideCells();
        try {
            ensureOpen();
            ensureStarted();
            return reader.apply(shell);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The notebook method called {@code name}, callable from any thread.
     *
     * @return empty when there is none or it cannot be called yet (something it uses is missing)
     * @throws IllegalArgumentException when several overloads exist; use {@link #functionsNamed}
     */
    public Optional<NotebookFunction> functionFor(String name) {
        List<NotebookFunction> all = functionsNamed(name);
        if (all.size() > 1) {
            throw new IllegalArgumentException("several methods are called " + name + ": "
                    + all.stream().map(NotebookFunction::signature).toList());
        }
        return all.stream().findFirst();
    }

    /** Every callable overload of the notebook method {@code name}. */
    public List<NotebookFunction> functionsNamed(String name) {
        return state.functionsNamed(name);
    }

    /**
     * Defines (or redefines) variable {@code name} holding {@code value}, typed as the most specific public type
     * of the value that snippets can see.
     *
     * @throws EvaluationException when the declaration fails (e.g. a bad name)
     */
    public void bind(String name, Object value) {
        bind(name, value, TypeNames.visibleTypeOf(value, control.delegate().loader()));
    }

    /**
     * Defines (or redefines) variable {@code name} of declared type {@code type} (source form, e.g.
     * {@code "java.util.List<String>"}) holding {@code value}.
     *
     * @throws EvaluationException when the declaration fails (e.g. the value is not of that type)
     */
    public void bind(String name, Object value, String type) {
        if (!isJavaIdentifier(name)) {
            throw new IllegalArgumentException("not a Java identifier: " + name);
        }
        String key = Bindings.park(value);
        try {
            EvalResult r = evalInternal(type + " " + name + " = (" + type + ") " + Bindings.class.getName()
                    + ".take(\"" + key + "\");");
            if (r instanceof EvalResult.Failure f) {
                throw new EvaluationException(f);
            }
        } finally {
            Bindings.discard(key);
        }
    }

    /**
     * Evaluates one expression and returns its live value, leaving no trace in the session (no {@code $N}).
     *
     * @throws EvaluationException when it does not compile or throws
     * @throws IllegalArgumentException when it is not an expression
     */
    public Object evalObject(String expression) {
        lockFromOutsideCells();
        try {
            ensureOpen();
            ensureStarted();
            List<SnippetSplitter.Piece> pieces = SnippetSplitter.split(analysis, expression);
            if (pieces.size() != 1) {
                throw new IllegalArgumentException("not one expression: " + expression);
            }
            int before = (int) shell.snippets().count();
            EvalResult r = evalLocked(expression, "expression", 1, true);
            dropTemporaries(before);
            if (r instanceof EvalResult.Failure f) {
                throw new EvaluationException(f);
            }
            EvalResult.Success s = (EvalResult.Success) r;
            if (!s.hasValue()) {
                throw new IllegalArgumentException("not an expression with a value: " + expression);
            }
            return s.value();
        } finally {
            lock.unlock();
        }
    }

    private EvalResult evalInternal(String code) {
        lockFromOutsideCells();
        try {
            ensureOpen();
            ensureStarted();
            return evalLocked(code, "binding", 1, true);
        } finally {
            lock.unlock();
        }
    }

    /** The session as extensions see it: variables, methods, binding, the cell boundary. */
    public NotebookSession session() {
        return session;
    }

    /**
     * Sources that {@link NotebookSession#sourcesFor} puts before the cells' own whenever it returns
     * any: what another process must set up first (the kernel's %maven dependencies).
     */
    public void shipBeforeSources(java.util.function.Supplier<List<String>> sources) {
        session.preamble(sources);
    }

    /** Whether the calling thread belongs to the cell being evaluated (its thread or one it started). */
    public boolean inCell() {
        return control.isCurrentCellThread();
    }

    /** Drops the temporary variables ($N) an internal evaluation created. */
    private void dropTemporaries(int keepFirst) {
        List<Snippet> all = shell.snippets().toList();
        for (int i = keepFirst; i < all.size(); i++) {
            Snippet s = all.get(i);
            if (s instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                    && shell.status(s).isActive()) {
                shell.drop(s);
            }
        }
        refreshSnapshot();
    }

    /**
     * Adds a jar or folder to the classpath of later snippets (compiler and class loader).
     *
     * @throws IllegalArgumentException when the path does not exist
     */
    public void addToClasspath(String path) {
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank() && !new File(entry).exists()) {
                throw new IllegalArgumentException("no such file or folder: " + entry);
            }
        }
        lockFromOutsideCells();
        try {
            ensureOpen();
            ensureShell();
            shell.addToClasspath(path);
            generation++;
        } finally {
            lock.unlock();
        }
    }

    /** The class loader that holds snippet classes (e.g. to look up user-defined classes by name). */
    public ClassLoader snippetClassLoader() {
        return control.delegate().loader();
    }

    /**
     * Stops a running cell, closes JShell and its class loader. Threads that user code started are the user's;
     * the evaluator itself leaves none behind.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (control.isCurrentCellThread()) {
            throw new IllegalStateException("cannot close the evaluator from inside a running cell");
        }
        closed = true;
        control.stopCurrent();
        lock.lock();
        try {
            if (shell != null) {
                shell.close();
            }
            try {
                control.delegate().loader().close();
            } catch (java.io.IOException e) {
                // nothing to do: the loader only holds jar handles
            }
        } finally {
            lock.unlock();
        }
    }

    private void refreshSnapshot() {
        state.refresh(shell, snippet -> wrappers.classOf(analysis, snippet));
    }

    private static boolean isJavaIdentifier(String name) {
        if (name == null || name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!Character.isJavaIdentifierPart(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Hands JShell our pre-built execution control. */
    private record Provider(ExecutionControl control) implements ExecutionControlProvider {
        @Override
        public String name() {
            return "iotj-local";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
