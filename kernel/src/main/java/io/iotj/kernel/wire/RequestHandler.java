package io.iotj.kernel.wire;

/** Handles one request arriving on the shell or control socket. */
@FunctionalInterface
public interface RequestHandler {
    void handle(Request request) throws Exception;
}
