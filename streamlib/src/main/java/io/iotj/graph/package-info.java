/**
 * The topology of a stream application: a {@link io.iotj.graph.Graph} of named
 * {@link io.iotj.graph.Part}s joined by streams, with named external inputs and outputs. A graph
 * says nothing about threads; a runtime runs it.
 */
package io.iotj.graph;
