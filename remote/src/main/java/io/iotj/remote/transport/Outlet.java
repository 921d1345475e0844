package io.iotj.remote.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sending end of one stream: collects values into batches and publishes each batch to the
 * destination part's parameter. Longs and doubles are packed as primitives (the compact codec);
 * any other value goes through the general {@link ValueCodec}. A batch holds one kind of value, so
 * a change of kind flushes first; the values still arrive in the order they were added.
 *
 * <p>A batch is sent when it reaches {@code batchSize} values, on {@link #flush()}, and by the
 * transport's linger timer. Thread-safe; {@link #add} blocks when the publisher's confirm window is full.
 */
public final class Outlet {
    private enum Kind { NONE, LONGS, DOUBLES, OBJECTS }

    private final Publisher publisher;
    private final BatchCodec codec;
    private final String part;
    private final StreamId stream;
    private final int batchSize;
    private Kind kind = Kind.NONE;
    private long[] longs;
    private double[] doubles;
    private List<Object> objects;
    private int size;
    private long position;
    /** Values the linger timer could not send, for the adding thread to hear of at its next call. */
    private UncheckedIOException unsent;
    private final ReentrantLock lock = new ReentrantLock();

    Outlet(Publisher publisher, BatchCodec codec, String part, StreamId stream, int batchSize, long startPosition) {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize " + batchSize);
        this.publisher = publisher;
        this.codec = codec;
        this.part = part;
        this.stream = stream;
        this.batchSize = batchSize;
        this.position = startPosition;
    }

    /** The destination part. */
    public String part() {
        return part;
    }

    /** The stream these values belong to. */
    public StreamId stream() {
        return stream;
    }

    /** The position the next added value will have. */
    public long position() {
        lock.lock();
        try {
            return position + size;
        } finally {
            lock.unlock();
        }
    }

    /** Adds a long value. */
    public void addLong(long v) throws InterruptedException {
        lock.lock();
        try {
            reportUnsent();
            if (kind != Kind.LONGS) switchTo(Kind.LONGS);
            longs[size++] = v;
            if (size == batchSize) flushLocked(true);
        } finally {
            lock.unlock();
        }
    }

    /** Adds a double value. */
    public void addDouble(double v) throws InterruptedException {
        lock.lock();
        try {
            reportUnsent();
            if (kind != Kind.DOUBLES) switchTo(Kind.DOUBLES);
            doubles[size++] = v;
            if (size == batchSize) flushLocked(true);
        } finally {
            lock.unlock();
        }
    }

    /** Adds any value; {@code Long} and {@code Double} take the compact path. */
    public void add(Object v) throws InterruptedException {
        if (v instanceof Long l) {
            addLong(l);
        } else if (v instanceof Double d) {
            addDouble(d);
        } else {
            lock.lock();
            try {
                reportUnsent();
                if (kind != Kind.OBJECTS) switchTo(Kind.OBJECTS);
                objects.add(v);
                size++;
                if (size == batchSize) flushLocked(true);
            } finally {
                lock.unlock();
            }
        }
    }

    /** Publishes the values added so far, if any, waiting for room in the confirm window. */
    public void flush() throws InterruptedException {
        lock.lock();
        try {
            reportUnsent();
            flushLocked(true);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The linger timer's flush: publishes what was added unless someone is adding right now or the
     * confirm window is full (never blocks, so the shared timer thread keeps running).
     */
    boolean tryFlushIfIdle() {
        if (!lock.tryLock()) return false;
        try {
            return flushLocked(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (UncheckedIOException e) {
            // the values are out of the buffer: the adding thread hears of it at its next add or flush
            if (unsent == null) unsent = e;
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Throws (once) what the linger timer could not send. Lock held. */
    private void reportUnsent() {
        UncheckedIOException e = unsent;
        if (e != null) {
            unsent = null;
            throw e;
        }
    }

    private void switchTo(Kind k) throws InterruptedException {
        flushLocked(true);
        kind = k;
        switch (k) {
            case LONGS -> { if (longs == null) longs = new long[batchSize]; }
            case DOUBLES -> { if (doubles == null) doubles = new double[batchSize]; }
            case OBJECTS -> { if (objects == null) objects = new ArrayList<>(); }
            case NONE -> { }
        }
    }

    private boolean flushLocked(boolean block) throws InterruptedException {
        if (size == 0) return true;
        Values values = switch (kind) {
            case LONGS -> new Values.Longs(longs, size);
            case DOUBLES -> new Values.Doubles(doubles, size);
            case OBJECTS -> new Values.Objects(objects);
            case NONE -> throw new IllegalStateException("values without a kind");
        };
        Batch batch = new Batch(stream, position, values);
        byte[] body;
        try {
            body = codec.encode(batch);
        } catch (IOException e) {
            // A value that cannot travel: drop this batch's values from the buffer and say which.
            int n = size;
            objects = kind == Kind.OBJECTS ? new ArrayList<>() : objects;
            size = 0;
            throw new UncheckedIOException("cannot send " + n + " values of " + stream + " from position " + position
                    + ": " + e.getMessage(), e);
        }
        int n = size;
        if (block) {
            publisher.publish(part, body, stream, position, n);
        } else if (!publisher.tryPublish(part, body, stream, position, n)) {
            return false;
        }
        if (kind == Kind.OBJECTS) objects = new ArrayList<>();
        size = 0;
        position += n;
        return true;
    }
}
