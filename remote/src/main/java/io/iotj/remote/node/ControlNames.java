package io.iotj.remote.node;

/**
 * Broker names of the control plane. Commands go to the direct exchange {@value #COMMANDS}: with
 * key {@code node.<name>} to one node's own queue, and with key {@value #ALL_KEY} to every node.
 * The kernel deals unpinned parts round-robin over the nodes it hears from (IoTpy's placement)
 * and addresses each to its node, so a signed command names the one node that may run it. The old
 * shared key {@value #ASSEMBLE_KEY} is still bound to every node's queue, only so that a command
 * sent there (a replay, an old kernel) is refused and logged by the nodes instead of lying unseen.
 * Nodes report on the topic exchange {@value #EVENTS} with keys {@code node.<name>.<event>}.
 */
public final class ControlNames {
    public static final String COMMANDS = "iotj.control";
    public static final String EVENTS = "iotj.events";
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
