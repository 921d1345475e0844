package io.iotj.store;

import io.iotj.connect.Backoff;
import io.iotj.stream.ConnectorStats;
import io.iotj.stream.IotStream;
import io.iotj.stream.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a stream into a table, a batch per step (what has arrived, up to the batch size). When the
 * database goes away the batch is kept and written again once it is back (the part waits, so the
 * graph slows rather than losing values); a value that does not fit the table is counted as
 * failed, with the reason, and the others go on.
 */
final class StoreSink extends Operator implements ConnectorStats {
    private final StoreAddress address;
    private final String table;
    private final int batch;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile Link link = Link.CONNECTING;
    private volatile String lastError;
    private Store store;
    private final Backoff backoff = new Backoff(100, 5000);

    StoreSink(IotStream<?> in, StoreAddress address, String table, int batch) {
        super("store", List.of(in), List.of());
        this.address = address;
        this.table = table;
        this.batch = batch;
    }

    @Override
    public void open() {
        store = Store.open(address);
        link = Link.CONNECTED;
    }

    @Override
    public int step(int max) {
        IotStream.Reader<Object> r = reader(0);
        int n = r.acquire(batch);
        if (n == 0) {
            return 0;
        }
        List<Object> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(r.get(i));
        }
        for (;;) {
            try {
                if (store == null) {
                    store = Store.open(address);
                    link = Link.CONNECTED;
                    backoff.reset();
                }
                int ok = store.write(table, values, (i, why) -> {
                    failed.incrementAndGet();
                    lastError = "value " + values.get(i) + " not stored: " + why;
                });
                written.addAndGet(ok);
                break;
            } catch (StoreException e) {
                lastError = e.getMessage();
                if (store != null && store.isValid(2)) {
                    // The database answers but refused the batch (a constraint, a full disk): the
                    // values are counted as failed rather than retried for ever.
                    failed.addAndGet(values.size());
                    break;
                }
                link = Link.RECONNECTING;
                if (store != null) {
                    store.close();
                    store = null;
                }
                backoff.pause();
            }
        }
        r.advance(n);
        return n;
    }

    @Override
    public void close() {
        link = Link.CLOSED;
        if (store != null) {
            store.close();
            store = null;
        }
    }

    @Override
    public Counts connectorCounts() {
        return new Counts(address.display() + " table " + table, link, valuesIn(), 0, 0, written.get(), failed.get(), lastError);
    }
}
