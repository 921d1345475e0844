package io.iotj.kernel;

import io.iotj.display.MimeBundle;

/**
 * A cell value to show in the notebook's pager (the panel for help text) instead of below the
 * cell; the kernel sends it as a {@code page} payload of the execute reply.
 *
 * @param data what to show; {@code text/plain} at least
 */
public record Page(MimeBundle data) {
}
