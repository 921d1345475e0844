package io.iotj.magics;

import io.iotj.display.MimeBundle;
import io.iotj.kernel.KernelContext;
import io.iotj.kernel.output.OutputContext;
import io.iotj.magics.live.LiveDisplays;
import io.iotj.magics.nodes.NodeWatch;
import io.iotj.magics.nodes.NodesView;
import io.iotj.magics.session.GraphRegistry;
import io.iotj.remote.BrokerUri;
import io.iotj.remote.Controller;
import io.iotj.remote.security.Secret;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %nodes [--broker URI]}: the live table of remote nodes; and the check, before a graph is
 * sent to nodes, that the nodes it needs are listening.
 */
final class NodeMagics {
    /**
     * How long a {@code %nodes} table stays live when no graph runs: long enough to watch nodes
     * being started, bounded so that a forgotten table does not send updates for hours.
     */
    static final Duration LIVE_FOR = Duration.ofMinutes(10);
    /** How long to wait for nodes that were just started to be heard. */
    static final Duration WAIT_FOR_NODES = Controller.DEAD_AFTER;

    private final KernelContext kernel;
    private final LiveDisplays displays;
    private final GraphRegistry graphs;
    private final NodeWatch watch = new NodeWatch();
    private LiveDisplays.Handle display;

    NodeMagics(KernelContext kernel, LiveDisplays displays, GraphRegistry graphs) {
        this.kernel = kernel;
        this.displays = displays;
        this.graphs = graphs;
    }

    /** {@code %nodes [--broker URI]}. */
    Object nodes(List<String> args) throws Exception {
        String given = null;
        if (args.size() == 2 && args.get(0).equals("--broker")) {
            given = args.get(1);
        } else if (!args.isEmpty()) {
            throw MagicErrors.of("UsageError", "%nodes [--broker URI] shows the nodes listening on the broker "
                    + "(default: $IOTJ_BROKER, else " + BrokerUri.mask(BrokerUri.DEFAULT) + "); got "
                    + BrokerUri.mask(String.join(" ", args)));
        }
        String broker = broker(given);
        Controller c = controller(broker, secret());
        NodesView view = new NodesView(BrokerUri.mask(broker), c::nodes);
        String id = kernel.display(bundle(view));
        OutputContext ctx = kernel.currentOutput();
        long until = System.nanoTime() + LIVE_FOR.toNanos();
        synchronized (this) {
            // Only the latest %nodes output stays live: older ones keep their last state.
            if (display != null) {
                display.cancel();
            }
            display = displays.start(view::version,
                    () -> System.nanoTime() > until && graphs.unfinished().isEmpty(),
                    () -> OutputContext.runWith(ctx, () -> kernel.updateDisplay(id, bundle(view))));
        }
        return null;
    }

    private static MimeBundle bundle(NodesView view) {
        return new MimeBundle().put(MimeBundle.HTML, view.html()).put(MimeBundle.TEXT, view.text());
    }

    /**
     * Fails the cell with a readable error unless the nodes a graph needs listen on {@code broker}:
     * each of {@code pinned}, or any node when none is pinned. Waits briefly for nodes just started.
     */
    void checkListening(String broker, Secret secret, List<String> pinned) throws Exception {
        List<String> listening;
        try {
            listening = watch.listening(broker, secret,
                    ns -> pinned.isEmpty() ? !ns.isEmpty() : ns.containsAll(pinned), WAIT_FOR_NODES);
        } catch (IOException e) {
            throw MagicErrors.of("NodeError", e.getMessage());
        }
        String where = " on " + BrokerUri.mask(broker);
        if (listening.isEmpty()) {
            throw MagicErrors.of("NodeError", "no iotj node is listening" + where
                    + "; start one with install/iotj-node --name n1 (same broker, same secret: "
                    + secret.origin() + ")");
        }
        List<String> missing = new ArrayList<>(pinned);
        missing.removeAll(listening);
        if (!missing.isEmpty()) {
            throw MagicErrors.of("NodeError", (missing.size() == 1 ? "node " + missing.get(0) + " is"
                    : "nodes " + String.join(", ", missing) + " are") + " not listening" + where
                    + "; listening: " + String.join(", ", listening) + " (%nodes shows them)");
        }
    }

    private Controller controller(String broker, Secret secret) throws Exception {
        try {
            return watch.controller(broker, secret);
        } catch (IOException e) {
            throw MagicErrors.of("NodeError", e.getMessage());
        }
    }

    /** {@code --broker}, else {@code IOTJ_BROKER}, else the local broker; checked, never shown with its password. */
    static String broker(String given) throws Exception {
        String broker = BrokerUri.resolve(given);
        try {
            BrokerUri.check(broker);
        } catch (IllegalArgumentException e) {
            throw MagicErrors.of("UsageError", e.getMessage());
        }
        return broker;
    }

    /** The secret shared with the nodes, or a readable error saying how to set it up. */
    static Secret secret() throws Exception {
        try {
            return Secret.load();
        } catch (IOException | RuntimeException e) {
            throw MagicErrors.of("UsageError", "remote nodes need the secret they share with the kernel: "
                    + "set IOTJ_SECRET, or create " + Secret.defaultFile() + " with install/iotj-node "
                    + "--init-secret (" + e.getMessage() + ")");
        }
    }

    /** Closes the connections to the brokers (kernel shutdown). */
    void close() {
        synchronized (this) {
            if (display != null) {
                display.cancel();
            }
        }
        watch.close();
    }
}
