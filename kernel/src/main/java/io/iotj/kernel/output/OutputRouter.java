package io.iotj.kernel.output;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Routes text written to {@code System.out} / {@code System.err} to the cell it belongs to
 * ({@link OutputContext#current()}) and sends it in batches: a flusher thread sends what
 * accumulated a few milliseconds after the first write, and the kernel flushes a cell's text
 * synchronously before the cell's reply. Text from every thread of a context keeps its order,
 * across stdout and stderr too, because one buffer per context holds both streams.
 */
public final class OutputRouter implements AutoCloseable {
    /** Above this many waiting characters the writer sends them itself, which bounds memory. */
    static final long MAX_PENDING_CHARS = 1 << 20;

    private final OutputSink sink;
    private final PrintStream fallbackOut;
    private final PrintStream fallbackErr;
    private final long lingerMillis;
    private final LinkedBlockingQueue<OutputContext> dirty = new LinkedBlockingQueue<>();
    private final Object sendLock = new Object();
    private final ThreadLocal<Boolean> sending = ThreadLocal.withInitial(() -> false);
    private final Thread flusher;
    private final PrintStream out;
    private final PrintStream err;
    private volatile boolean running = true;
    private PrintStream replacedOut;
    private PrintStream replacedErr;

    /**
     * @param sink         receives batched text
     * @param fallbackOut  where stdout goes when no cell owns it (the kernel's own log)
     * @param fallbackErr  where stderr goes when no cell owns it
     * @param lingerMillis how long the flusher waits after the first write, to gather a batch
     */
    public OutputRouter(OutputSink sink, PrintStream fallbackOut, PrintStream fallbackErr, long lingerMillis) {
        this.sink = sink;
        this.fallbackOut = fallbackOut;
        this.fallbackErr = fallbackErr;
        this.lingerMillis = lingerMillis;
        this.out = new PrintStream(new Routed(StreamName.STDOUT), true, StandardCharsets.UTF_8);
        this.err = new PrintStream(new Routed(StreamName.STDERR), true, StandardCharsets.UTF_8);
        this.flusher = new Thread(this::flushLoop, "iotj-output");
        this.flusher.setDaemon(true);
        this.flusher.start();
    }

    /** The routed stream for {@code stream}. */
    public PrintStream printStream(StreamName stream) {
        return stream == StreamName.STDOUT ? out : err;
    }

    /** Replaces {@code System.out} and {@code System.err} with the routed streams. */
    public synchronized void install() {
        if (replacedOut != null) return;
        replacedOut = System.out;
        replacedErr = System.err;
        System.setOut(out);
        System.setErr(err);
    }

    /** Appends {@code text} to the given context's output, whatever the calling thread's context is. */
    public void write(OutputContext ctx, StreamName stream, String text) {
        if (ctx == null) {
            fallback(stream).print(text);
            return;
        }
        if (ctx.buffer.append(stream, text)) dirty.offer(ctx);
        relieve(ctx);
    }

    void write(StreamName stream, byte[] bytes, int off, int len) {
        OutputContext ctx = sending.get() ? null : OutputContext.current();
        if (ctx == null) {
            fallback(stream).write(bytes, off, len);
            return;
        }
        if (ctx.buffer.append(stream, bytes, off, len)) dirty.offer(ctx);
        relieve(ctx);
    }

    private void relieve(OutputContext ctx) {
        if (ctx.buffer.pendingChars() > MAX_PENDING_CHARS) flush(ctx);
    }

    private PrintStream fallback(StreamName stream) {
        return stream == StreamName.STDOUT ? fallbackOut : fallbackErr;
    }

    /** Sends everything {@code ctx} has accumulated now, on the calling thread. */
    public void flush(OutputContext ctx) {
        synchronized (sendLock) {
            List<Segment> segments = ctx.buffer.take();
            if (segments.isEmpty()) return;
            sending.set(true);
            try {
                for (Segment s : segments) sink.send(ctx, s.stream(), s.text());
            } catch (RuntimeException e) {
                fallbackErr.println("iotj: could not send output of " + ctx + ": " + e);
            } finally {
                sending.set(false);
            }
        }
    }

    /** Sends the accumulated text of every context. */
    public void flushAll() {
        OutputContext ctx;
        while ((ctx = dirty.poll()) != null) flush(ctx);
    }

    /** How many flush requests wait for the flusher (for tests). */
    int queued() {
        return dirty.size();
    }

    private void flushLoop() {
        while (running) {
            OutputContext first;
            try {
                first = dirty.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (first == null) continue;
            try {
                // Let the burst go on a little, so that it leaves as one message.
                Thread.sleep(lingerMillis);
            } catch (InterruptedException e) {
                // Closing: first is no longer queued, so close()'s flushAll would not see it.
                flush(first);
                break;
            }
            flush(first);
            flushAll();
        }
    }

    /** Sends what is left, stops the flusher and puts the original {@code System} streams back. */
    @Override
    public void close() {
        running = false;
        flusher.interrupt();
        try {
            flusher.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushAll();
        synchronized (this) {
            if (replacedOut != null) {
                System.setOut(replacedOut);
                System.setErr(replacedErr);
                replacedOut = null;
                replacedErr = null;
            }
        }
    }

    private final class Routed extends OutputStream {
        private final StreamName stream;

        Routed(StreamName stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len > 0) OutputRouter.this.write(stream, b, off, len);
        }
    }
}
