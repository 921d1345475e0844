package io.iotj.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The processing logic of one part of a stream graph: it reads its input streams in batches and
 * writes its output streams. Runtimes call {@link #step(int)} repeatedly; the operator consumes
 * what is available (up to the given number of values), writes its results and returns how many
 * values it consumed (sources: produced), or 0 when it can do nothing now.
 *
 * <p>To write a new operator (other modules add leaves this way), extend this class, read inputs
 * through {@link #reader(int)} ({@code acquire}/{@code get}/{@code advance}), write outputs with
 * {@link #emit(IotStream, Object)} and end each step with {@link #flush(IotStream)}; wrap a failing user
 * function in a {@link ValueFailure} naming the value.
 */
public abstract class Operator {
    /** Values a runtime hands an operator per step unless configured otherwise. */
    public static final int DEFAULT_BATCH = 1024;

    private final String kind;
    private final List<IotStream<?>> inputs;
    private final List<IotStream<?>> outputs;
    private final List<IotStream.Reader<?>> readers;
    private volatile Activation activation = Activation.INLINE;
    /** Values pushed into this operator by the one it is chained behind ({@link Chaining}). */
    long chainedIn;
    private boolean inlineRunning;
    private boolean inlineAgain;

    /**
     * Attaches a new operator to its streams: it reads every input from the input's current end,
     * and becomes the single writer of every output. Values arriving on the inputs run it inline
     * (in the appending thread) until a runtime takes it, so build operators on a stream before
     * other threads append to it, or run the graph in a runtime.
     *
     * @param kind    the operator's kind, used for part names ({@code map}, {@code zip}, …)
     */
    @SuppressWarnings("this-escape") // registration is the point; see the rule above
    protected Operator(String kind, List<? extends IotStream<?>> inputs, List<? extends IotStream<?>> outputs) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        List<IotStream.Reader<?>> rs = new ArrayList<>();
        for (IotStream<?> s : this.inputs) {
            rs.add(s.reader(kind + " reading " + s.name()));
        }
        this.readers = List.copyOf(rs);
        for (IotStream<?> s : this.outputs) {
            s.setProducer(this);
        }
        for (IotStream<?> s : this.inputs) {
            s.addConsumer(this);
        }
    }

    /**
     * Consumes up to {@code max} available input values (sources: produces up to {@code max}
     * values if due) and writes the results. Returns the number of values consumed or produced;
     * 0 means nothing can be done until more input arrives (or, for a source, until it is due).
     *
     * @throws ValueFailure when a user function fails on a value
     */
    public abstract int step(int max);

    /** True for operators without inputs that produce values on their own. */
    public boolean isSource() {
        return false;
    }

    /**
     * For sources: {@link System#nanoTime()} at which the next value is due, {@link Long#MIN_VALUE}
     * when one is due now, {@link Long#MAX_VALUE} when finished.
     */
    public long nextDueNanos() {
        return Long.MAX_VALUE;
    }

    /**
     * True when this operator handles its one input a value at a time with no state shared with other
     * threads, so that a runtime may run it inside the step of the operator writing its input
     * ({@link Chaining}). Operators that take long per value (training) say no, to keep a thread of
     * their own.
     */
    protected boolean chainable() {
        return false;
    }

    /** What the writer of this operator's input pushes values into when chained; see {@link #chainable()}. */
    Downstream pushTarget() {
        throw new UnsupportedOperationException(kind + " cannot be chained");
    }

    /**
     * Opens what the operator reads or writes outside the graph (a connection, a file, a table);
     * a runtime calls it once when it starts the operator's graph, before any {@link #step}.
     * Building an operator opens nothing, so a graph can be assembled (and checked) without
     * touching the outside world. When one part fails to open, the runtime closes the parts
     * already opened and the start fails with this exception, whose message should name what
     * could not be reached (an address, never a password).
     *
     * @throws RuntimeException when what the operator needs cannot be opened
     */
    public void open() {
    }

    /** Releases resources (files, connections); called once when the operator's graph stops. */
    public void close() {
    }

    /**
     * Asks whoever runs this operator to run it soon. A source whose values arrive in another
     * thread (a network client's) calls this after queueing them; it is cheap and may be called
     * from any thread.
     */
    protected final void wakeUp() {
        activation.wake(this);
    }

    /** The kind of this operator ({@code map}, {@code zip}, …). */
    public String kind() {
        return kind;
    }

    /** Input streams, in order. */
    public List<IotStream<?>> inputs() {
        return inputs;
    }

    /** Output streams, in order. */
    public List<IotStream<?>> outputs() {
        return outputs;
    }

    /** The reader of input {@code i}. */
    @SuppressWarnings("unchecked")
    protected final <X> IotStream.Reader<X> reader(int i) {
        return (IotStream.Reader<X>) readers.get(i);
    }

    /** Readers of all inputs, in order. */
    public List<IotStream.Reader<?>> readers() {
        return readers;
    }

    /** Writes a value to one of this operator's outputs (visible after {@link #flush}). */
    protected static void emit(IotStream<?> out, Object value) {
        out.put(value);
    }

    /** Publishes the values written to {@code out} and wakes its readers. */
    protected static void flush(IotStream<?> out) {
        out.publish();
    }

    /** Values waiting in this operator's inputs. */
    public long backlog() {
        long b = 0;
        for (IotStream.Reader<?> r : readers) {
            b += r.available();
        }
        return b;
    }

    /** Values this operator consumed from its inputs since it was created. */
    public long valuesIn() {
        long n = chainedIn;
        for (IotStream.Reader<?> r : readers) {
            n += r.consumed();
        }
        return n;
    }

    /** Sets how this operator runs; runtimes call this when they start and stop a graph. */
    public final void activation(Activation a) {
        activation = Objects.requireNonNull(a);
    }

    /** How this operator runs now. */
    public final Activation activation() {
        return activation;
    }

    /**
     * Stops reading and writing: the inputs no longer keep values for this operator, and its
     * outputs may get another writer.
     */
    public final void detach() {
        for (IotStream<?> s : inputs) {
            s.removeConsumer(this);
        }
        for (IotStream.Reader<?> r : readers) {
            r.close();
        }
        for (IotStream<?> s : outputs) {
            s.clearProducer(this);
        }
    }

    final void wake() {
        activation.wake(this);
    }

    final boolean stopRequested() {
        return activation.stopRequested();
    }

    final void runInline() {
        if (inlineRunning) {
            // A cycle brought values back to us: finish the current step, then run again.
            inlineAgain = true;
            return;
        }
        inlineRunning = true;
        try {
            do {
                inlineAgain = false;
                while (step(DEFAULT_BATCH) > 0) {
                    // keep going while there is input
                }
            } while (inlineAgain);
        } finally {
            inlineRunning = false;
        }
    }

    @Override
    public String toString() {
        return kind + inputs.stream().map(IotStream::name).toList() + "->" + outputs.stream().map(IotStream::name).toList();
    }

    /** Thrown to unwind an operator whose graph was stopped while it waited for room. */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** A new stop signal. */
        public Stopped() {
            super("stopped", null, false, false);
        }
    }
}
