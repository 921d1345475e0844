package io.iotj.kernel.wire;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.KernelTimestamp;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.reply.InputReply;
import io.github.spencerpark.jupyter.messages.request.InputRequest;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * The five Jupyter sockets and the threads that serve them. Each of heartbeat, shell and
 * control has its own thread that blocks in a ZeroMQ poll and handles a request the moment
 * it arrives (the basekernel's loops sleep 50 ms between polls). IOPub is shared: the
 * basekernel's {@code sendMessage} is synchronized, so any thread may publish.
 */
public final class WireConnection implements AutoCloseable {
    /** How long a poll waits before looking at the stop flag again; only delays shutdown. */
    private static final long POLL_MILLIS = 100;

    private final KernelConnectionProperties props;
    private final ZMQ.Context ctx;
    private final WireSocket heartbeat;
    private final WireSocket shell;
    private final WireSocket control;
    private final WireSocket stdin;
    private final WireSocket iopub;
    private final PrintStream log;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /**
     * @param props the connection file's content
     * @param log   where failures of the wire itself are reported (the kernel's stderr)
     */
    public WireConnection(KernelConnectionProperties props, PrintStream log) throws GeneralSecurityException {
        this.props = props;
        this.log = log;
        this.ctx = ZMQ.context(1);
        HMACGenerator hmac = props.createHMACGenerator();
        this.heartbeat = new WireSocket(ctx, SocketType.REP, hmac, "heartbeat");
        this.shell = new WireSocket(ctx, SocketType.ROUTER, hmac, "shell");
        this.control = new WireSocket(ctx, SocketType.ROUTER, hmac, "control");
        this.stdin = new WireSocket(ctx, SocketType.ROUTER, hmac, "stdin");
        this.iopub = new WireSocket(ctx, SocketType.PUB, hmac, "iopub");
        // Let the last messages (shutdown reply, final output) leave before the context ends.
        this.iopub.setLinger(1000);
        this.shell.setLinger(1000);
        this.control.setLinger(1000);
    }

    /** Binds every socket, publishes {@code status: starting} and starts serving. */
    public void start(RequestHandler shellHandler, RequestHandler controlHandler) {
        String t = props.getTransport();
        String ip = props.getIp();
        heartbeat.bindTo(t, ip, props.getHbPort());
        shell.bindTo(t, ip, props.getShellPort());
        control.bindTo(t, ip, props.getControlPort());
        stdin.bindTo(t, ip, props.getStdinPort());
        iopub.bindTo(t, ip, props.getIopubPort());
        running = true;
        startThread("iotj-heartbeat", this::echoHeartbeats);
        startThread("iotj-shell", () -> serve(shell, shellHandler, false));
        startThread("iotj-control", () -> serve(control, controlHandler, true));
        publish(null, MessageType.PUBLISH_STATUS, Content.of("execution_state", "starting"));
    }

    private void startThread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void serve(WireSocket socket, RequestHandler handler, boolean isControl) {
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        try {
            while (running) {
                if (poller.poll(POLL_MILLIS) <= 0 || !poller.pollin(0)) continue;
                Message<?> message;
                try {
                    message = socket.readMessage();
                } catch (RuntimeException e) {
                    log.println("iotj: dropped an unreadable message: " + e);
                    continue;
                }
                if (message == null) continue;
                try {
                    handler.handle(new Request(message, socket, this, isControl));
                } catch (Exception | LinkageError e) {
                    log.println("iotj: failed to handle " + message.getHeader().getType() + ": " + e);
                    e.printStackTrace(log);
                }
            }
        } finally {
            poller.close();
            socket.close();
        }
    }

    /**
     * Handles the requests already waiting on the shell socket, without waiting for more. Call
     * only on the shell thread (from a shell request's handler).
     */
    public void drainShell(RequestHandler handler) {
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(shell, ZMQ.Poller.POLLIN);
        try {
            while (poller.poll(0) > 0 && poller.pollin(0)) {
                Message<?> message = shell.readMessage();
                if (message == null) return;
                try {
                    handler.handle(new Request(message, shell, this, false));
                } catch (Exception | LinkageError e) {
                    log.println("iotj: failed to handle " + message.getHeader().getType() + ": " + e);
                }
            }
        } finally {
            poller.close();
        }
    }

    private void echoHeartbeats() {
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(heartbeat, ZMQ.Poller.POLLIN);
        try {
            while (running) {
                if (poller.poll(POLL_MILLIS) <= 0 || !poller.pollin(0)) continue;
                byte[] ping = heartbeat.recv(ZMQ.DONTWAIT);
                if (ping != null) heartbeat.send(ping, 0);
            }
        } finally {
            poller.close();
            heartbeat.close();
        }
    }

    /** Publishes {@code content} on IOPub with {@code parent} as parent (may be null). Any thread. */
    public void publish(MessageContext parent, MessageType<?> type, Content content) {
        iopub.sendMessage(message(parent, type, content));
    }

    /**
     * A message whose content is serialized as the map itself, whatever class the type names.
     * Its header's date has microseconds (the basekernel's own headers stop at minutes).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Message<?> message(MessageContext parent, MessageType<?> type, Content content) {
        Header<?> header = new Header(java.util.UUID.randomUUID().toString(),
                parent != null ? parent.getHeader().getUsername() : Header.KERNEL_USERNAME,
                parent != null ? parent.getHeader().getSessionId() : null,
                new KernelTimestamp(DATE.format(java.time.Instant.now())), type, Header.PROTOCOL_VERISON);
        return new Message(parent != null ? parent.getIdentities() : java.util.Collections.emptyList(), header,
                parent != null ? parent.getHeader() : null, null, content, null);
    }

    private static final java.time.format.DateTimeFormatter DATE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /**
     * Asks the frontend for a line of input (the stdin channel) and waits for it. The socket
     * work happens on a thread of its own, so interrupting the waiting thread (a stopped
     * cell) cannot break the socket; it then returns {@code null}.
     */
    public String readInput(MessageContext parent, String prompt, boolean password) {
        java.util.concurrent.atomic.AtomicBoolean wanted = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.Future<String> answer = stdinWorker.submit(() -> askFrontend(parent, prompt, password, wanted));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            wanted.set(false);
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            log.println("iotj: reading input failed: " + e.getCause());
            return null;
        }
    }

    private final java.util.concurrent.ExecutorService stdinWorker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "iotj-stdin");
        t.setDaemon(true);
        return t;
    });

    private String askFrontend(MessageContext parent, String prompt, boolean password,
                               java.util.concurrent.atomic.AtomicBoolean wanted) {
        if (!wanted.get()) return null;
        Message<?> request = new Message<>(parent, InputRequest.MESSAGE_TYPE, new InputRequest(prompt, password));
        stdin.sendMessage(request);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(stdin, ZMQ.Poller.POLLIN);
        try {
            while (running && wanted.get()) {
                if (poller.poll(POLL_MILLIS) <= 0 || !poller.pollin(0)) continue;
                Message<?> reply = stdin.readMessage();
                // A reply naming an earlier, abandoned request is dropped (jupyter_client names none).
                if (reply != null && reply.getHeader().getType() == MessageType.INPUT_REPLY && (!reply.hasParentHeader()
                        || request.getHeader().getId().equals(reply.getParentHeader().getId()))) {
                    return ((InputReply) reply.getContent()).getValue();
                }
            }
            return null;
        } finally {
            poller.close();
        }
    }

    /** True between {@link #start} and {@link #stop()}. */
    public boolean isRunning() {
        return running;
    }

    /** Asks the serving threads to end; they close their sockets within one poll interval. */
    public void stop() {
        running = false;
    }

    /** Waits until the serving threads ended. */
    public void awaitStopped(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        for (Thread t : threads) {
            if (t == Thread.currentThread()) continue;
            t.join(Math.max(1, deadline - System.currentTimeMillis()));
        }
    }

    /** Stops serving, then closes IOPub and stdin and ends the ZeroMQ context. */
    @Override
    public void close() throws InterruptedException {
        stop();
        awaitStopped(2000);
        for (Thread t : threads) {
            // A thread stuck in user code still holds its socket; ending the context would wait for it forever.
            if (t.isAlive() && t != Thread.currentThread()) return;
        }
        synchronized (iopub) {
            iopub.close();
        }
        stdinWorker.shutdownNow();
        stdinWorker.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS);
        stdin.close();
        ctx.term();
    }
}
