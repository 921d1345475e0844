package io.iotj.display;

/**
 * Sends displays to the notebook; the kernel installs one with {@link Display#install}.
 * Every method may be called from any thread, also after the cell that started the
 * thread ended: the display then belongs to that cell.
 */
public interface DisplayPublisher {
    /** Shows {@code data} as a new output ({@code display_data}) that carries {@code displayId}. */
    void display(MimeBundle data, String displayId);

    /** Replaces every output carrying {@code displayId} ({@code update_display_data}). */
    void update(MimeBundle data, String displayId);

    /** Clears the output of the current cell; with {@code wait}, only when new output arrives. */
    void clearOutput(boolean wait);
}
