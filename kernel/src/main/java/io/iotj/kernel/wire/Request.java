package io.iotj.kernel.wire;

import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishStatus;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;

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

    /** Sends a reply on the socket the request came from. */
    public <T extends ContentType<T>> void reply(T content) {
        replyTo.sendMessage(new Message<>(message, content.getType(), content));
    }

    /** Sends an error reply ({@code status: error}) of the given reply type. */
    public void replyError(MessageType<?> replyType, ErrorReply error) {
        replyTo.sendMessage(new Message<>(message, replyType.error(), error));
    }

    /** Publishes on IOPub with this request as parent. */
    public <T extends ContentType<T>> void publish(T content) {
        connection.publish(message, content);
    }

    public void busy() {
        publish(PublishStatus.BUSY);
    }

    public void idle() {
        publish(PublishStatus.IDLE);
    }

    /** The parent for publications from other threads. */
    public MessageContext context() {
        return message;
    }
}
