package io.iotj.kernel.output;

/** Where batched text goes: the kernel turns each call into one Jupyter stream message. */
@FunctionalInterface
public interface OutputSink {
    /**
     * Sends one piece of text. Called by one thread at a time, in the order text was written.
     *
     * @param ctx    the cell the text belongs to
     * @param stream stdout or stderr
     * @param text   non-empty text
     */
    void send(OutputContext ctx, StreamName stream, String text);
}
