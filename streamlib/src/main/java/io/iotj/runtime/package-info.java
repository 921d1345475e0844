/**
 * Running graphs: {@link io.iotj.runtime.Runtimes#singleThread()} (one virtual thread per graph,
 * deterministic order) and {@link io.iotj.runtime.Runtimes#threads()} (one virtual thread per part,
 * bounded streams with back-pressure). Both return a {@link io.iotj.runtime.RunningGraph} to feed,
 * watch, await, stop and inspect; other modules implement {@link io.iotj.runtime.GraphRuntime} (remote
 * nodes).
 */
package io.iotj.runtime;
