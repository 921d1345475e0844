/**
 * The iotj Jupyter kernel.
 *
 * <p>{@link io.iotj.kernel.Main} starts it; {@link io.iotj.kernel.KernelServer} speaks the Jupyter
 * protocol over {@link io.iotj.kernel.wire.WireConnection} (sockets polled without sleeping) and
 * hands requests to {@link io.iotj.kernel.IotjKernel}, which runs cells: magics through the
 * {@link io.iotj.kernel.magic.MagicRegistry}, Java through
 * {@link io.iotj.kernel.jshell.JavaEvaluator}. Output is routed to the cell that owns it by
 * {@link io.iotj.kernel.output.OutputContext}.
 *
 * <p>Other modules plug in through {@link io.iotj.kernel.KernelExtension} (found with
 * {@link java.util.ServiceLoader}) and the {@link io.iotj.kernel.KernelContext} it receives.
 */
package io.iotj.kernel;
