package io.iotj.sensors;

import io.iotj.stream.Event;
import io.iotj.stream.IotStream;
import io.iotj.stream.Operator;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link SensorFleet} against the clock: each reading is written when its arrival time comes,
 * in real time ({@code speed} 1), faster ({@code speed} 10: ten simulated seconds a second), or as
 * fast as readers take them ({@code speed} 0). Injected anomalies are also written to a second
 * stream when one is given, so a notebook can compare what it flagged with the truth.
 */
final class SensorSource extends Operator {
    private final SensorFleet fleet;
    private final IotStream<Event<Double>> out;
    private final IotStream<Event<Double>> anomalies;
    private final double speed;
    private final long count;
    private SensorFleet.Readings readings;
    private long startMillis;
    private long startNanos;
    private long emitted;

    SensorSource(SensorFleet fleet, IotStream<Event<Double>> out, IotStream<Event<Double>> anomalies, double speed, long count) {
        super("sensors", List.of(), outputs(out, anomalies));
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be >= 0 (0: as fast as possible), was " + speed);
        }
        this.fleet = fleet;
        this.out = out;
        this.anomalies = anomalies;
        this.speed = speed;
        this.count = count;
    }

    private static List<IotStream<?>> outputs(IotStream<?> out, IotStream<?> anomalies) {
        List<IotStream<?>> l = new ArrayList<>();
        l.add(out);
        if (anomalies != null) {
            l.add(anomalies);
        }
        return l;
    }

    @Override
    public void open() {
        startMillis = System.currentTimeMillis();
        startNanos = System.nanoTime();
        readings = fleet.readings(startMillis);
    }

    @Override
    public boolean isSource() {
        return true;
    }

    private boolean done() {
        return count >= 0 && emitted >= count;
    }

    /** Virtual time now, in milliseconds since the epoch. */
    private long virtualNow(long nanos) {
        return startMillis + (long) ((nanos - startNanos) * speed / 1e6);
    }

    @Override
    public long nextDueNanos() {
        if (readings == null) {
            return Long.MIN_VALUE;
        }
        if (done()) {
            return Long.MAX_VALUE;
        }
        if (speed == 0) {
            return Long.MIN_VALUE;
        }
        long due = startNanos + (long) ((readings.nextArrival() - startMillis) * 1e6 / speed);
        return due - System.nanoTime() <= 0 ? Long.MIN_VALUE : due;
    }

    @Override
    public int step(int max) {
        if (readings == null) {
            open();
        }
        long now = speed == 0 ? Long.MAX_VALUE : virtualNow(System.nanoTime());
        int n = 0;
        boolean anomaly = false;
        while (n < max && !done() && readings.nextArrival() <= now) {
            Event<Double> e = readings.next();
            emit(out, e);
            if (anomalies != null && readings.lastWasAnomaly()) {
                emit(anomalies, e);
                anomaly = true;
            }
            emitted++;
            n++;
        }
        flush(out);
        if (anomaly) {
            flush(anomalies);
        }
        return n;
    }
}
