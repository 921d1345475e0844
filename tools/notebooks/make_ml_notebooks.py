"""Writes the machine-learning notebooks 04-linear-regression, 05-kmeans-clusters and
06-anomaly-detection (kept as this script so their text is easy to review):
    /usr/bin/python3 tools/notebooks/make_ml_notebooks.py
"""
from cells import code, md, write

IOTPY = ("[IoTpy](https://github.com/AssembleSoftware/IoTPy) is a Python framework for streaming "
         "applications, described in Rahul Bachal's thesis *IoTpy: A Versatile Framework for Streaming "
         "Applications*; iotj runs its templates in Java.")

REGRESSION = [
    md(f"""
# Streaming linear regression

{IOTPY} Its first machine-learning example: a `train` part fits a model to each window of a
stream, and a `predict` part applies the newest model to every new reading. Here the data come from
a simulated sensor whose behaviour **drifts** over time, so a model fitted once would go stale; a
model refitted on a sliding window follows it.

The readings have two inputs and one output: `y = a(t)·x1 − 1.5·x2 + 10 + noise`, where the gain
`a(t)` rises slowly from 2 to 4.
"""),
    code("""
import io.iotj.ml.*;
import io.iotj.ml.incremental.*;
import io.iotj.ml.smile.*;
import io.iotj.stream.WindowState;

Random random = new Random(7);

/** Reading t: two inputs that wander, and the output, whose gain on x1 drifts from 2 to 4. */
double[] reading(int t) {
    double x1 = 5 + 4 * Math.sin(t / 23.0) + 0.5 * random.nextGaussian();
    double x2 = 5 + 4 * Math.cos(t / 37.0) + 0.5 * random.nextGaussian();
    double gain = 2 + 2.0 * t / 1000;
    return new double[] {x1, x2, gain * x1 - 1.5 * x2 + 10 + random.nextGaussian()};
}
reading(0)
"""),
    md("""
## The two functions

As in the IoTpy thesis, the user writes a **training function** and a **prediction function**. The
training function gets the window's inputs `x` (the first `num_features` columns of each row), the
outputs `y` (the rest), the previous model and the window's state; it returns the new model. Here it
fits Smile's ordinary least squares, the counterpart of IoTpy's scikit-learn `LinearRegression`.
"""),
    code("""
SmileModel ols = SmileModels.of("ols");

SmileFit train(double[][] x, double[] y, SmileFit model, WindowState window) {
    return ols.fit(x, y);
}

double predict(double[] x, double[] y, SmileFit model) {
    return model.predict(x);
}

/** The measured output of a reading, for the chart. */
double actual(double[] reading) {
    return reading[2];
}
"""),
    md("""
## The template

IoTpy's `linear_regression` template (thesis, section 2.1.2), as written there: `function=train`
and `function=predict` name the two methods above.
"""),
    code("""
%%template
linear_regression(x:stream, y:stream) -> z:stream {
    model = train(in=x, function=train,
num_features=2, min_window_size=5, max_window_size=30,
step_size=2);
    z = predict(in=y, function=predict, model=model,
num_features=2);
}
"""),
    md("""
A second template uses it as a part and adds a live chart: `plot` draws each pair (actual,
predicted) as the values arrive, redrawing the chart in place at most four times a second, keeping
the last 300 points. `y_title` names the y axis; the x axis counts the readings.
"""),
    code("""
%%template
regression_chart(x:stream, y:stream) -> z:stream {
    z = linear_regression(x=x, y=y);
    measured = map(in=y, function="actual");
    both = zip(in=[measured, z]);
    plot(in=both, title="prediction against actual", series=["actual", "predicted"], max_points=300,
         y_title="sensor output y");
}
"""),
    md("""
## Live: prediction against actual

`%assemble` starts the graph in the background and shows its live table and chart; the next cell
feeds it. Each new reading is first predicted with the newest model (stream `y`), then given to the
trainer (stream `x`). The first window is given to the trainer alone, so every later reading has a
prediction and the chart pairs them one to one.
"""),
    code("%assemble regression_chart --as lr"),
    code("""
var rows = new ArrayList<double[]>();
for (int t = 0; t < 5; t++) {
    double[] r = reading(t);
    lr.in("x").append(r);
    rows.add(r);
}
lr.awaitIdle(java.time.Duration.ofSeconds(30));
for (int t = 5; t < 1000; t++) {
    double[] r = reading(t);
    lr.in("y").append(r);   // predicted with the newest model
    lr.in("x").append(r);   // then learned from
    rows.add(r);
    if (t % 50 == 0) { Thread.sleep(20); }  // a sensor, not a file: the chart moves while it runs
}
lr.awaitIdle(java.time.Duration.ofSeconds(30));
java.util.List<?> z = lr.out("z").values();
z.size() + " predictions for " + rows.size() + " readings"
"""),
    code("%stop lr"),
    md("""
A chart is also a cell's value. This one draws the last 300 readings once more from the kept values,
with the Java chart API (`lineChart`, the same charts the `plot` part draws), at each reading's
number: a notebook saved by a headless run keeps only what each cell itself showed.
"""),
    code("""
LiveChart last = lineChart("prediction against actual, last 300 readings", 300, "actual", "predicted")
        .yTitle("sensor output y");
int first = rows.size() - z.size();   // the readings before the first model have no prediction
for (int t = rows.size() - 300; t < rows.size(); t++) {
    last.addAt(t, rows.get(t)[2], (Double) z.get(t - first));
}
last
"""),
    md("""
## How good is it?

The mean absolute error of the predictions over the last 500 readings, against a model fitted once
on the first 30 readings and never updated. The sensor's noise alone gives an error of about 0.8
(plus what the noise on the inputs adds).
"""),
    code("""
var first = new double[30][];
var firstY = new double[30];
for (int i = 0; i < 30; i++) {
    first[i] = new double[] {rows.get(i)[0], rows.get(i)[1]};
    firstY[i] = rows.get(i)[2];
}
SmileFit once = ols.fit(first, firstY);
double windowed = 0, fixed = 0;
int offset = rows.size() - z.size(); // the first readings came before any model
for (int t = 500; t < 1000; t++) {
    double[] r = rows.get(t);
    windowed += Math.abs((Double) z.get(t - offset) - r[2]);
    fixed += Math.abs(once.predict(new double[] {r[0], r[1]}) - r[2]);
}
String.format("mean absolute error, sliding window: %.2f, fitted once: %.2f", windowed / 500, fixed / 500)
"""),
    md("""
## Incremental: the same fit without refitting

`LinearRegressionStream` keeps running sums of the window's `XᵀX` and `Xᵀy`, so sliding the window
by one reading costs a few microseconds instead of a refit, and gives the same coefficients (to
about 1e-12). It plugs into the same `train` part; here it is used directly, through its Java API.
"""),
    code("""
Trainer<LinearFit> incremental = LinearRegressionStream.trainer(2, 5, 30, 2);
LinearFit latest = null;
for (double[] r : rows) {
    for (LinearFit f : incremental.push(r)) { latest = f; }
}
// the gain on x1 has reached about 4 by the end
latest
"""),
]

