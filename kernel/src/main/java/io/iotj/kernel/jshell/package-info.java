/**
 * The Java evaluator behind the kernel, independent of Jupyter: {@link io.iotj.kernel.jshell.JavaEvaluator}
 * evaluates and stops cells; beside it, each in its own class, {@link io.iotj.kernel.jshell.Diagnostics} (compile
 * errors and notes in the user's terms), {@link io.iotj.kernel.jshell.RuntimeErrors} and
 * {@link io.iotj.kernel.jshell.SnippetWrappers} (exceptions with frames mapped to cell lines),
 * {@link io.iotj.kernel.jshell.CodeAnalysis} (completion, Javadoc, is-complete),
 * {@link io.iotj.kernel.jshell.SessionState} (the variables and methods after each evaluation) and
 * {@link io.iotj.kernel.jshell.JShellSession} (the {@link io.iotj.kernel.session.NotebookSession} extensions get).
 *
 * <h2>How a cell runs</h2>
 * The cell is split into snippets with JShell's {@code SourceCodeAnalysis}; each snippet is compiled by JShell and
 * executed in this JVM by {@link io.iotj.kernel.jshell.CellExecutionControl}, a {@code LocalExecutionControl}
 * subclass. Results come back as live objects ({@link io.iotj.kernel.jshell.EvalResult}); failures as values with
 * positions and traces mapped to cell lines.
 *
 * <h2>Stopping one cell, not the session</h2>
 * The JDK's local execution weaves a check of one global flag into snippet loops, so a stop would also kill
 * stream-graph threads running notebook methods. Here {@link io.iotj.kernel.jshell.SnippetWeaver} (ASM) weaves
 * {@link io.iotj.kernel.jshell.StopCheck#check()} instead: it throws only in threads carrying the stopped cell's
 * token (an inheritable thread-local: the cell's thread and the threads it started), and costs one volatile read
 * while no stop is pending. Work started through {@link io.iotj.kernel.jshell.JavaEvaluator#outsideCell} or called
 * through a {@link io.iotj.kernel.session.NotebookFunction} carries no token and cannot be stopped by an interrupt.
 * Threads blocked where no check runs are interrupted; a cell that still does not end within the grace period is
 * abandoned (left running) so the session stays usable.
 */
package io.iotj.kernel.jshell;
