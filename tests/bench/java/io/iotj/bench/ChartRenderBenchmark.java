package io.iotj.bench;

import io.iotj.magics.chart.Charts;
import io.iotj.magics.chart.LiveChart;

import java.util.Locale;
import java.util.Random;

/**
 * What one live-chart update costs the display thread: drawing a full line chart (two series of
 * 500 points) as PNG and as SVG, a scatter of five clusters of 400 points as PNG, and an anomaly
 * chart of 1500 readings (two panels, each drawn twice: once to measure, once to line up). A live chart
 * draws at most four times a second: at 20-40 ms per drawing (measured here) that is at most 16 % of
 * one core per chart while it changes, nothing while it does not.
 *
 * <p>Run: {@code tests/bench/run ChartRenderBenchmark --n 20} (default n = 20 drawings per case after one
 * warm-up round; prints milliseconds per drawing).
 */
public final class ChartRenderBenchmark {
    private ChartRenderBenchmark() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int n = args.length == 2 && args[0].equals("--n") ? Integer.parseInt(args[1]) : 20;
        Random r = new Random(1);
        LiveChart line = Charts.lineChart("line", 500, "actual", "predicted");
        for (int i = 0; i < 10_000; i++) {
            line.add(Math.sin(i / 10.0), Math.cos(i / 10.0));
        }
        LiveChart scatter = Charts.scatterChart("scatter", 400);
        for (int i = 0; i < 2000; i++) {
            scatter.point(r.nextDouble(), r.nextDouble(), i % 5);
        }
        LiveChart anomaly = Charts.anomalyChart("anomaly", 1500, 0.66).xAxis(LiveChart.XAxis.SECONDS);
        for (int i = 0; i < 1500; i++) {
            anomaly.scoreAt(i * 0.4, 4 + Math.sin(i / 100.0) + 0.1 * r.nextGaussian(), 0.4 + 0.2 * r.nextDouble(), i % 300 == 0);
        }
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            int bytes = 0;
            for (int i = 0; i < n; i++) {
                bytes = line.png().length;
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                line.svg();
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                scatter.png();
            }
            long t3 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                anomaly.png();
            }
            long t4 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%s: line 2x500 PNG %.1f ms (%d bytes), SVG %.1f ms; scatter 5x400 PNG %.1f ms;"
                            + " anomaly 1500 in two panels PNG %.1f ms%n",
                    round == 0 ? "warm-up" : "measured", (t1 - t0) / 1e6 / n, bytes, (t2 - t1) / 1e6 / n,
                    (t3 - t2) / 1e6 / n, (t4 - t3) / 1e6 / n);
        }
    }
}
