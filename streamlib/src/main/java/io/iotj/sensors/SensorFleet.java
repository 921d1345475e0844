package io.iotj.sensors;

import io.iotj.stream.Event;
import io.iotj.stream.IotStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A simulated fleet of temperature sensors, for teaching and tests: every notebook runs without
 * hardware, and a test gets the same readings for the same seed.
 *
 * <p>Device {@code i} ({@code d0}, {@code d1}, …) reads {@link #rate()} times a second, staggered
 * so the fleet's readings are spread evenly: a base level of its own, a slow daily-like wave, a
 * linear {@linkplain #drift drift}, Gaussian {@linkplain #noise noise}, and rare injected
 * {@linkplain #anomalies anomalies} (spikes of 6 to 10 times the noise, at least 5 degrees). Each
 * reading is an {@link Event} keyed by its device, with the time it was taken (event time) and
 * the time it arrives. Arrival can lag: a share of readings is {@linkplain #delays delayed} by up to
 * a maximum, every reading can be {@linkplain #disorder jittered} (so readings overtake each
 * other), and devices can go {@linkplain #outages offline} for a while and then send their backlog.
 *
 * <pre>{@code
 * SensorFleet fleet = SensorFleet.of(100).rate(2).noise(0.3).anomalies(0.001)
 *         .delays(0.05, Duration.ofSeconds(20)).disorder(Duration.ofSeconds(2)).seed(7);
 * Iterator<Event<Double>> it = fleet.readings(startMillis);   // virtual time, in arrival order
 * IotStream<Event<Double>> live = fleet.stream("sensors");    // real time, run by a runtime
 * }</pre>
 *
 * <p>Instances are immutable; each {@code with}-style method returns a changed copy.
 */
public final class SensorFleet {
    private final int devices;
    private final double rate;
    private final double noise;
    private final double drift;
    private final double anomalies;
    private final double delayShare;
    private final long maxDelayMillis;
    private final long disorderMillis;
    private final long outageEveryMillis;
    private final long outageMillis;
    private final long seed;
    private final String prefix;

    private SensorFleet(int devices, double rate, double noise, double drift, double anomalies, double delayShare,
                        long maxDelayMillis, long disorderMillis, long outageEveryMillis, long outageMillis,
                        long seed, String prefix) {
        if (devices < 1 || devices > 1_000_000) {
            throw new IllegalArgumentException("devices must be from 1 to 1000000, was " + devices);
        }
        if (!(rate > 0) || rate > 1_000_000) {
            throw new IllegalArgumentException("rate must be > 0 and at most 1000000 readings per second per device, was " + rate);
        }
        check("noise", noise, 0, 1e6);
        check("drift", drift, -1e6, 1e6);
        check("anomalies", anomalies, 0, 1);
        check("delay share", delayShare, 0, 1);
        if (maxDelayMillis < 0 || disorderMillis < 0 || outageEveryMillis < 0 || outageMillis < 0) {
            throw new IllegalArgumentException("delays, disorder and outages must be >= 0");
        }
        if (outageMillis > 0 && outageEveryMillis <= outageMillis) {
            throw new IllegalArgumentException("an outage (" + outageMillis + " ms) must be shorter than the time between outages ("
                    + outageEveryMillis + " ms)");
        }
        this.devices = devices;
        this.rate = rate;
        this.noise = noise;
        this.drift = drift;
        this.anomalies = anomalies;
        this.delayShare = delayShare;
        this.maxDelayMillis = maxDelayMillis;
        this.disorderMillis = disorderMillis;
        this.outageEveryMillis = outageEveryMillis;
        this.outageMillis = outageMillis;
        this.seed = seed;
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    private static void check(String what, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(what + " must be from " + min + " to " + max + ", was " + v);
        }
    }

    /** A fleet of {@code devices} sensors reading once a second, noise 0.2, no drift, anomalies, delays or outages. */
    public static SensorFleet of(int devices) {
        return new SensorFleet(devices, 1, 0.2, 0, 0, 0, 0, 0, 0, 0, 0, "d");
    }

    /** Readings per second of each device. */
    public SensorFleet rate(double perSecond) {
        return new SensorFleet(devices, perSecond, noise, drift, anomalies, delayShare, maxDelayMillis, disorderMillis,
                outageEveryMillis, outageMillis, seed, prefix);
    }

    /** Standard deviation of each reading's noise, in degrees. */
    public SensorFleet noise(double sd) {
        return new SensorFleet(devices, rate, sd, drift, anomalies, delayShare, maxDelayMillis, disorderMillis,
                outageEveryMillis, outageMillis, seed, prefix);
    }

    /** Drift of every device, in degrees per hour (each device drifts by this times a factor from 0.5 to 1.5). */
    public SensorFleet drift(double perHour) {
        return new SensorFleet(devices, rate, noise, perHour, anomalies, delayShare, maxDelayMillis, disorderMillis,
                outageEveryMillis, outageMillis, seed, prefix);
    }

    /** The share of readings (0 to 1) that are injected anomalies. */
    public SensorFleet anomalies(double share) {
        return new SensorFleet(devices, rate, noise, drift, share, delayShare, maxDelayMillis, disorderMillis,
                outageEveryMillis, outageMillis, seed, prefix);
    }

    /** A share of readings (0 to 1) arrives late, each by a delay drawn evenly from 0 to {@code max}. */
    public SensorFleet delays(double share, Duration max) {
        return new SensorFleet(devices, rate, noise, drift, anomalies, share, max.toMillis(), disorderMillis,
                outageEveryMillis, outageMillis, seed, prefix);
    }

    /** Every reading arrives up to {@code max} after it was taken (drawn evenly), so readings arrive out of order. */
    public SensorFleet disorder(Duration max) {
        return new SensorFleet(devices, rate, noise, drift, anomalies, delayShare, maxDelayMillis, max.toMillis(),
                outageEveryMillis, outageMillis, seed, prefix);
    }

    /**
     * Each device goes offline for {@code length} once every {@code every} (each at its own phase);
     * what it reads meanwhile arrives, in order, when it comes back.
     */
    public SensorFleet outages(Duration every, Duration length) {
        return new SensorFleet(devices, rate, noise, drift, anomalies, delayShare, maxDelayMillis, disorderMillis,
                every.toMillis(), length.toMillis(), seed, prefix);
    }

    /** The random seed: the same seed gives the same readings. */
    public SensorFleet seed(long s) {
        return new SensorFleet(devices, rate, noise, drift, anomalies, delayShare, maxDelayMillis, disorderMillis,
                outageEveryMillis, outageMillis, s, prefix);
    }

    /** The prefix of device names ({@code d} gives {@code d0}, {@code d1}, …). */
    public SensorFleet prefix(String p) {
        return new SensorFleet(devices, rate, noise, drift, anomalies, delayShare, maxDelayMillis, disorderMillis,
                outageEveryMillis, outageMillis, seed, p);
    }

    /** The number of devices. */
    public int devices() {
        return devices;
    }

    /** Readings per second of each device. */
    public double rate() {
        return rate;
    }

    /** The name of device {@code i}. */
    public String device(int i) {
        return prefix + i;
    }

    /** The names of all devices. */
    public List<String> deviceNames() {
        List<String> out = new ArrayList<>(devices);
        for (int i = 0; i < devices; i++) {
            out.add(device(i));
        }
        return out;
    }

    /**
     * The fleet's readings in virtual time, in the order they arrive: the first readings are taken
     * at {@code startMillis}. Endless; readings whose arrival lags are held back until their
     * arrival time, as a network would.
     */
    public Readings readings(long startMillis) {
        return new Readings(this, startMillis);
    }

    /** The first {@code n} readings in arrival order (see {@link #readings(long)}). */
    public List<Event<Double>> take(int n, long startMillis) {
        List<Event<Double>> out = new ArrayList<>(n);
        Readings r = readings(startMillis);
        for (int i = 0; i < n; i++) {
            out.add(r.next());
        }
        return out;
    }

    /**
     * A stream of the fleet's readings as they arrive in real time ({@code speed} 1), a multiple of
     * it, or as fast as readers take them ({@code speed} 0), starting now; at most {@code count}
     * readings (negative: endless). Run it in a graph ({@code Runtimes.threads().start(...)}).
     */
    public IotStream<Event<Double>> stream(String name, double speed, long count) {
        IotStream<Event<Double>> out = new IotStream<>(name);
        new SensorSource(this, out, null, speed, count);
        return out;
    }

    /** {@link #stream(String, double, long)} in real time, endless. */
    public IotStream<Event<Double>> stream(String name) {
        return stream(name, 1, -1);
    }

    // ------------------------------------------------------------------ the model

    long seed() {
        return seed;
    }

    long periodMicros() {
        return Math.max(1, Math.round(1e6 / rate));
    }

    double noiseSd() {
        return noise;
    }

    double driftPerHour() {
        return drift;
    }

    double anomalyShare() {
        return anomalies;
    }

    double delayShare() {
        return delayShare;
    }

    long maxDelayMillis() {
        return maxDelayMillis;
    }

    long disorderMillis() {
        return disorderMillis;
    }

    long outageEveryMillis() {
        return outageEveryMillis;
    }

    long outageMillis() {
        return outageMillis;
    }

    @Override
    public String toString() {
        return "SensorFleet[" + devices + " devices × " + rate + "/s, noise " + noise + ", drift " + drift + "/h, anomalies "
                + anomalies + ", delays " + delayShare + " up to " + maxDelayMillis + " ms, disorder " + disorderMillis
                + " ms, outages " + outageMillis + " ms every " + outageEveryMillis + " ms, seed " + seed + "]";
    }

    /** An endless iterator of readings in arrival order, in virtual time; also tells which readings are anomalies. */
    public static final class Readings implements Iterator<Event<Double>> {
        private final FleetModel model;
        private Event<Double> last;
        private boolean lastAnomaly;

        Readings(SensorFleet fleet, long startMillis) {
            this.model = new FleetModel(fleet, startMillis);
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Event<Double> next() {
            FleetModel.Pending p = model.next();
            if (p == null) {
                throw new NoSuchElementException();
            }
            last = p.event();
            lastAnomaly = p.anomaly();
            return last;
        }

        /** The arrival time of the next reading, without taking it. */
        public long nextArrival() {
            return model.peekArrival();
        }

        /** True when the reading {@link #next()} returned last was an injected anomaly. */
        public boolean lastWasAnomaly() {
            return lastAnomaly;
        }

        /** Readings taken so far whose arrival is still ahead (held back by delays and outages). */
        public int inFlight() {
            return model.inFlight();
        }
    }
}
