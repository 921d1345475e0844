package io.iotj.ml.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iotj.ml.Trainer;
import io.iotj.ml.incremental.Centroids;
import io.iotj.ml.incremental.KMeansStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeetupRsvpsTest {

    private static final Path SHIPPED = Path.of("../notebooks/data/meetup_rsvps.csv");

    @Test
    void theShippedFileIsWhatTheGeneratorMakes() throws IOException {
        assertEquals(MeetupRsvps.csv(), Files.readString(SHIPPED),
                "regenerate with the command in MeetupRsvps' Javadoc");
    }

    @Test
    void streamingKMeansFindsTheFiveCitiesInTheShippedFile() throws IOException {
        List<String> lines = Files.readAllLines(SHIPPED);
        assertEquals("seconds,lat,lon", lines.get(0));
        Trainer<Centroids> t = KMeansStream.trainer(2, 5, 400, 400, 100);
        Centroids last = null;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            for (Centroids m : t.push(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])})) {
                last = m;
            }
        }
        Set<Integer> cities = new HashSet<>();
        for (double[] c : last.centroids()) {
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < MeetupRsvps.CITIES.length; k++) {
                double dLat = c[0] - ((Number) MeetupRsvps.CITIES[k][1]).doubleValue();
                double dLon = c[1] - ((Number) MeetupRsvps.CITIES[k][2]).doubleValue();
                double d = Math.hypot(dLat, dLon);
                if (d < best) {
                    best = d;
                    nearest = k;
                }
            }
            assertTrue(best < 1.0, "centroid " + java.util.Arrays.toString(c) + " is " + best + "° from any city");
            cities.add(nearest);
        }
        assertEquals(5, cities.size(), "one centroid per city");
    }
}
