package io.iotj.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.stream.Event;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulated fleet in virtual time: what tests and notebooks rely on. */
class SensorFleetTest {
    private static final long T0 = 1_700_000_000_000L;

    @Test
    void theSameSeedGivesTheSameReadingsAndAnotherSeedOthers() {
        SensorFleet f = SensorFleet.of(5).rate(2).noise(0.5).anomalies(0.05).disorder(Duration.ofSeconds(1)).seed(11);
        assertEquals(f.take(500, T0), f.take(500, T0));
        assertNotEquals(f.take(500, T0), f.seed(12).take(500, T0));
    }

    @Test
    void withoutLagReadingsComeInTimeOrderEvenlySpreadOverTheDevices() {
        SensorFleet f = SensorFleet.of(4).rate(10);
        List<Event<Double>> r = f.take(400, T0);
        Map<String, Integer> perDevice = new HashMap<>();
        for (int i = 0; i < r.size(); i++) {
            Event<Double> e = r.get(i);
            assertEquals(e.time(), e.arrival());
            if (i > 0) {
                assertTrue(e.time() >= r.get(i - 1).time());
            }
            perDevice.merge(e.key(), 1, Integer::sum);
            assertTrue(e.value() > 10 && e.value() < 35, "a plausible temperature: " + e);
        }
        assertEquals(Map.of("d0", 100, "d1", 100, "d2", 100, "d3", 100), perDevice);
        // 10 readings a second per device: the 400 readings span 10 s.
        assertEquals(T0 + 9_975, r.getLast().time());
    }

    @Test
    void disorderMakesReadingsOvertakeEachOtherWithinTheBound() {
        SensorFleet f = SensorFleet.of(10).rate(5).disorder(Duration.ofSeconds(3)).seed(3);
        List<Event<Double>> r = f.take(5000, T0);
        int overtaken = 0;
        long maxTimeSoFar = Long.MIN_VALUE;
        for (int i = 0; i < r.size(); i++) {
            Event<Double> e = r.get(i);
            long lag = e.arrival() - e.time();
            assertTrue(lag >= 0 && lag <= 3000, "lag within the bound: " + e);
            if (i > 0) {
                assertTrue(e.arrival() >= r.get(i - 1).arrival(), "handed out in arrival order");
            }
            if (e.time() < maxTimeSoFar) {
                overtaken++;
            }
            maxTimeSoFar = Math.max(maxTimeSoFar, e.time());
        }
        assertTrue(overtaken > 1000, "most readings are out of order with 3 s of jitter at 50/s: " + overtaken);
    }

    @Test
    void delayedReadingsArriveLateByUpToTheMaximum() {
        SensorFleet f = SensorFleet.of(10).rate(10).delays(0.1, Duration.ofSeconds(30)).seed(5);
        List<Event<Double>> r = f.take(20_000, T0);
        long late = r.stream().filter(e -> e.arrival() - e.time() > 1000).count();
        assertTrue(late > 1000 && late < 3000, "about 10 % of readings more than 1 s late: " + late);
        assertTrue(r.stream().allMatch(e -> e.arrival() - e.time() <= 30_000));
    }

    @Test
    void anOfflineDeviceSendsItsBacklogInOrderWhenItComesBack() {
        SensorFleet f = SensorFleet.of(2).rate(1).outages(Duration.ofMinutes(10), Duration.ofMinutes(2)).seed(9);
        SensorFleet.Readings it = f.readings(T0);
        Map<String, Long> lastTime = new HashMap<>();
        int backlog = 0;
        for (int i = 0; i < 2 * 1800; i++) {
            Event<Double> e = it.next();
            long prev = lastTime.getOrDefault(e.key(), Long.MIN_VALUE);
            assertTrue(e.time() > prev, "a device's readings stay in order: " + e);
            lastTime.put(e.key(), e.time());
            if (e.arrival() - e.time() >= 60_000) {
                backlog++;
            }
            assertTrue(e.arrival() - e.time() <= 120_000);
        }
        // 30 minutes: each device is offline about 3 times for 2 minutes; half its offline readings lag a minute or more.
        assertTrue(backlog > 200 && backlog < 500, "readings that waited out an outage: " + backlog);
        assertTrue(it.inFlight() <= 2 * 121, "only an outage's readings are held back: " + it.inFlight());
    }

    @Test
    void anomaliesAreRareLargeAndTold() {
        SensorFleet f = SensorFleet.of(3).rate(10).noise(0.2).anomalies(0.01).seed(2);
        SensorFleet.Readings it = f.readings(T0);
        Map<String, Double> prev = new HashMap<>();
        int anomalies = 0;
        for (int i = 0; i < 30_000; i++) {
            Event<Double> e = it.next();
            Double p = prev.get(e.key());
            if (it.lastWasAnomaly()) {
                anomalies++;
                assertTrue(p == null || Math.abs(e.value() - p) > 3, "an anomaly stands out: " + p + " -> " + e.value());
            } else {
                prev.put(e.key(), e.value());
            }
        }
        assertTrue(anomalies > 200 && anomalies < 400, "about 1 %: " + anomalies);
    }

    @Test
    void badSettingsAreRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> SensorFleet.of(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SensorFleet.of(3).rate(-1));
        assertTrue(e.getMessage().startsWith("rate must be > 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SensorFleet.of(3).outages(Duration.ofMinutes(1), Duration.ofMinutes(2)));
    }
}
