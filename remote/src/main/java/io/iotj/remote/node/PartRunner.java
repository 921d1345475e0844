package io.iotj.remote.node;

import io.iotj.remote.transport.Batch;
import io.iotj.remote.transport.GraphTopology;
import io.iotj.remote.transport.Outlet;
import io.iotj.remote.transport.Publisher;
import io.iotj.remote.transport.Receiver;
import io.iotj.remote.transport.StreamId;
import io.iotj.remote.transport.Transport;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs one part on a node: receives its input batches from its queue, applies its {@link PartLogic}
 * to each value, and sends what it emits to the destination parts, batched. Values are handled on
 * the receiver's delivery thread, so a batch is acknowledged only after its values were handled.
 */
public final class PartRunner implements AutoCloseable {
    private final PartSpec spec;
    private final Transport data;
    private final Publisher publisher;
    private final Map<String, List<Outlet>> outlets = new LinkedHashMap<>();
    private final PartLogic logic;
    private final Consumer<String> errors;
    private final AtomicLong in = new AtomicLong(), out = new AtomicLong(), failed = new AtomicLong();
    private volatile long lastErrorReport;
    private Receiver receiver;

    /** Prepares the part's outlets; {@link #start()} begins receiving. {@code errors} gets readable error reports. */
    public PartRunner(Transport data, PartSpec spec, PartLogic logic, Consumer<String> errors) throws IOException {
        this.spec = spec;
        this.data = data;
        this.logic = logic;
        this.errors = errors;
        GraphTopology topology = new GraphTopology(spec.graph());
        this.publisher = data.publisher(topology, spec.window());
        for (Map.Entry<String, List<PartSpec.Destination>> e : spec.outputs().entrySet()) {
            List<Outlet> os = new ArrayList<>();
            long start = spec.resumeOutputs().getOrDefault(e.getKey(), 0L);
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
        receiver = data.receiver(new GraphTopology(spec.graph()), spec.part(), this::handle, spec.resumeInputs(), spec.prefetch());
    }

    private void handle(Batch b) throws InterruptedException {
        StreamId s = b.stream();
        for (int i = 0; i < b.size(); i++) {
            try {
                logic.accept(s.param(), s.index(), b.values().get(i), this::emit);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception | LinkageError | StackOverflowError e) {
                long n = failed.incrementAndGet();
                long now = System.currentTimeMillis();
                if (n == 1 || now - lastErrorReport > 1000) { // the first error, then at most one report a second
                    lastErrorReport = now;
                    errors.accept(spec.part() + ": value at position " + (b.position() + i) + " of " + s + " failed ("
                            + n + " failure(s) so far): " + e);
                }
            }
        }
        in.addAndGet(b.size());
    }

    private void emit(String param, Object value) throws InterruptedException {
        List<Outlet> os = outlets.get(param);
        if (os == null) return; // an output nobody reads ("None" in the template)
        for (Outlet o : os) o.add(value);
        out.incrementAndGet();
    }

    /** The part's spec. */
    public PartSpec spec() {
        return spec;
    }

    /** Values taken, values emitted, values whose handling failed. */
    public long[] counters() {
        return new long[]{in.get(), out.get(), failed.get()};
    }

    /** Where each input stream stands (for a restart elsewhere). */
    public Map<StreamId, Long> inputPositions() {
        return receiver == null ? Map.of() : receiver.positions();
    }

    /** Stops receiving, sends what is buffered, and waits for the broker's confirms. */
    @Override
    public void close() {
        if (receiver != null) receiver.close();
        for (List<Outlet> os : outlets.values()) {
            for (Outlet o : os) {
                try {
                    o.flush();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    errors.accept(spec.part() + ": " + e.getMessage());
                }
                data.forget(o);
            }
        }
        publisher.close(Duration.ofSeconds(10));
    }
}
