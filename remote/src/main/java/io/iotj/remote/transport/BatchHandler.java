package io.iotj.remote.transport;

/** Takes the batches a {@link Receiver} accepts: each value once, in order per stream. */
@FunctionalInterface
public interface BatchHandler {
    /**
     * Takes one batch. Called on the receiver's delivery thread; the batch is acknowledged to the
     * broker only after this returns, so blocking here (e.g. on a full part queue) is back-pressure.
     */
    void accept(Batch batch) throws InterruptedException;

    /**
     * Thrown by a handler that cannot go on (its part failed): the batch is not acknowledged (it
     * stays in the queue for whoever runs the part next) and the receiver stops consuming.
     */
    final class Stop extends RuntimeException {
        public Stop(String message) {
            super(message);
        }
    }
}
