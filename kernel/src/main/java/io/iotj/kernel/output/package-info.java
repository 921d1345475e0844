/**
 * Where printed text goes: {@link io.iotj.kernel.output.OutputContext} names the cell a thread
 * prints for (inherited by the threads it starts), {@link io.iotj.kernel.output.OutputRouter}
 * replaces {@code System.out}/{@code System.err}, keeps each cell's text in order and sends it
 * in batches, and {@link io.iotj.kernel.output.StdinStream} answers {@code System.in}.
 */
package io.iotj.kernel.output;
