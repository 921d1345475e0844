package io.iotj.kernel.jshell;

/**
 * Answer of {@link JavaEvaluator#isComplete}.
 *
 * @param status COMPLETE (run it), INCOMPLETE (wait for more lines, indented by {@code indent}) or INVALID
 *               (run it anyway: it will fail with a readable error)
 * @param indent suggested indentation of the next line when INCOMPLETE, else ""
 */
public record Completeness(Verdict status, String indent) {
    public enum Verdict { COMPLETE, INCOMPLETE, INVALID }
}
