/**
 * The display API of notebook code and the renderer registry.
 *
 * <p>{@link io.iotj.display.Display} is what cells use ({@code display}, {@code updateDisplay},
 * {@code render}, {@code html}, {@code svg}, {@code markdown}, {@code json}, {@code png},
 * {@code clearOutput}); every session imports it statically. {@link io.iotj.display.Renderers}
 * turns values into {@link io.iotj.display.MimeBundle} bundles by class, and other modules
 * register renderers there. Nothing in this package depends on Jupyter: the kernel installs a
 * {@link io.iotj.display.DisplayPublisher} that sends the bundles.
 */
package io.iotj.display;
