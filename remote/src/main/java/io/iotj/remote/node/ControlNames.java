package io.iotj.remote.node;

/**
 * Broker names of the control plane. Commands go to the direct exchange {@value #COMMANDS}: with
 * key {@value #ASSEMBLE_KEY} to the shared queue {@value #ASSEMBLE_QUEUE} that all nodes consume
 * (the broker deals them round-robin, as in the seed), with key {@code node.<name>} to one node,
 * and with key {@value #ALL_KEY} to every node. Nodes report on the topic exchange
 * {@value #EVENTS} with keys {@code node.<name>.<event>}.
 */
public final class ControlNames {
    public static final String COMMANDS = "iotj.control";
    public static final String EVENTS = "iotj.events";
    public static final String ASSEMBLE_QUEUE = "iotj.assemble";
    public static final String ASSEMBLE_KEY = "assemble";
    public static final String ALL_KEY = "all";

    private ControlNames() {}

    /** The routing key and queue suffix of one node. */
    public static String nodeKey(String node) {
        return "node." + node;
    }

    /** A node's own command queue. */
    public static String nodeQueue(String node) {
        return "iotj.node." + node;
    }

    /** The routing key of a node's event. */
    public static String eventKey(String node, String event) {
        return "node." + node + "." + event;
    }
}
