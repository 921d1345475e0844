package io.iotj.remote.node;

/** What a part does with each value that reaches one of its stream parameters. */
@FunctionalInterface
public interface PartLogic {
    /** Takes {@code value} arriving on {@code param} (element {@code index} of a list parameter, else -1). */
    void accept(String param, int index, Object value, Emitter out) throws Exception;

    /** Sends values on the part's output parameters. */
    @FunctionalInterface
    interface Emitter {
        void emit(String param, Object value) throws InterruptedException;
    }
}
