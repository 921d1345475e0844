package io.iotj.remote.transport;

import com.rabbitmq.client.Channel;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The broker objects of one assembled graph, as the IoTpy thesis describes them: one direct exchange per
 * graph and one queue per part, bound with the part's name as routing key.
 *
 * <p>Exchange and queues are durable and messages persistent so that a broker restart loses no value.
 * Each queue is bounded ({@code x-max-length}, overflow {@code reject-publish}): when a part falls
 * behind, the broker refuses further batches and the producers' confirm windows fill, so a slow part
 * slows its producers instead of filling the broker without bound.
 *
 * @param graph          the graph's id (letters, digits, {@code - _ .})
 * @param maxQueuedBatches how many batches a part's queue may hold
 */
public record GraphTopology(String graph, int maxQueuedBatches) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,120}");
    /** Default bound of a part's queue, in batches. */
    public static final int DEFAULT_MAX_QUEUED_BATCHES = 256;

    public GraphTopology {
        Objects.requireNonNull(graph, "graph");
        if (!NAME.matcher(graph).matches())
            throw new IllegalArgumentException("graph id '" + graph + "' must be 1-120 letters, digits, '-', '_' or '.'");
        if (maxQueuedBatches < 1) throw new IllegalArgumentException("maxQueuedBatches " + maxQueuedBatches);
    }

    /** A graph with the default queue bound. */
    public GraphTopology(String graph) {
        this(graph, DEFAULT_MAX_QUEUED_BATCHES);
    }

    /** The graph's exchange. */
    public String exchange() {
        return "iotj.graph." + graph;
    }

    /** The queue of a part. */
    public String queue(String part) {
        checkPart(part);
        return exchange() + "." + part;
    }

    /**
     * The queue holding a part's latest checkpoint (which input positions it has handled and the
     * positions its outputs had then): a new instance of the part, on any node, resumes there.
     */
    public String checkpointQueue(String part) {
        return queue(part) + ".checkpoint";
    }

    /** The routing key of a part's checkpoints (':' cannot occur in a part name). */
    public static String checkpointKey(String part) {
        return "checkpoint:" + part;
    }

    /** Declares the exchange, the queues of {@code parts} and their checkpoint queues; idempotent. */
    public void declare(Channel ch, Collection<String> parts) throws IOException {
        ch.exchangeDeclare(exchange(), "direct", true, false, null);
        for (String part : parts) {
            ch.queueDeclare(queue(part), true, false, false,
                    Map.of("x-max-length", maxQueuedBatches, "x-overflow", "reject-publish", "x-queue-type", "classic"));
            ch.queueBind(queue(part), exchange(), part);
            // holds one message: a newer checkpoint pushes the older one out
            ch.queueDeclare(checkpointQueue(part), true, false, false, Map.of("x-max-length", 1, "x-queue-type", "classic"));
            ch.queueBind(checkpointQueue(part), exchange(), checkpointKey(part));
        }
    }

    /** Deletes the queues of {@code parts} (and their checkpoints) and the exchange; objects already gone are not an error. */
    public void delete(Channel ch, Collection<String> parts) throws IOException {
        for (String part : parts) {
            ch.queueDelete(queue(part));
            ch.queueDelete(checkpointQueue(part));
        }
        ch.exchangeDelete(exchange());
    }

    private static void checkPart(String part) {
        if (part == null || !NAME.matcher(part).matches())
            throw new IllegalArgumentException("part name '" + part + "' must be 1-120 letters, digits, '-', '_' or '.'");
    }
}
