package io.iotj.kernel.wire;

import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.MessageType;

/** A request received on the shell or control socket, with the means to answer it. */
public final class Request {
    private final Message<?> message;
    private final WireSocket replyTo;
    private final WireConnection connection;
    private final boolean control;

    Request(Message<?> message, WireSocket replyTo, WireConnection connection, boolean control) {
        this.message = message;
        this.replyTo = replyTo;
        this.connection = connection;
        this.control = control;
    }

    /** The message; also the parent of every reply and publication about it. */
    public Message<?> message() {
        return message;
    }

    public MessageType<?> type() {
        return message.getHeader().getType();
    }

    /** True for requests on the control socket. */
    public boolean isControl() {
        return control;
    }

    /** The request's content, typed. */
    @SuppressWarnings("unchecked")
    public <T> T content() {
        return (T) message.getContent();
    }

    public WireConnection connection() {
        return connection;
    }

    /** Sends a reply of {@code type} on the socket the request came from. */
    public void reply(MessageType<?> type, Content content) {
        replyTo.sendMessage(WireConnection.message(message, type, content));
    }

    /** Publishes on IOPub with this request as parent. */
    public void publish(MessageType<?> type, Content content) {
        connection.publish(message, type, content);
    }

    public void busy() {
        publish(MessageType.PUBLISH_STATUS, Content.of("execution_state", "busy"));
    }

    public void idle() {
        publish(MessageType.PUBLISH_STATUS, Content.of("execution_state", "idle"));
    }

    /** The parent for publications from other threads. */
    public MessageContext context() {
        return message;
    }
}