KMEANS = [
    md(f"""
# Streaming k-means: where are the meetups?

{IOTPY} Its `meetup` example clustered the locations of Meetup.com RSVPs as they streamed in and
plotted the moving centres on a map of the US. Meetup's live feed is gone, so this notebook reads a
day of synthetic RSVPs shipped with iotj (`data/meetup_rsvps.csv`): people answering invitations
around five cities, each city busiest in its own evening, so the crowd moves west as the day goes on.

The graph is a template (`%%template`) started with `%assemble`, as in the quickstart; the map is
drawn with the Java chart API (`scatterChart`), because each picture needs a window's RSVPs and the
model trained on them together, and the notebook has both at hand.
"""),
    code("""
import io.iotj.ml.*;
import io.iotj.ml.incremental.*;
import java.nio.file.*;

var lines = Files.readAllLines(Path.of("data/meetup_rsvps.csv"));
var rsvps = new ArrayList<double[]>();
for (String line : lines.subList(1, lines.size())) {   // seconds,lat,lon
    String[] f = line.split(",");
    rsvps.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
}
rsvps.size() + " RSVPs; the first at " + Arrays.toString(rsvps.get(0))
"""),
    md("""
## The template, in IoTpy's style

`func` builds the model object with the method below (a `KMeansStream` with 2 coordinates and
k = 5), `attribute` picks its `train` method, and the `train` part runs it over a window of the
stream: the window grows from 100 to 400 RSVPs and then slides by 50. Each window starts from the
previous window's centres, so it usually needs only one or two rounds of k-means.
"""),
    code("""
KMeansStream kmeans(int dimensions, int k) {
    return new KMeansStream(dimensions, k);
}
"""),
    code("""
%%template
meetup(rsvps:stream) -> centres:stream {
    km = func(function="kmeans", parameters=[2, 5]);
    fit = attribute(in=km, attribute="train");
    centres = train(in=rsvps, function=fit, num_features=2, min_window_size=100, max_window_size=400, step_size=50);
}
"""),
    code("%assemble meetup --as meetups"),
    md("""
## Live: the window's RSVPs and the moving centres

The next cell sends the RSVPs to the graph 50 at a time; after each batch, `awaitIdle` waits until
the graph has trained on it, so the newest model belongs to the window that ends with that batch.
Every other window, the map is redrawn: each dot is an RSVP of the window, coloured by its nearest
centre; the black diamonds are the centres. Watch the evening crowd move from New York to the West
Coast.
"""),
    code("""
LiveChart map = scatterChart("RSVPs of one window, by cluster", 400)
        .xTitle("longitude").yTitle("latitude").size(720, 400).show();
int drawn = 0;
for (int start = 0; start < rsvps.size(); start += 50) {
    int end = Math.min(start + 50, rsvps.size());
    for (double[] r : rsvps.subList(start, end)) {
        meetups.in("rsvps").append(r);
    }
    meetups.awaitIdle(java.time.Duration.ofSeconds(30));
    java.util.List<?> centres = meetups.out("centres").values();
    if (centres.size() >= drawn + 2) {          // every other window
        drawn = centres.size();
        var model = (Centroids) centres.get(drawn - 1);
        map.clear();
        for (double[] p : rsvps.subList(end - model.rows(), end)) {
            map.point(p[1], p[0], model.predict(p));   // longitude across, latitude up
        }
        double[][] lonLat = new double[model.k()][];
        for (int c = 0; c < model.k(); c++) {
            lonLat[c] = new double[] {model.centroid(c)[1], model.centroid(c)[0]};
        }
        map.centroids(lonLat);
        Thread.sleep(60);                        // let the chart show the crowd moving
    }
}
map.finish();
meetups.out("centres").count() + " windows"
"""),
    md("""
## What the warm start saves

The iterations each window needed, warm-started from the previous centres, against seeding afresh
for every window as a batch refit would: k-means++, or k random RSVPs. A lower mean squared distance
from each RSVP to its centre is a better clustering; random seeds sometimes put two centres in one
city and leave two cities to share one. This cell runs the same training three ways through the
Java API (`Trainer`), without a graph.
"""),
    code("""
String compare(KMeansStream.Seeding seeding) {
    var t = Trainer.incremental(new KMeansStream(2, 5, 100, seeding, 1), 100, 400, 50);
    long iterations = 0, windows = 0, most = 0;
    double distortion = 0;
    for (double[] r : rsvps) {
        for (Centroids c : t.push(r)) {
            iterations += c.iterations();
            most = Math.max(most, c.iterations());
            distortion += c.distortion() / c.rows();
            windows++;
        }
    }
    return String.format("%-10s %5.2f iterations per window (at most %2d), mean squared distance %.2f%n",
            seeding.name().toLowerCase(), (double) iterations / windows, most, distortion / windows);
}
compare(KMeansStream.Seeding.WARM) + compare(KMeansStream.Seeding.PLUS_PLUS) + compare(KMeansStream.Seeding.RANDOM)
"""),
    md("""
## The last window's centres

Each centre should sit on one of the five cities: New York (40.7, −74.0), Chicago (41.9, −87.6),
Austin (30.3, −97.7), San Francisco (37.8, −122.4) and Seattle (47.6, −122.3).
"""),
    code("""
var centres = meetups.out("centres").values();
var last = (Centroids) centres.get(centres.size() - 1);
var table = new StringBuilder();
for (double[] c : last.centroids()) {
    table.append(String.format("(%.1f, %.1f)%n", c[0], c[1]));
}
table.toString()
"""),
    code("%stop meetups"),
]

