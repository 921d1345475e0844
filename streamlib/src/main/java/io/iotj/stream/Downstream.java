package io.iotj.stream;

/**
 * Where an operator writes the values of its one output: the output stream (the usual case), or,
 * when a runtime has chained the stream's only reader into the writer's thread, that reader itself,
 * which takes each value at once (no ring between them). See {@link Chaining}.
 */
interface Downstream {
    /** Takes one value (writes it, or handles it at once when chained). */
    void accept(Object value);

    /** Ends a batch: publishes what was written, down the chain. */
    void flush();

    /** Writes into a stream, visible to its readers after {@link #flush()}. */
    record Into(IotStream<?> stream) implements Downstream {
        @Override
        public void accept(Object value) {
            stream.put(value);
        }

        @Override
        public void flush() {
            stream.publish();
        }
    }
}
