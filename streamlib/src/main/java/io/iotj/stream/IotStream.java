package io.iotj.stream;

import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A named, append-only sequence of values, as in IoTpy: one writer appends, any number of
 * {@link Reader readers} consume it at their own positions, and operators attached to it run when
 * values arrive.
 *
 * <p>Memory is bounded. Values live in a ring buffer; a value is kept until every reader has
 * consumed it, and the last {@link #retain()} values are kept for {@link #values()} and
 * {@link #recent(int)}. Older values are dropped. When a reader lags by {@link #capacity()} values
 * the writer waits for it (back-pressure; this is how the threads runtime joins parts), or, when the
 * reader runs in the writer's own thread, the ring grows up to a hard limit and then fails loudly.
 * Nothing is dropped while a reader still needs it. A stream between two operators that a runtime
 * chained in one thread holds no values at all: they pass from writer to reader directly
 * ({@link Chaining}); runtimes do that only for streams that are neither a graph's input nor output.
 *
 * <p>Thread safety: one writer at a time (the public {@link #append}/{@link #extend} methods take a
 * lock), readers in any threads. Values must not be {@code null}.
 *
 * <p>Operators ({@link #map}, {@link #filter}, {@link #window}, …) return new streams. Until a
 * runtime runs them, they run inline: appending to a stream runs its operators in the appending
 * thread before {@code append} returns, as IoTpy's single-process streams do.
 *
 * @param <T> the type of values
 */
public final class IotStream<T> {
    /** Values kept for {@link #values()} unless configured otherwise. */
    public static final int DEFAULT_RETAIN = 1000;
    /** Values a reader may lag before the writer waits, unless configured otherwise. */
    public static final int DEFAULT_CAPACITY = 1 << 14;
    /** The most values a stream ever holds when readers run in the writer's thread. */
    public static final int HARD_LIMIT = 1 << 23;
    /** Values an external {@link #extend} publishes at a time, so consumers start early. */
    static final int PUBLISH_CHUNK = 1024;
    private static final int INITIAL_RING = 16;
    private static final Object[] NO_READERS = new Reader<?>[0];
    private static final Operator[] NO_OPERATORS = new Operator[0];

    /** What the writer does when a reader lags by {@link #capacity()} values. */
    public enum FullPolicy {
        /** Wait until readers catch up (readers run in other threads). */
        BLOCK,
        /** Grow the ring (readers run in the writer's thread) up to {@link #HARD_LIMIT}. */
        GROW
    }

    private final String name;
    private volatile int retain;
    private final int capacity;
    private volatile Object[] ring;
    /** Values published: readers may read indices below this. */
    private volatile long end;
    /** The writer's cursor; indices in [end, writeEnd) are written but not yet published. */
    private long writeEnd;
    /** The writer may write indices below this without checking readers again. */
    private long limit;
    private volatile Reader<?>[] readers = (Reader<?>[]) NO_READERS;
    private volatile Operator[] consumers = NO_OPERATORS;
    private volatile Thread blockedWriter;
    private volatile FullPolicy policy = FullPolicy.GROW;
    private Operator producer;
    /** The reader this stream's writer hands values to directly, when a runtime chained them. */
    private volatile Operator passThrough;
    private final ReentrantLock externalWrite = new ReentrantLock();

    /** A stream keeping the default number of recent values. */
    public IotStream(String name) {
        this(name, DEFAULT_RETAIN, DEFAULT_CAPACITY);
    }

    /**
     * A stream with explicit bounds.
     *
     * @param name     the stream's name (shown in errors and tables)
     * @param retain   recent values kept for {@link #values()}; at least 0
     * @param capacity values a reader may lag before the writer waits; at least 2 (rounded up to a
     *                 power of two, and to at least twice {@code retain})
     */
    public IotStream(String name, int retain, int capacity) {
        this.name = Objects.requireNonNull(name, "name");
        if (retain < 0) {
            throw new IllegalArgumentException("stream " + name + ": retain must be >= 0, was " + retain);
        }
        if (capacity < 2) {
            throw new IllegalArgumentException("stream " + name + ": capacity must be >= 2, was " + capacity);
        }
        this.retain = retain;
        int cap = Math.max(pow2(capacity), pow2(Math.max(2, 2 * retain)));
        if (cap > HARD_LIMIT) {
            throw new IllegalArgumentException("stream " + name + ": capacity/retain too large (limit " + HARD_LIMIT + ")");
        }
        this.capacity = cap;
        // Start small: thousands of low-rate streams must stay cheap; the ring doubles as values
        // accumulate, up to what readers and the retained window need.
        this.ring = new Object[Math.min(cap, INITIAL_RING)];
        this.limit = ring.length;
    }

    private static int pow2(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    /** The stream's name. */
    public String name() {
        return name;
    }

    /** How many recent values {@link #values()} keeps. */
    public int retain() {
        return retain;
    }

    /**
     * Keeps at most {@code n} recent values from now on (never more than before): for streams of
     * large values, such as models, whose writer is decided after the stream was made (a template's
     * output). Safe while the stream runs.
     */
    public void retainAtMost(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("stream " + name + ": retain must be >= 0, was " + n);
        }
        synchronized (this) {
            if (n < retain) {
                retain = n;
            }
        }
    }

    /** How many values a reader may lag before the writer waits. */
    public int capacity() {
        return capacity;
    }

    /**
     * The number of values ever appended (and published) to this stream, including those that passed
     * straight from its writer to its reader when a runtime chained the two ({@link Chaining}).
     */
    public long count() {
        Operator p = passThrough;
        return p == null ? end : end + p.chainedIn;
    }

    /** From now on values go from this stream's writer straight to {@code reader}; see {@link Chaining}. */
    void passThrough(Operator reader) {
        passThrough = reader;
    }

    /** The number of readers holding values of this stream. */
    int readerCount() {
        return readers.length;
    }

    // ------------------------------------------------------------------ writing (external)

    /**
     * Appends one value and runs or wakes the operators reading this stream.
     *
     * @throws IllegalStateException when an operator writes this stream (one writer per stream)
     */
    public void append(T value) {
        checkExternalWriter();
        externalWrite.lock();
        try {
            put(value);
            publish();
        } finally {
            externalWrite.unlock();
        }
    }

    /**
     * Appends values in order; consumers see them in chunks while the call runs.
     *
     * @throws IllegalStateException when an operator writes this stream (one writer per stream)
     */
    public void extend(Iterable<? extends T> values) {
        Objects.requireNonNull(values, "values");
        checkExternalWriter();
        externalWrite.lock();
        try {
            int n = 0;
            for (T v : values) {
                put(v);
                if (++n == PUBLISH_CHUNK) {
                    publish();
                    n = 0;
                }
            }
            publish();
        } finally {
            externalWrite.unlock();
        }
    }

    /** Appends the given values in order. */
    @SafeVarargs
    @SuppressWarnings("varargs")
    public final void extend(T... values) {
        extend(Arrays.asList(values));
    }

    private void checkExternalWriter() {
        Operator p = producer;
        if (p != null) {
            throw new IllegalStateException("stream " + name + " is written by " + p.kind()
                    + "; append to the graph's input streams instead");
        }
    }

    // ------------------------------------------------------------------ writing (operators)

    /**
     * Writes one value without publishing it. Only the stream's single writer calls this (an
     * operator, or {@link #append}); {@link #publish()} makes written values visible.
     */
    void put(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("stream " + name + ": null values are not allowed");
        }
        long w = writeEnd;
        if (w >= limit) {
            makeRoom();
        }
        Object[] r = ring;
        r[(int) w & (r.length - 1)] = value;
        writeEnd = w + 1;
    }

    /** Makes written values visible to readers and wakes the operators reading this stream. */
    void publish() {
        long w = writeEnd;
        if (w == end) {
            return;
        }
        end = w;
        for (Operator op : consumers) {
            op.wake();
        }
    }

    /** Values written but not yet published. */
    boolean hasUnpublished() {
        return writeEnd != end;
    }

    private void makeRoom() {
        for (;;) {
            long low = lowWater();
            Object[] r = ring;
            if (writeEnd < low + r.length) {
                limit = low + r.length;
                return;
            }
            if (writeEnd > end) {
                // Keeping the last `retain` published values may be what blocks: publishing
                // moves that window forward.
                publish();
                continue;
            }
            if (r.length < capacity || (policy == FullPolicy.GROW && r.length < HARD_LIMIT)) {
                grow(r);
                continue;
            }
            if (policy == FullPolicy.GROW) {
                throw new StreamOverflowException(name, laggingReaderName(), HARD_LIMIT);
            }
            if (awaitReaders()) {
                // The readers' graph cannot move until this stream holds more (a join fed
                // unevenly): grow rather than wait forever, up to the hard limit.
                if (r.length >= HARD_LIMIT) {
                    throw new StreamOverflowException(name, laggingReaderName(), HARD_LIMIT);
                }
                grow(r);
            }
        }
    }

    private void grow(Object[] old) {
        Object[] bigger = new Object[old.length * 2];
        long from = Math.max(0, writeEnd - old.length);
        for (long i = from; i < writeEnd; i++) {
            bigger[(int) i & (bigger.length - 1)] = old[(int) i & (old.length - 1)];
        }
        // The old array is never written again, so readers still holding it read valid values.
        ring = bigger;
    }

    /** Waits until readers make room; true when their graph is stalled instead. */
    private boolean awaitReaders() {
        Operator self = producer;
        blockedWriter = Thread.currentThread();
        if (self != null) {
            self.activation().blocked(true);
        }
        try {
            long low = lowWater();
            int rounds = 0;
            while (writeEnd >= low + ring.length) {
                if (self != null && self.stopRequested()) {
                    throw new Operator.Stopped();
                }
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new StreamInterruptedException(name);
                }
                // The timeout is a safety net and the stall check's clock: readers unpark us
                // when they advance.
                LockSupport.parkNanos(this, 10_000_000L);
                if (++rounds % 4 == 0 && readersStalled()) {
                    return true;
                }
                low = lowWater();
            }
            return false;
        } finally {
            blockedWriter = null;
            if (self != null) {
                self.activation().blocked(false);
            }
        }
    }

    private boolean readersStalled() {
        for (Operator op : consumers) {
            if (op.activation().stalled()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The oldest index still needed (by a reader, or as one of the last {@code retain} values): the
     * writer may overwrite only indices below it.
     */
    private long lowWater() {
        return Math.max(0, Math.min(minReaderPosition(), end - retain));
    }

    private long minReaderPosition() {
        long min = Long.MAX_VALUE;
        for (Reader<?> r : readers) {
            long p = r.pos;
            if (p < min) {
                min = p;
            }
        }
        return min;
    }

    private String laggingReaderName() {
        Reader<?> worst = null;
        for (Reader<?> r : readers) {
            if (worst == null || r.pos < worst.pos) {
                worst = r;
            }
        }
        return worst == null ? "?" : worst.owner;
    }

    void wakeWriter() {
        Thread t = blockedWriter;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    // ------------------------------------------------------------------ looking at what passed

    /** The recent values kept by this stream, oldest first (at most {@link #retain()}). */
    public List<T> values() {
        return recent(retain);
    }

    /**
     * The last {@code n} values, oldest first; fewer when fewer were appended or when {@code n}
     * exceeds {@link #retain()}. A snapshot: safe to call from any thread while the stream runs.
     */
    @SuppressWarnings("unchecked")
    public List<T> recent(int n) {
        int want = Math.max(0, Math.min(n, retain));
        if (want == 0) {
            return List.of();
        }
        for (;;) {
            long e = end;
            Object[] r = ring;
            long from = Math.max(0, e - want);
            Object[] copy = new Object[(int) (e - from)];
            for (long i = from; i < e; i++) {
                copy[(int) (i - from)] = r[(int) i & (r.length - 1)];
            }
            // The writer overwrites index i only after publishing an end beyond i + retain, so
            // indices at or above (end read now) - retain were intact while we copied.
            VarHandle.loadLoadFence();
            long safe = end - retain;
            if (from >= safe) {
                return (List<T>) List.of(copy);
            }
            if (safe < e) {
                return (List<T>) List.of(Arrays.copyOfRange(copy, (int) (safe - from), copy.length));
            }
        }
    }

    // ------------------------------------------------------------------ readers

    /**
     * A new reader positioned at the current end: it sees values appended from now on, and holds
     * them until it consumes them (so a reader that is never read blocks or fails the writer; call
     * {@link Reader#close()} when done).
     */
    public Reader<T> reader() {
        return reader("reader of " + name);
    }

    Reader<T> reader(String owner) {
        Reader<T> r = new Reader<>(this, owner);
        synchronized (this) {
            r.pos = end;
            r.startPos = r.pos;
            Reader<?>[] old = readers;
            Reader<?>[] next = Arrays.copyOf(old, old.length + 1);
            next[old.length] = r;
            readers = next;
        }
        return r;
    }

    void removeReader(Reader<?> r) {
        synchronized (this) {
            Reader<?>[] old = readers;
            List<Reader<?>> keep = new ArrayList<>(old.length);
            for (Reader<?> x : old) {
                if (x != r) {
                    keep.add(x);
                }
            }
            readers = keep.toArray(new Reader<?>[0]);
        }
        wakeWriter();
    }

    synchronized void addConsumer(Operator op) {
        Operator[] next = Arrays.copyOf(consumers, consumers.length + 1);
        next[consumers.length] = op;
        consumers = next;
    }

    synchronized void removeConsumer(Operator op) {
        List<Operator> keep = new ArrayList<>();
        for (Operator x : consumers) {
            if (x != op) {
                keep.add(x);
            }
        }
        consumers = keep.toArray(NO_OPERATORS);
    }

    /** The operators reading this stream. */
    public List<Operator> consumers() {
        return List.of(consumers);
    }

    /** The operator writing this stream, or {@code null} for an external input. */
    public Operator producer() {
        return producer;
    }

    synchronized void setProducer(Operator op) {
        if (producer != null && producer != op) {
            throw new IllegalStateException("stream " + name + " is already written by " + producer);
        }
        producer = op;
    }

    synchronized void clearProducer(Operator op) {
        if (producer == op) {
            producer = null;
        }
    }

    /** Sets what the writer does when a reader lags by {@link #capacity()}; runtimes call this. */
    public void fullPolicy(FullPolicy p) {
        policy = Objects.requireNonNull(p);
    }

    /** Values published but not yet consumed by the slowest reader (0 without readers). */
    public long backlog() {
        long min = minReaderPosition();
        return min == Long.MAX_VALUE ? 0 : Math.max(0, end - min);
    }

    // ------------------------------------------------------------------ fluent operators

    /** {@code out[i] = f(in[i])}; a {@code null} result skips the value (IoTpy's {@code _no_value}). */
    public <R> IotStream<R> map(Function<? super T, ? extends R> f) {
        return Operators.map(this, f);
    }

    /**
     * Map with state: {@code f(value, state)} returns the output and the next state.
     *
     * @see Next
     */
    public <R, S> IotStream<R> map(S initialState, BiFunction<? super T, S, Next<R, S>> f) {
        return Operators.map(this, initialState, f);
    }

    /** Keeps the values for which {@code p} holds. */
    public IotStream<T> filter(Predicate<? super T> p) {
        return Operators.filter(this, p);
    }

    /** Each value becomes zero or more values, in order. */
    public <R> IotStream<R> flatMap(Function<? super T, ? extends Iterable<? extends R>> f) {
        return Operators.flatMap(this, f);
    }

    /** Count windows: {@code f} of each window of {@code size} values, moving by {@code step}. */
    public <R> IotStream<R> window(int size, int step, Function<? super List<T>, ? extends R> f) {
        return Operators.window(this, size, step, f);
    }

    /** Count windows as lists. */
    public IotStream<List<T>> window(int size, int step) {
        return Operators.window(this, size, step, w -> w);
    }

    /**
     * Dynamic windows: from {@code min} values growing by {@code step} (start fixed) up to
     * {@code max}, then sliding by {@code step}; {@link WindowState#reset()} shrinks the window to
     * {@code min} keeping its end.
     */
    public <R> IotStream<R> dynamicWindow(int min, int max, int step, WindowFunction<T, R> f) {
        return Operators.dynamicWindow(this, min, max, step, f);
    }

    /**
     * Timed windows over {@code (timestamp, value)} pairs: each window {@code [start, start +
     * duration)} with values becomes {@code (start + duration, [values])}; windows move by
     * {@code step}; empty windows give nothing.
     */
    public IotStream<Tuple> timedWindow(double duration, double step) {
        return Operators.timedWindow(this, duration, step, w -> w);
    }

    /** Timed windows with a function of each window's values: {@code (end, f(values))}. */
    public IotStream<Tuple> timedWindow(double duration, double step, Function<? super List<Object>, ?> f) {
        return Operators.timedWindow(this, duration, step, f);
    }

    /** Calls {@code f} for every value. */
    public void sink(Consumer<? super T> f) {
        Operators.sink(this, f);
    }

    /** Collects every value from now on into a list (thread-safe to read; grows with the stream). */
    public List<T> toList() {
        return Operators.toList(this);
    }

    /** Writes every value, one per line ({@code toString}), to a file; flushed per batch. */
    public void toFile(Path file) {
        Operators.toFile(this, file);
    }

    @Override
    public String toString() {
        return "IotStream " + name + " (" + count() + " values)";
    }

    // ------------------------------------------------------------------ reader

    /**
     * A position in a stream. Values from the position onwards stay in the stream until this reader
     * consumes them. Used by one thread at a time.
     *
     * @param <T> the type of values
     */
    public static final class Reader<T> {
        private final IotStream<T> stream;
        final String owner;
        volatile long pos;
        long startPos;
        private Object[] arr;
        private long base;
        private boolean closed;

        Reader(IotStream<T> stream, String owner) {
            this.stream = stream;
            this.owner = owner;
        }

        /** The stream read. */
        public IotStream<T> stream() {
            return stream;
        }

        /** Values published and not yet consumed by this reader. */
        public long available() {
            return stream.end - pos;
        }

        /** Values this reader has consumed since it was created. */
        public long consumed() {
            return pos - startPos;
        }

        /**
         * Makes up to {@code max} values available to {@link #get(int)} and returns how many;
         * {@link #advance(int)} consumes them.
         */
        public int acquire(int max) {
            long n = stream.end - pos;
            if (n <= 0) {
                return 0;
            }
            arr = stream.ring;
            base = pos;
            return (int) Math.min(n, max);
        }

        /** The {@code i}-th value made available by the last {@link #acquire(int)}. */
        @SuppressWarnings("unchecked")
        public T get(int i) {
            Object[] a = arr;
            return (T) a[(int) (base + i) & (a.length - 1)];
        }

        /** Consumes {@code n} values, letting the writer reuse their room. */
        public void advance(int n) {
            pos += n;
            stream.wakeWriter();
        }

        /** Consumes and returns all available values (a convenience for plain Java). */
        public List<T> poll() {
            int n = acquire(Integer.MAX_VALUE);
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(get(i));
            }
            advance(n);
            return out;
        }

        /** Stops holding values for this reader. */
        public void close() {
            if (!closed) {
                closed = true;
                stream.removeReader(this);
            }
        }
    }
}
