package io.iotj.ml.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Makes {@code notebooks/data/meetup_rsvps.csv}: synthetic meetup RSVPs in the spirit of IoTpy's
 * meetup example (which read Meetup.com's live feed, gone since), so the k-means notebook needs no
 * download. Each row is {@code seconds,lat,lon}: an RSVP near one of five US cities, over one day.
 * Each city is busiest in its own evening, so the clusters' sizes rise and fall as the day moves
 * west, and each city's RSVPs drift slowly outwards from its centre over the day.
 *
 * <p>Run from the repository root to rewrite the file (a test checks the shipped file equals it):
 * <pre>
 * JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -B -q -o -pl streamlib test-compile exec:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=io.iotj.ml.data.MeetupRsvps -Dexec.args=notebooks/data/meetup_rsvps.csv
 * </pre>
 */
public final class MeetupRsvps {

    /** City, latitude, longitude, UTC offset in hours. */
    static final Object[][] CITIES = {
        {"New York", 40.71, -74.01, -5},
        {"Chicago", 41.88, -87.63, -6},
        {"Austin", 30.27, -97.74, -6},
        {"San Francisco", 37.77, -122.42, -8},
        {"Seattle", 47.61, -122.33, -8},
    };
    static final int ROWS = 4000;

    private MeetupRsvps() {
    }

    /** The file's text; the same every time. */
    public static String csv() {
        Random r = new Random(2016);
        StringBuilder sb = new StringBuilder("seconds,lat,lon\n");
        double day = 86_400;
        for (int i = 0; i < ROWS; i++) {
            double seconds = day * i / ROWS;
            double hourUtc = seconds / 3600;
            // Pick a city with weight peaking at 19:00 local time.
            double[] w = new double[CITIES.length];
            double total = 0;
            for (int c = 0; c < CITIES.length; c++) {
                double local = hourUtc + ((Number) CITIES[c][3]).doubleValue();
                w[c] = 0.3 + Math.exp(Math.cos((local - 19) / 24 * 2 * Math.PI) * 2);
                total += w[c];
            }
            double pick = r.nextDouble() * total;
            int c = 0;
            while (c < CITIES.length - 1 && (pick -= w[c]) >= 0) {
                c++;
            }
            double spread = 0.6 + 0.6 * seconds / day;
            double lat = ((Number) CITIES[c][1]).doubleValue() + spread * r.nextGaussian();
            double lon = ((Number) CITIES[c][2]).doubleValue() + spread * 1.3 * r.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.0f,%.4f,%.4f%n", seconds, lat, lon));
        }
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "notebooks/data/meetup_rsvps.csv");
        Files.writeString(out, csv());
        System.out.println("wrote " + out.toAbsolutePath().normalize());
    }
}