ANOMALY = [
    md("""
# Anomaly detection on several sensors

Three sensors report at different rates: a boiler's temperature once a second, a pump's vibration
two and a half times a second, a door's air pressure every two and a half seconds. Each sensor gets
its own anomaly detector: an isolation forest (from Smile) retrained on a sliding window of its own
readings, scoring every new reading. Readings that score high are flagged.

A few faults are planted in ten simulated minutes: spikes, a sudden drop, a step change. The
detectors are templates (`%%template`) started with `%assemble`, one graph per sensor; the sensors
are simulated in Java.
"""),
    code("""
import io.iotj.stream.Event;
import io.iotj.stream.Tuple;

record Sensor(String name, String unit, double period, double level, double swing, double noise) {
    /** The healthy signal at time t (seconds), before faults. */
    double healthy(double t, Random r) {
        return level + swing * Math.sin(t / 40) + noise * r.nextGaussian();
    }
}
var sensors = java.util.List.of(
        new Sensor("boiler", "°C", 1.0, 70, 3, 0.3),
        new Sensor("pump", "mm/s", 0.4, 4, 0.5, 0.15),
        new Sensor("door", "hPa", 2.5, 1013, 2, 0.2));

/** The planted faults: where they are, and what they do to the healthy value. */
double withFaults(Sensor s, double t, double v) {
    return switch (s.name()) {
        case "boiler" -> t >= 200 && t < 203 ? v + 8 : t >= 450 ? v + 5 : v;
        case "pump" -> Math.abs(t - 100) < 0.3 || Math.abs(t - 300) < 0.3 || Math.abs(t - 500) < 0.3 ? v + 3 : v;
        default -> t >= 400 && t < 405 ? v - 10 : v;
    };
}
sensors
"""),
    md("""
## The detector

A reading becomes the row `[change since the previous reading, distance from the mean of the last
20 readings, value, time]`. The first two are near zero while a sensor behaves, whatever its slow
swings, so spikes, drops and jumps stand out; the forest looks at those two only
(`num_features=2`), the value and time ride along for the chart.

The template names the Smile model itself (`func` makes it, `attribute` picks its `train` and
`predict`), so no code of ours is needed to use it. As in the linear regression notebook, the
trainer has its own input `history`: the window grows from 50 to 200 rows and moves by 25, and every
row sent to `readings` is scored by the newest forest.
"""),
    code("""
%%template
detect(history:stream, readings:stream) -> scores:stream {
    forest = func(function="io.iotj.ml.smile.SmileModels.of", parameters=["isolation_forest", "trees=50"]);
    fit = attribute(in=forest, attribute="train");
    score = attribute(in=forest, attribute="predict");
    model = train(in=history, function=fit, num_features=2, min_window_size=50, max_window_size=200, step_size=25);
    scores = predict(in=readings, function=score, model=model, num_features=2);
}
"""),
    md("""
## The chart

`watch` wraps the detector with a live anomaly chart: each reading is paired with its score (`zip`),
`point` turns the pair into an event at the reading's time carrying (value, score), and `plot`
draws it: the readings above, flagged ones in red; the scores below, with the threshold dashed. The
x axis is the simulation's time in minutes and seconds. The flagged readings also go to an output
of their own, `flagged`, for the report at the end.
"""),
    code("""
double threshold = 0.66;

/** A reading and its score as an event at the reading's time (ms), carrying (value, score). */
Event<Tuple> point(java.util.List<Object> scored) {
    double[] row = (double[]) scored.get(0);
    double score = ((Number) scored.get(1)).doubleValue();
    long ms = Math.round(row[3] * 1000);
    return new Event<>(null, ms, ms, Tuple.of(row[2], score));
}

boolean isFlagged(Event<Tuple> p) {
    return ((Number) p.value().get(1)).doubleValue() >= threshold;
}
"""),
    code("""
%%template
watch(history:stream, readings:stream, title, unit) -> scores:stream, flagged:stream {
    scores = detect(history=history, readings=readings);
    scored = zip(in=[readings, scores]);
    points = map(in=scored, function="point");
    flagged = filter(in=points, function="isFlagged");
    plot(in=points, kind="anomaly", title=title, y_title=unit, threshold=0.66, x_axis="seconds", max_points=1500);
}
"""),
    md("""
## Live: readings and flags

One graph per sensor, each with its live table and chart; the cell after them feeds them.
"""),
    code('%assemble watch title="boiler temperature" unit="°C" --as boiler'),
    code('%assemble watch title="pump vibration" unit="mm/s" --as pump'),
    code('%assemble watch title="door air pressure" unit="hPa" --as door'),
    md("""
The sensors' readings are merged in time order and each goes to its sensor's graph: its first 50
readings to the trainer alone (then `awaitIdle` waits for the first forest), every later one first
to be scored, then to the trainer. Scroll up to watch the charts while it runs.
"""),
    code("""
var graphs = java.util.List.of(boiler, pump, door);
int n = sensors.size();
var count = new int[n];
Random random = new Random(3);
double[] next = new double[n];     // when each sensor reports next
double[] previous = new double[n];
var recent = new ArrayList<ArrayDeque<Double>>();
for (int i = 0; i < n; i++) { recent.add(new ArrayDeque<>()); }
double lastPause = 0;
while (true) {
    int s = 0;
    for (int i = 1; i < n; i++) { if (next[i] < next[s]) { s = i; } }
    double t = next[s];
    if (t > 600) { break; }
    Sensor sensor = sensors.get(s);
    double v = withFaults(sensor, t, sensor.healthy(t, random));
    var past = recent.get(s);
    double mean = past.isEmpty() ? v : past.stream().mapToDouble(d -> d).average().orElse(v);
    double[] row = {count[s] == 0 ? 0 : v - previous[s], v - mean, v, t};
    previous[s] = v;
    past.addLast(v);
    if (past.size() > 20) { past.removeFirst(); }
    var g = graphs.get(s);
    if (count[s] < 50) {
        g.in("history").append(row);
        if (count[s] == 49) { g.awaitIdle(java.time.Duration.ofSeconds(30)); }  // the first forest
    } else {
        g.in("readings").append(row);   // scored by the newest forest
        g.in("history").append(row);    // then learned from
    }
    count[s]++;
    next[s] += sensor.period();
    if (t - lastPause >= 60) {
        lastPause = t;
        Thread.sleep(150);   // a minute of readings: let the charts redraw (at most four times a second)
    }
}
for (var g : graphs) { g.awaitIdle(java.time.Duration.ofSeconds(30)); }
"done"
"""),
    md("""
## What was flagged

For each sensor: how many readings were scored, and when readings were flagged (the times of the
events on its `flagged` output). The planted faults
were the boiler's spike at 200-203 s and its step up at 450 s, the pump's spikes at 100, 300 and
500 s, and the door's drop at 400-405 s. The forests are random, so the exact flags vary a little
from run to run. The boiler's step is flagged while the 20-reading mean still lags behind the new
level: for one reading or a few. A few readings are flagged with no fault behind them: a lower threshold catches more faults
and raises more false alarms, a higher one the reverse.
"""),
    code("""
var report = new StringBuilder();
for (int i = 0; i < n; i++) {
    var flagged = new ArrayList<Long>();
    for (Object f : graphs.get(i).out("flagged").values()) {
        flagged.add(Math.round(((Event<?>) f).time() / 1000.0));
    }
    report.append(String.format("%-7s %5d readings scored, %3d flagged at %s s%n", sensors.get(i).name(),
            graphs.get(i).out("scores").count(), flagged.size(), flagged));
}
report.toString()
"""),
    code("%stop --all"),
]


if __name__ == "__main__":
    write("04-linear-regression.ipynb", REGRESSION)
    write("05-kmeans-clusters.ipynb", KMEANS)
    write("06-anomaly-detection.ipynb", ANOMALY)
