package io.iotj.magics.chart;

import io.iotj.display.MimeBundle;
import io.iotj.stream.Event;
import org.knowm.xchart.XYChart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * An XChart chart of stream values that redraws itself in place in the notebook while values
 * arrive, with the live tables' rules: at most four updates a second, nothing sent while nothing
 * changed, a final update when it {@linkplain #finish() finishes} (or the graph it follows stops
 * or fails). Each series keeps its last {@code maxPoints} points only, so a chart fed for hours
 * uses the same memory as one fed for a minute.
 *
 * <pre>{@code
 * LiveChart c = lineChart("prediction against actual", 300, "actual", "predicted").show();
 * c.add(12.5, 12.1);     // one value per series; NaN leaves a gap
 * c.finish();            // the final update
 * }</pre>
 *
 * Three kinds: {@linkplain Kind#LINE line} (values against their position), {@linkplain
 * Kind#SCATTER scatter} (points, optionally by cluster, with centroids drawn as large markers) and
 * {@linkplain Kind#ANOMALY anomaly} (values and their anomaly score, flagged values marked red).
 * PNG by default, SVG with {@link #format(Format)}. All methods may be called from any thread.
 *
 * <p>What a reader sees: axis titles ({@link #xTitle}, {@link #yTitle}, or defaults such as
 * "reading #" and the series' names); tick labels at round steps, as short as the step allows;
 * times as clock times or m:ss ({@link #xAxis}, and for {@link Event}s by themselves); line series
 * of different scales in panels of their own over one x axis ({@link #splitScales}); anomaly
 * charts with the readings above and their scores below.
 */
public final class LiveChart {
    /** What the chart draws. */
    public enum Kind {
        /** Values against their position in the stream, one line per series. */
        LINE,
        /** Points (x, y), coloured by cluster when given one, and centroids. */
        SCATTER,
        /** Values with their anomaly score; values whose score reaches the threshold are flagged. */
        ANOMALY;

        /** The kind called {@code word} (line, scatter, anomaly), ignoring case. */
        public static Kind of(String word) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(word)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown chart kind \"" + word + "\"; the kinds are line, scatter and anomaly");
        }
    }

    /** The image format of the display. */
    public enum Format {
        PNG, SVG;

        /** The format called {@code word} (png, svg), ignoring case. */
        public static Format of(String word) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(word)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown chart format \"" + word + "\"; the formats are png and svg");
        }
    }

    /** How the x axis reads its values. */
    public enum XAxis {
        /** Numbers: positions in the stream (reading #) unless values say otherwise. */
        NUMBER,
        /** Seconds since a start, drawn as m:ss (h:mm:ss from an hour, hours from a day). */
        SECONDS,
        /** Milliseconds since the epoch, drawn as clock times in the machine's time zone. */
        TIME;

        /** The axis called {@code word} (number, seconds, time), ignoring case. */
        public static XAxis of(String word) {
            for (XAxis a : values()) {
                if (a.name().equalsIgnoreCase(word)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown x axis \"" + word + "\"; the x axes are number, seconds and time");
        }
    }

    /** Points kept per series unless told otherwise. */
    public static final int DEFAULT_MAX_POINTS = 500;
    /** Most series (clusters) one chart draws; more would be unreadable and unbounded. */
    public static final int MAX_SERIES = 24;

    /** The display metadata key of a chart's description (see {@link #display()}). */
    public static final String DESCRIPTION = "iotj/chart";

    static final String VALUE = "value";
    static final String SCORE = "score";
    static final String FLAGGED = "flagged";
    static final String POINTS = "points";

    private final Kind kind;
    private final String title;
    private final int maxPoints;
    private final List<String> names;
    private final Map<String, SeriesBuffer> series = new LinkedHashMap<>();
    private volatile Format format = Format.PNG;
    private volatile int width = 720;
    private volatile int height;
    private volatile String xTitle;
    private volatile String yTitle;
    private volatile XAxis xAxis;
    private volatile boolean split = true;
    private volatile double threshold = Double.NaN;
    private double[][] centroids;
    private long nextX;
    private long version;
    private volatile boolean finished;
    private volatile String displayId;

    /**
     * A chart of {@code kind} keeping {@code maxPoints} points per series.
     *
     * @param names the line series' names, in the order {@link #add(double...)} takes values;
     *              empty: named v0, v1, … as values arrive
     */
    public LiveChart(Kind kind, String title, int maxPoints, String... names) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("a chart keeps at least 2 points per series, got " + maxPoints);
        }
        this.kind = kind;
        this.title = title == null ? "" : title;
        this.maxPoints = maxPoints;
        this.names = List.of(names);
        // Readings and their scores are two panels: give them the room of one and a half.
        this.height = kind == Kind.ANOMALY ? 420 : 320;
    }

    /** The x axis' title; by default "reading #" for positions, "time" for times, "x" for scatters. */
    public LiveChart xTitle(String title) {
        this.xTitle = title;
        bump();
        return this;
    }

    /**
     * The y axis' title (of the readings' panel for anomaly charts); by default the series' names,
     * "reading" for anomaly charts, "y" for scatters.
     */
    public LiveChart yTitle(String title) {
        this.yTitle = title;
        bump();
        return this;
    }

    /**
     * How x values read: numbers, seconds since a start, or clock times (epoch milliseconds).
     * Stream values that are {@link Event}s are placed at their event time on a time axis unless
     * told otherwise; on a seconds axis, at their event time in seconds (events of a simulation
     * whose clock starts at 0 are drawn from 0:00).
     */
    public LiveChart xAxis(XAxis axis) {
        this.xAxis = axis;
        bump();
        return this;
    }

    /**
     * Line charts: whether series of different scales get a panel each (yes unless told), so that
     * the smaller is not drawn flat; {@code false} draws every series against one y axis.
     */
    public LiveChart splitScales(boolean split) {
        this.split = split;
        bump();
        return this;
    }

    /** The image format (PNG unless told). */
    public LiveChart format(Format f) {
        this.format = f;
        bump();
        return this;
    }

    /**
     * The image size in pixels (720 × 320 unless told, 720 × 420 for anomaly charts); a line chart
     * whose series need more than one panel grows by 60 % of the height for each further panel.
     */
    public LiveChart size(int width, int height) {
        if (width < 100 || height < 80) {
            throw new IllegalArgumentException("a chart is at least 100 × 80 pixels, got " + width + " × " + height);
        }
        this.width = width;
        this.height = height;
        bump();
        return this;
    }

    /** Anomaly charts: the score from which a value is flagged (when a value does not say itself). */
    public LiveChart threshold(double t) {
        this.threshold = t;
        bump();
        return this;
    }

    /**
     * Line charts: the next values, one per series, at the next position. {@code NaN} leaves that
     * series without a point there (a prediction not made yet).
     */
    public synchronized LiveChart add(double... ys) {
        addAt(nextX, ys);
        return this;
    }

    /** Line charts: values at position {@code x}; later calls continue from {@code x + 1}. */
    public synchronized LiveChart addAt(double x, double... ys) {
        for (int i = 0; i < ys.length; i++) {
            if (!Double.isNaN(ys[i])) {
                buffer(i < names.size() ? names.get(i) : "v" + i).add(x, ys[i]);
            }
        }
        nextX = (long) Math.floor(x) + 1;
        version++;
        return this;
    }

    /** Scatter charts: a point without a cluster. */
    public synchronized LiveChart point(double x, double y) {
        buffer(POINTS).add(x, y);
        version++;
        return this;
    }

    /** Scatter charts: a point of cluster {@code cluster} (each cluster its own colour). */
    public synchronized LiveChart point(double x, double y, int cluster) {
        buffer("cluster " + cluster).add(x, y);
        version++;
        return this;
    }

    /** Scatter charts: the current centroids (rows of at least two coordinates), replacing the last ones. */
    public synchronized LiveChart centroids(double[][] c) {
        double[][] copy = new double[c.length][];
        for (int i = 0; i < c.length; i++) {
            if (c[i].length < 2) {
                throw new IllegalArgumentException("centroid " + i + " has " + c[i].length + " coordinates; a scatter chart needs 2");
            }
            copy[i] = new double[] {c[i][0], c[i][1]};
        }
        centroids = copy;
        version++;
        return this;
    }

    /** Anomaly charts: the next value and its score, flagged when the score reaches the threshold. */
    public synchronized LiveChart score(double value, double score) {
        return score(value, score, !Double.isNaN(threshold) && score >= threshold);
    }

    /** Anomaly charts: the next value, its score, and whether it is flagged. */
    public synchronized LiveChart score(double value, double score, boolean flagged) {
        return scoreAt(nextX, value, score, flagged);
    }

    /**
     * Anomaly charts: a value at position {@code x} (a time, say), its score ({@code NaN}: none
     * yet) and whether it is flagged; later {@link #score} calls continue from {@code x + 1}.
     */
    public synchronized LiveChart scoreAt(double x, double value, double score, boolean flagged) {
        nextX = (long) Math.floor(x) + 1;
        buffer(VALUE).add(x, value);
        if (!Double.isNaN(score)) {
            buffer(SCORE).add(x, score);
        }
        if (flagged) {
            buffer(FLAGGED).add(x, value);
        }
        version++;
        return this;
    }

    /**
     * Adds one stream value, read according to the kind: line charts take a number or a tuple of
     * numbers (one per series; {@code null} leaves a gap); scatter charts a tuple (x, y) or
     * (x, y, cluster), or centroids (a {@code Centroids} model or a {@code double[][]});
     * anomaly charts a tuple (value, score) or (value, score, flagged).
     *
     * @throws IllegalArgumentException naming the value when it does not fit the kind
     */
    public void accept(Object value) {
        if (value instanceof Event<?> e) {
            acceptEvent(e);
            return;
        }
        switch (kind) {
            case LINE -> {
                if (value instanceof Number n) {
                    add(n.doubleValue());
                } else {
                    add(numbers(value, 1, names.isEmpty() ? MAX_SERIES : names.size()));
                }
            }
            case SCATTER -> {
                double[][] c = ChartValues.centroids(value);
                if (c != null) {
                    centroids(c);
                    return;
                }
                double[] p = numbers(value, 2, 3);
                if (p.length == 3) {
                    point(p[0], p[1], (int) p[2]);
                } else {
                    point(p[0], p[1]);
                }
            }
            case ANOMALY -> {
                List<?> items = items(value);
                if (items.size() == 3 && items.get(2) instanceof Boolean b) {
                    double[] p = numbers(items.subList(0, 2), 2, 2);
                    score(p[0], p[1], b);
                } else {
                    double[] p = numbers(value, 2, 3);
                    if (p.length == 3) {
                        score(p[0], p[1], p[2] != 0);
                    } else {
                        score(p[0], p[1]);
                    }
                }
            }
        }
    }

    /**
     * An event: its payload read as {@link #accept(Object)} reads values, at its event time (line
     * and anomaly charts; scatter charts take the payload alone). A number from a keyed event of a
     * line chart without named series goes to the series named by its key: one line per device.
     */
    private void acceptEvent(Event<?> e) {
        Object v = e.value();
        if (v instanceof Event<?>) {
            throw new IllegalArgumentException(describeExpected() + ", got an event of an event");
        }
        if (kind == Kind.SCATTER) {
            accept(v);
            return;
        }
        synchronized (this) {
            if (xAxis == null) {
                xAxis = XAxis.TIME;
            }
        }
        // Event times are milliseconds; a seconds axis counts them from the epoch of the events'
        // own clock (a simulation's start at 0, say).
        double t = xAxis == XAxis.SECONDS ? e.time() / 1000.0 : e.time();
        if (kind == Kind.LINE) {
            if (v instanceof Number n && names.isEmpty() && e.key() != null) {
                synchronized (this) {
                    buffer(e.key()).add(t, n.doubleValue());
                    version++;
                }
            } else if (v instanceof Number n) {
                addAt(t, n.doubleValue());
            } else {
                addAt(t, numbers(v, 1, names.isEmpty() ? MAX_SERIES : names.size()));
            }
            return;
        }
        List<?> items = items(v);
        if (items.size() == 3 && items.get(2) instanceof Boolean b) {
            double[] p = numbers(items.subList(0, 2), 2, 2);
            scoreAt(t, p[0], p[1], b);
        } else {
            double[] p = numbers(v, 2, 3);
            scoreAt(t, p[0], p[1], p.length == 3 ? p[2] != 0 : !Double.isNaN(threshold) && p[1] >= threshold);
        }
    }

    private List<?> items(Object value) {
        List<?> items = ChartValues.items(value);
        if (items == null) {
            throw new IllegalArgumentException(describeExpected() + ", got " + ChartValues.describe(value));
        }
        return items;
    }

    private double[] numbers(Object value, int min, int max) {
        List<?> items = items(value);
        if (items.size() < min || items.size() > max) {
            throw new IllegalArgumentException(describeExpected() + ", got " + ChartValues.describe(value));
        }
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            Object o = items.get(i);
            if (o == null) {
                out[i] = Double.NaN;
            } else if (o instanceof Number n) {
                out[i] = n.doubleValue();
            } else {
                throw new IllegalArgumentException(describeExpected() + ", got " + ChartValues.describe(value)
                        + " (item " + i + " is not a number)");
            }
        }
        return out;
    }

    private String describeExpected() {
        return switch (kind) {
            case LINE -> "a line chart takes a number or a tuple of up to "
                    + (names.isEmpty() ? MAX_SERIES : names.size()) + " numbers";
            case SCATTER -> "a scatter chart takes (x, y), (x, y, cluster) or centroids";
            case ANOMALY -> "an anomaly chart takes (value, score) or (value, score, flagged)";
        };
    }

    /**
     * Removes every point and the centroids (the series stay, empty): for a chart that shows one
     * window at a time, redrawn from scratch.
     */
    public synchronized LiveChart clear() {
        series.values().forEach(SeriesBuffer::clear);
        centroids = null;
        version++;
        return this;
    }

    private SeriesBuffer buffer(String name) {
        SeriesBuffer b = series.get(name);
        if (b == null) {
            if (series.size() >= MAX_SERIES) {
                throw new IllegalArgumentException("a chart draws at most " + MAX_SERIES + " series; "
                        + name + " would be one more (" + String.join(", ", series.keySet()) + ")");
            }
            b = new SeriesBuffer(maxPoints);
            series.put(name, b);
        }
        return b;
    }

    private synchronized void bump() {
        version++;
    }

    /** Shows the chart below the current cell; it updates itself until {@link #finish()}. */
    public LiveChart show() {
        return showUntil(() -> false);
    }

    /**
     * Shows the chart below the current cell; it updates itself until {@link #finish()} or until
     * {@code done} holds (a graph that stopped), then sends its final state.
     */
    public LiveChart showUntil(BooleanSupplier done) {
        synchronized (this) {
            if (displayId != null) {
                throw new IllegalStateException("this chart is already shown (display " + displayId + ")");
            }
            displayId = "";
        }
        displayId = LiveDisplay.show(this::display, this::version, () -> finished || done.getAsBoolean());
        return this;
    }

    /** No more values: the display gets its final update and is no longer watched. */
    public void finish() {
        finished = true;
    }

    /** True once {@link #finish()} was called. */
    public boolean finished() {
        return finished;
    }

    /** The display id once shown, else null. */
    public String displayId() {
        String id = displayId;
        return id == null || id.isEmpty() ? null : id;
    }

    /** A number that changes whenever the chart's content changes. */
    public synchronized long version() {
        return version;
    }

    /** What the chart draws. */
    public Kind kind() {
        return kind;
    }

    /** The series' names, in drawing order. */
    public synchronized List<String> seriesNames() {
        return new ArrayList<>(series.keySet());
    }

    /** The points {@code name} keeps now (at most the chart's maximum). */
    public synchronized int points(String name) {
        SeriesBuffer b = series.get(name);
        return b == null ? 0 : b.size();
    }

    /** The most points each series keeps. */
    public int maxPoints() {
        return maxPoints;
    }

    /**
     * The chart as it is now, as an XChart chart (a copy: later values do not change it): the top
     * panel when the chart has several (see {@link #panels()}).
     */
    public XYChart chart() {
        return panels().get(0);
    }

    /**
     * The chart's panels as they are now, top first: one unless line series of different scales
     * each got one, two for anomaly charts (readings above, scores below).
     */
    public List<XYChart> panels() {
        return drawing().charts();
    }

    private ChartPanels drawing() {
        // Drawing happens outside the lock, so the graph never waits for a PNG.
        return ChartBuilder.build(snapshot());
    }

    /** A copy of what the chart holds now. */
    ChartSnapshot snapshot() {
        synchronized (this) {
            List<ChartSnapshot.Series> copy = new ArrayList<>();
            for (Map.Entry<String, SeriesBuffer> e : series.entrySet()) {
                copy.add(new ChartSnapshot.Series(e.getKey(), e.getValue().xs(), e.getValue().ys()));
            }
            if (kind == Kind.SCATTER) {
                // Clusters in the legend by number, whatever order they first appeared in.
                copy.sort(java.util.Comparator.comparingInt((ChartSnapshot.Series x) -> x.name().length())
                        .thenComparing(ChartSnapshot.Series::name));
            }
            return new ChartSnapshot(kind, title, width, height, copy, centroids, threshold, xTitle, yTitle,
                    xAxis == null ? XAxis.NUMBER : xAxis, split);
        }
    }

    /** The chart now as PNG file bytes. */
    public byte[] png() {
        return drawing().png();
    }

    /** The chart now as an SVG document. */
    public String svg() {
        return drawing().svg();
    }

    /**
     * The chart now in its format, with a line of text for frontends without images, and under the
     * metadata key {@value #DESCRIPTION} what it shows: titles, tick labels and series of each panel.
     */
    public MimeBundle display() {
        ChartPanels p = drawing();
        MimeBundle d = new MimeBundle();
        if (format == Format.SVG) {
            d.put(MimeBundle.SVG, p.svg());
        } else {
            d.put(MimeBundle.PNG, java.util.Base64.getEncoder().encodeToString(p.png()));
        }
        d.put(MimeBundle.TEXT, text());
        d.putMetadata(DESCRIPTION, p.description());
        return d;
    }

    /** One line: the title and how many points each series has. */
    public synchronized String text() {
        StringBuilder sb = new StringBuilder(title.isEmpty() ? kind.name().toLowerCase(Locale.ROOT) + " chart" : title);
        sb.append(':');
        if (series.isEmpty()) {
            sb.append(" no values yet");
        }
        for (Map.Entry<String, SeriesBuffer> e : series.entrySet()) {
            sb.append(' ').append(e.getKey()).append(' ').append(e.getValue().size());
        }
        if (centroids != null) {
            sb.append(", ").append(centroids.length).append(" centroids");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "LiveChart[" + text() + "]";
    }
}
