package io.iotj.remote.node;

import io.iotj.remote.transport.Batch;
import io.iotj.remote.transport.BatchHandler;
import io.iotj.remote.transport.GraphTopology;
import io.iotj.remote.transport.Outlet;
import io.iotj.remote.transport.Publisher;
import io.iotj.remote.transport.Receiver;
import io.iotj.remote.transport.StreamId;
import io.iotj.remote.transport.Transport;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs one part on a node: receives its input batches from its queue, applies its {@link PartLogic}
 * to each value, and sends what it emits to the destination parts, batched.
 *
 * <p>An input batch is acknowledged only once everything derived from it is safe: its outputs
 * confirmed by the broker and then a {@link Checkpoint} (input and output positions) confirmed too.
 * A part killed at any moment and started again (on this node or another) from its checkpoint
 * therefore loses nothing and repeats nothing, for parts whose output depends only on the input
 * values (map, filter, sink); state inside a part (zip's waiting values) is not checkpointed.
 */
public final class PartRunner implements AutoCloseable {
    private static final long COMMIT_MILLIS = 10;

    private final PartSpec spec;
    private final Transport data;
    private final GraphTopology topology;
    private final Publisher publisher;
    private final Map<String, List<Outlet>> outlets = new LinkedHashMap<>();
    private final PartLogic logic;
    private final Consumer<String> errors;
    private final Consumer<String> failure;
    private final AtomicLong in = new AtomicLong(), out = new AtomicLong(), failed = new AtomicLong();
    private final StreamId checkpointStream;
    private final ArrayDeque<Taken> taken = new ArrayDeque<>();
    private Receiver receiver;
    private ScheduledFuture<?> committer;
    private long checkpoints;
    private Commit inFlight;
    private volatile Checkpoint lastCheckpoint;

    /** A delivery handled but not yet acknowledged, with the output positions it requires. */
    private record Taken(long tag, Map<StreamId, Long> inputs, Map<String, Long> outputs) {}

    /** A checkpoint sent, and the deliveries to acknowledge once the broker confirms it. */
    private record Commit(long seq, List<Long> tags, Checkpoint checkpoint) {}

    /**
     * Prepares the part's outlets, resuming from {@code resume} (null for a new part); {@link #start()}
     * begins receiving. {@code errors} gets readable error reports; {@code failure} is called once
     * when the part fails (a function failed on a value) and stops.
     */
    public PartRunner(Transport data, PartSpec spec, PartLogic logic, Checkpoint resume, Consumer<String> errors,
                      Consumer<String> failure) throws IOException {
        this.failure = failure;
        this.spec = spec;
        this.data = data;
        this.logic = logic;
        this.errors = errors;
        this.topology = new GraphTopology(spec.graph());
        this.checkpointStream = new StreamId("checkpoint", StreamId.NO_INDEX, spec.part());
        this.publisher = data.publisher(topology, spec.window());
        this.lastCheckpoint = resume;
        for (Map.Entry<String, List<PartSpec.Destination>> e : spec.outputs().entrySet()) {
            List<Outlet> os = new ArrayList<>();
            long start = resume != null ? resume.outputs().getOrDefault(e.getKey(), 0L)
                    : spec.resumeOutputs().getOrDefault(e.getKey(), 0L);
            for (PartSpec.Destination d : e.getValue()) {
                os.add(data.outlet(publisher, d.part(), new StreamId(d.param(), d.index(), spec.producer(e.getKey())),
                        spec.batch(), start, spec.lingerMs()));
            }
            outlets.put(e.getKey(), os);
        }
    }

    /** Starts consuming the part's queue (a part without inputs has nothing to consume). */
    public void start() throws IOException {
        if (spec.inputs().isEmpty()) return;
        Map<StreamId, Long> from = lastCheckpoint != null ? lastCheckpoint.inputs() : spec.resumeInputs();
        receiver = data.receiver(topology, spec.part(), this::handle, from, spec.prefetch());
        receiver.gate(this::taken);
        committer = data.every(COMMIT_MILLIS, this::commit);
    }

    private void handle(Batch b) throws InterruptedException {
        StreamId s = b.stream();
        try {
            logic.acceptBatch(s.param(), s.index(), b.values(), this::emit);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | LinkageError | StackOverflowError e) {
            // as in the threads runtime, a part whose function fails stops, saying on which value
            failed.incrementAndGet();
            String why = spec.part() + " failed on " + s + " (values from position " + b.position() + "): "
                    + (e.getMessage() == null ? e.toString() : e.getMessage());
            failure.accept(why);
            throw new BatchHandler.Stop(why);
        }
        in.addAndGet(b.size());
    }

    private void emit(String param, Object value) throws InterruptedException {
        List<Outlet> os = outlets.get(param);
        if (os == null) return; // an output nobody reads ("None" in the template)
        for (Outlet o : os) o.add(value);
        out.incrementAndGet();
    }

    private void taken(long tag, Map<StreamId, Long> positions) {
        Map<String, Long> outs = new LinkedHashMap<>();
        for (Map.Entry<String, List<Outlet>> e : outlets.entrySet()) {
            if (!e.getValue().isEmpty()) outs.put(e.getKey(), e.getValue().getFirst().position());
        }
        synchronized (taken) {
            taken.addLast(new Taken(tag, positions, outs));
        }
    }

    /** On the transport's timer: acknowledge what a confirmed checkpoint covers; send the next checkpoint. */
    private void commit() {
        try {
            synchronized (taken) {
                if (inFlight != null) {
                    if (publisher.confirmedEnd(checkpointStream) <= inFlight.seq()) return;
                    for (long tag : inFlight.tags()) receiver.ack(tag);
                    lastCheckpoint = inFlight.checkpoint();
                    inFlight = null;
                }
                List<Long> tags = new ArrayList<>();
                Taken last = null;
                for (Taken t : taken) {
                    if (!safe(t)) break;
                    tags.add(t.tag());
                    last = t;
                }
                if (last == null) return;
                Checkpoint cp = new Checkpoint(last.inputs(), last.outputs());
                long seq = checkpoints;
                if (!publisher.tryPublish(GraphTopology.checkpointKey(spec.part()), cp.toBytes(), checkpointStream, seq, 1)) return;
                checkpoints++;
                for (int i = 0; i < tags.size(); i++) taken.pollFirst();
                inFlight = new Commit(seq, tags, cp);
            }
        } catch (RuntimeException e) {
            errors.accept(spec.part() + ": checkpoint failed: " + e.getMessage());
        }
    }

    /** True when the broker has confirmed every output value derived up to {@code t}. */
    private boolean safe(Taken t) {
        for (Map.Entry<String, Long> e : t.outputs().entrySet()) {
            for (Outlet o : outlets.get(e.getKey())) {
                if (publisher.confirmedEnd(o.stream()) < e.getValue()) return false;
            }
        }
        return true;
    }

    /** The part's spec. */
    public PartSpec spec() {
        return spec;
    }

    /** Values taken, values emitted, values whose handling failed. */
    public long[] counters() {
        return new long[]{in.get(), out.get(), failed.get()};
    }

    /** Where each input stream stands (for display). */
    public Map<StreamId, Long> inputPositions() {
        return receiver == null ? Map.of() : receiver.positions();
    }

    /** The last checkpoint confirmed by the broker, or the one the part resumed from (null if none). */
    public Checkpoint lastCheckpoint() {
        return lastCheckpoint;
    }

    /** Stops receiving, sends what is buffered, waits for the broker's confirms, and acknowledges what they cover. */
    @Override
    public void close() {
        if (receiver != null) receiver.stopConsuming();
        for (List<Outlet> os : outlets.values()) {
            for (Outlet o : os) {
                try {
                    o.flush();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    errors.accept(spec.part() + ": " + e.getMessage());
                }
            }
        }
        // let the committer make the last outputs safe before the receiver's channel closes
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (taken) {
                if (taken.isEmpty() && inFlight == null) break;
            }
            try {
                Thread.sleep(COMMIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (committer != null) committer.cancel(false);
        if (receiver != null) receiver.close();
        for (List<Outlet> os : outlets.values()) os.forEach(data::forget);
        publisher.close(Duration.ofSeconds(10));
    }
}
