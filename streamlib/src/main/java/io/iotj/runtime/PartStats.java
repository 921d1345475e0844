package io.iotj.runtime;

/**
 * Counters of one part of a running graph.
 *
 * @param part      the part's name
 * @param template  its leaf template
 * @param valuesIn  values consumed from its inputs
 * @param valuesOut values written to its outputs
 * @param backlog   values waiting in its inputs
 */
public record PartStats(String part, String template, long valuesIn, long valuesOut, long backlog) {
}
