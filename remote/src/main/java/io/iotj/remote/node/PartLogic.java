package io.iotj.remote.node;

/** What a part does with each value that reaches one of its stream parameters. */
@FunctionalInterface
public interface PartLogic {
    /** Takes {@code value} arriving on {@code param} (element {@code index} of a list parameter, else -1). */
    void accept(String param, int index, Object value, Emitter out) throws Exception;

    /** Takes a batch of values arriving on {@code param} ({@code index}); by default one at a time. */
    default void acceptBatch(String param, int index, io.iotj.remote.transport.Values values, Emitter out) throws Exception {
        for (int i = 0; i < values.size(); i++) accept(param, index, values.get(i), out);
    }

    /** Sends values on the part's output parameters. */
    @FunctionalInterface
    interface Emitter {
        void emit(String param, Object value) throws InterruptedException;
    }
}
