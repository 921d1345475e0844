package io.iotj.sensors;

import io.iotj.stream.Event;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Generates a fleet's readings in the order they are taken, and hands them out in the order they
 * arrive: a reading whose arrival lags waits in a queue ordered by arrival time. The queue holds
 * at most the readings taken within the longest lag, so it stays bounded.
 */
final class FleetModel {
    /** A reading taken and not handed out yet. */
    record Pending(long arrival, long seq, Event<Double> event, boolean anomaly) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int c = Long.compare(arrival, o.arrival);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private static final double WAVE_SECONDS = 600;

    private final SensorFleet fleet;
    private final long startMillis;
    private final int n;
    private final long periodMicros;
    private final SplittableRandom random;
    private final double[] base;
    private final double[] phase;
    private final double[] driftFactor;
    private final long[] outagePhase;
    private final String[] names;
    private final PriorityQueue<Pending> arriving = new PriorityQueue<>();
    private long seq;

    FleetModel(SensorFleet fleet, long startMillis) {
        this.fleet = fleet;
        this.startMillis = startMillis;
        this.n = fleet.devices();
        this.periodMicros = fleet.periodMicros();
        SplittableRandom devices = new SplittableRandom(fleet.seed() * 0x9E3779B97F4A7C15L + 1);
        this.random = new SplittableRandom(fleet.seed());
        base = new double[n];
        phase = new double[n];
        driftFactor = new double[n];
        outagePhase = new long[n];
        names = new String[n];
        for (int i = 0; i < n; i++) {
            base[i] = 18 + 6 * devices.nextDouble();
            phase[i] = devices.nextDouble();
            driftFactor[i] = 0.5 + devices.nextDouble();
            outagePhase[i] = fleet.outageEveryMillis() > 0 ? devices.nextLong(fleet.outageEveryMillis()) : 0;
            names[i] = fleet.device(i);
        }
    }

    /** Event time (ms since the start, in µs) of the reading number {@code k}. */
    private long offsetMicros(long k) {
        long tick = k / n;
        int device = (int) (k % n);
        return tick * periodMicros + device * periodMicros / n;
    }

    private void take() {
        long k = seq++;
        int d = (int) (k % n);
        long tMicros = offsetMicros(k);
        long time = startMillis + tMicros / 1000;
        double seconds = tMicros / 1e6;
        double v = base[d] + 2 * Math.sin(2 * Math.PI * (seconds / WAVE_SECONDS + phase[d]))
                + fleet.driftPerHour() * driftFactor[d] * seconds / 3600
                + fleet.noiseSd() * random.nextGaussian();
        boolean anomaly = fleet.anomalyShare() > 0 && random.nextDouble() < fleet.anomalyShare();
        if (anomaly) {
            double size = Math.max(5, (6 + 4 * random.nextDouble()) * fleet.noiseSd());
            v += random.nextBoolean() ? size : -size;
        }
        long arrival = time;
        if (fleet.disorderMillis() > 0) {
            arrival += random.nextLong(fleet.disorderMillis() + 1);
        }
        if (fleet.delayShare() > 0 && random.nextDouble() < fleet.delayShare()) {
            arrival += random.nextLong(fleet.maxDelayMillis() + 1);
        }
        if (fleet.outageMillis() > 0) {
            long every = fleet.outageEveryMillis();
            long pos = Math.floorMod(time - startMillis + outagePhase[d], every);
            if (pos < fleet.outageMillis()) {
                arrival = Math.max(arrival, time + fleet.outageMillis() - pos);
            }
        }
        // Rounded to 0.001 degrees, as a sensor reports.
        double reading = Math.round(v * 1000) / 1000.0;
        arriving.add(new Pending(arrival, k, new Event<>(names[d], time, arrival, reading), anomaly));
    }

    /** Takes readings until the earliest arrival queued cannot be overtaken by a reading not yet taken. */
    private Pending head() {
        while (arriving.isEmpty() || startMillis + offsetMicros(seq) / 1000 <= arriving.peek().arrival()) {
            take();
        }
        return arriving.peek();
    }

    long peekArrival() {
        return head().arrival();
    }

    Pending next() {
        head();
        return arriving.poll();
    }

    int inFlight() {
        return arriving.size();
    }
}
