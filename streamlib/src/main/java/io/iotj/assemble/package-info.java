/**
 * Recursive assembly of templates into graphs (section 4 of the IoTpy thesis): the
 * {@link io.iotj.assemble.Assembler} wires parameters through shared
 * {@link io.iotj.assemble.Value}s, resolves function names with a
 * {@link io.iotj.assemble.FunctionResolver}, and builds each leaf with the implementation the
 * {@link io.iotj.assemble.LeafRegistry} holds for it.
 */
package io.iotj.assemble;
