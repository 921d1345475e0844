/**
 * The notebook's Java session as extensions see it: {@link io.iotj.kernel.session.NotebookSession} (variables,
 * the methods cells defined, binding objects to names, the cell boundary) and the values it hands out. Extensions
 * such as the stream magics use this package, never the evaluator behind it ({@code io.iotj.kernel.jshell}).
 */
package io.iotj.kernel.session;
