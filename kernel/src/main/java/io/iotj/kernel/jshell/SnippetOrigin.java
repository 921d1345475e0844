package io.iotj.kernel.jshell;

/**
 * Where a snippet came from, for mapping stack frames back to cells.
 *
 * @param cell      the cell's label, e.g. {@code "cell 3"}
 * @param firstLine the cell line (1-based) on which the snippet starts
 */
record SnippetOrigin(String cell, int firstLine) {
}
