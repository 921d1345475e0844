/**
 * Streams and operators with IoTpy's meanings. A {@link io.iotj.stream.IotStream} is a bounded ring
 * of values with independent {@link io.iotj.stream.IotStream.Reader readers}; an
 * {@link io.iotj.stream.Operator} reads its input streams in batches and writes its outputs. Build
 * pipelines with the fluent methods of {@code IotStream} or {@link io.iotj.stream.Operators}, wire
 * operators to existing streams with {@link io.iotj.stream.Ops}, and make sources with
 * {@link io.iotj.stream.Sources}. Operators run inline until a runtime runs them.
 */
package io.iotj.stream;
