package io.iotj.remote;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.iotj.remote.node.ControlNames;
import io.iotj.remote.security.Secret;
import io.iotj.remote.security.SignedMessage;
import io.iotj.remote.transport.Transport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The kernel's control plane over the local broker. */
class ControllerTest {
    private static final Secret SECRET = Secret.of("controller-test-secret-" + UUID.randomUUID(), "test");

    @BeforeAll
    static void broker() throws Exception {
        LocalBroker.ensureUp();
    }

    /**
     * A node started with another secret heartbeats for as long as it runs: every heartbeat is
     * refused, and the controller remembers only the latest refusals (memory stays bounded), while
     * still counting them all.
     */
    @Test
    void refusedEventsStayBoundedWhileAStrangerKeepsTalking() throws Exception {
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 6);
        int sent = 3 * Controller.REFUSALS_KEPT;
        try (Controller ctl = Controller.connect(LocalBroker.URI, SECRET, "kernel-controller-test");
             Connection c = Transport.open(LocalBroker.URI, "controller-test-stranger", false)) {
            Channel ch = c.createChannel();
            for (int i = 0; i < sent; i++) {
                ch.basicPublish(ControlNames.EVENTS, ControlNames.eventKey(ghost, "heartbeat" + i), null,
                        "{\"type\":\"heartbeat\"}".getBytes(StandardCharsets.UTF_8));
            }
            String last = ControlNames.eventKey(ghost, "heartbeat" + (sent - 1));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (ctl.refusedEvents().stream().noneMatch(m -> reason(m).contains(last + ")"))) {
                assertTrue(System.nanoTime() < deadline, "the stranger's last heartbeat was never refused");
                Thread.sleep(20);
            }
            List<SignedMessage> kept = ctl.refusedEvents();
            assertTrue(kept.size() <= Controller.REFUSALS_KEPT, "refusals kept: " + kept.size());
            assertTrue(ctl.refusedCount() >= sent, "refusals counted: " + ctl.refusedCount());
        }
    }

    /** Stopping a graph must not reach nodes of other kernels, which would refuse it as forged. */
    @Test
    void aStopGoesToThisKernelsNodesOnlyNotToEveryNodeOnTheBroker() throws Exception {
        String graph = LocalBroker.uniqueGraph("only-ours");
        String ours = "own-" + UUID.randomUUID().toString().substring(0, 6);
        try (Controller ctl = Controller.connect(LocalBroker.URI, SECRET, "kernel-controller-test");
             Node node = new Node(io.iotj.remote.node.NodeOptions.parse("--broker", LocalBroker.URI, "--name", ours, "--pinned-only"), SECRET);
             Connection c = Transport.open(LocalBroker.URI, "controller-test-other-kernels-node", false)) {
            assertTrue(ctl.await(ns -> ns.stream().anyMatch(n -> n.name().equals(ours) && n.alive()), java.time.Duration.ofSeconds(10)));
            List<SignedMessage> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            ctl.onEvent(events::add);
            Channel ch = c.createChannel();
            // what a node of another kernel hears: it binds the all-nodes key, as every node does
            String stranger = ch.queueDeclare().getQueue();
            ch.queueBind(stranger, ControlNames.COMMANDS, ControlNames.ALL_KEY);
            ctl.stop(graph);
            long deadline = System.nanoTime() + 10_000_000_000L;
            // a node handles its commands in order: its pong to a later ping says the stop was delivered by then
            ctl.command(ours, "ping", new com.google.gson.JsonObject());
            while (events.stream().noneMatch(m -> m.type().equals("pong") && m.from().equals(ours))) {
                assertTrue(System.nanoTime() < deadline, "our node did not answer");
                Thread.sleep(20);
            }
            Thread.sleep(200);
            com.rabbitmq.client.GetResponse r;
            while ((r = ch.basicGet(stranger, true)) != null) {
                assertFalse(new String(r.getBody(), StandardCharsets.UTF_8).contains(graph), "the stop of " + graph + " reached every node");
            }
        }
    }

    private static String reason(SignedMessage m) {
        return m.body().get("reason").getAsString();
    }
}
