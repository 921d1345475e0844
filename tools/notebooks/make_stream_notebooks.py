"""Writes notebooks/02-streams-quickstart.ipynb and notebooks/03-iotpy-templates.ipynb.

The notebooks are kept as this script so their text is easy to review and change:
    /usr/bin/python3 tools/notebooks/make_stream_notebooks.py
"""
from cells import code, md, write


QUICKSTART = [
    md("""
# Streams in five minutes

A **stream** is a sequence of values that keeps growing: readings of a sensor, clicks on a web
site, prices on a market. A streaming program does not wait for all the data; it works on each
value as it arrives.

In iotj you describe *what* to do with streams in a small **template**, and iotj runs it in the
background while the notebook stays free for you to type. This notebook walks through one
complete example:

1. write the functions that do the work, in Java;
2. write a template that wires them together;
3. start it with `%assemble`;
4. feed it values from later cells and watch a table of its output update by itself;
5. list the running graphs with `%streams`, and stop them with `%stop`.
"""),
    md("""
## 1. The functions

A template names the functions it uses. Here they are ordinary Java methods, defined in a cell
like any other: `times_two` doubles a number and `iden` returns it unchanged.
"""),
    code("""
int times_two(int x) { return 2 * x; }
int iden(int x) { return x; }
"""),
    md("""
## 2. The template

`%%template` turns the rest of the cell into a template. iotj's templates are those of
[IoTpy](https://github.com/AssembleSoftware/IoTPy), a Python framework for streaming applications
described in Rahul Bachal's thesis *IoTpy: A Versatile Framework for Streaming Applications*; iotj
reads its template language and runs the templates in Java. This one is the `test` template from
IoTpy's documentation:

* it has two input streams `x` and `y` and one output stream `z`;
* `a = map(in=x, function="times_two")` makes a new stream `a` holding `times_two` of every value
  of `x`; `b` does the same with `iden`;
* `zip` pairs the i-th value of `a` with the i-th value of `b`.

(`y` is declared but never used, so iotj warns about it.)
The cell shows the template as a diagram, and as the JSON that IoTpy stores.
"""),
    code("""
%%template
test(x:stream, y:stream) -> z:stream {
  a = map(in=x, function="times_two");
  b = map(in=x, function="iden");
  z = zip(in=[a, b]);
}
"""),
    md("""
## 3. Start it

`%assemble test --as g` builds a **graph** from the template: the parts `map0`, `map1` and `zip0`
connected by streams. It starts the graph in the background and returns at once. The variable
`g` now holds the running graph.

Below the cell appears a table of the graph's output `z`: its last values, how many there were
and how fast they come. The table updates itself (at most four times a second) while the graph
runs. Once this notebook has run to the end, it looks like the picture below.

<figure style="display: inline-block; margin: 6px 0 12px; padding: 8px 12px; border: 1px solid #b0b0b0; border-radius: 4px; background: #f6f6f6">
<img src="images/quickstart-live-table.png" alt="Screenshot of the live table of graph g: threads, stopped, in 200, out 200; z: 200 values; its last ten rows, index 190 to 199, value[0] 382 to 400, value[1] 191 to 200">
<figcaption style="font-size: 90%; color: #555"><i>A picture, not a cell: the table under the <code>%assemble</code> cell below after the whole notebook has run (the graph is stopped at the end).</i></figcaption>
</figure>
"""),
    code("%assemble test --as g"),
    md("""
## 4. Feed it

`g.in("x")` is the input stream `x`. Appending values to it is all it takes: the graph picks them
up, and the table under the `%assemble` cell shows the result.
"""),
    code("""g.in("x").extend(1, 2, 3);"""),
    md("""
`awaitIdle` waits until the graph has worked through everything it was given; then
`g.out("z").values()` reads the output stream: the pairs `(times_two(v), iden(v))`.
"""),
    code("""
g.awaitIdle(java.time.Duration.ofSeconds(10));
g.out("z").values()
"""),
    md("""
Values can also come from a thread that keeps producing them, like a sensor would. This one
sends a value every 10 ms for two seconds; scroll up to the `%assemble` cell to see the table
follow.
"""),
    code("""
Thread sensor = new Thread(() -> {
    for (int i = 4; i <= 200; i++) {
        g.in("x").append(i);
        try { Thread.sleep(10); } catch (InterruptedException e) { return; }
    }
});
sensor.start();
sensor.join();
g.awaitIdle(java.time.Duration.ofSeconds(10));
g.out("z").count()
"""),
    md("""
## 5. Look at the output as a table

`StreamTables.of(stream, n)` turns a stream's last `n` values into a
[Tablesaw](https://jtablesaw.github.io/tablesaw/) `Table`: one row per value, with its position in
the stream, and one column per element of each pair. A `Table` shows as HTML, and
you can sort, filter and summarise it with Tablesaw's API.
"""),
    code("""
import io.iotj.magics.table.StreamTables;
var table = StreamTables.of(g.out("z"), 5);
table
"""),
    code("""table.longColumn("value[0]").sum()"""),
    md("""
## 6. List and stop graphs

`%streams` lists every graph of the session: its runtime, its status, how many values went in and
came out, how fast, how many wait between parts, and the last error if it failed.
"""),
    code("%streams"),
    md("""
`%stop g` stops one graph (its threads end); `%stop --all` stops every graph. The live table
shows the final state once more.
"""),
    code("%stop g"),
    code("%stop --all"),
]

IOTPY = [
    md("""
# IoTpy's templates in Java

[IoTpy](https://github.com/AssembleSoftware/IoTPy) is a Python framework for streaming applications
on the Internet of Things, described in Rahul Bachal's thesis *IoTpy: A Versatile Framework for
Streaming Applications*. Its idea is that
an application is a **template**: a set of **parts** (each itself a template) joined by streams.
Small built-in templates, called **leaves**, do the actual work: `map`, `zip`, `mix`, windows,
sources and sinks. iotj reads IoTpy's template language and JSON unchanged and runs the templates
on Java threads.

Each section below is one of IoTpy's examples: the template, what it means, and what comes out.
`%templates` at the end lists every template the session knows.
"""),
    md("""
## The functions used below

Templates refer to functions by name. A name is looked up, in order, among the methods defined
in the notebook, the notebook's variables holding functions (such as a
`java.util.function.Function`), fully qualified static methods (`java.lang.Math.abs`), and the
built-ins (`sum`, `len`, `mean`, `min`, `max`, ...).
"""),
    code("""
int times_two(int x) { return 2 * x; }
int iden(int x) { return x; }
List<Object> contents(List<Object> window, Object state) { return List.copyOf(window); }
List<Integer> square_next(int n) { return List.of(n * n, n + 1); }
"""),
    md("""
## `test`: map and zip, written as IoTpy's JSON

IoTpy stores templates as JSON. A `%%template` cell whose text starts with `{` is read as that
JSON; this is the `test` template exactly as IoTpy's documentation prints it. The keys:

* `components`: the parts, each `[part name, template]`;
* `externals`: `[outside name, part, parameter]` wires the template's own inputs and outputs to
  its parts, and gives constants such as the function name `"times_two"`;
* `internals`: `[part, parameter, part, parameter, index]` wires one part's output into another's
  input; the index says which input of `zip` it is.
"""),
    code("""
%%template
{"name": "test", "assembly": "assemble",
 "inputs": [["stream", "x"], ["stream", "y"]], "outputs": [["stream", "z"]], "optional": [],
 "components": [["map0", "map"], ["map1", "map"], ["zip0", "zip"]],
 "externals": [["z", "zip0", "out"], ["x", "map0", "in"], ["\\"times_two\\"", "map0", "function"],
               ["x", "map1", "in"], ["\\"iden\\"", "map1", "function"]],
 "internals": [["map0", "out", "zip0", "in", 0], ["map1", "out", "zip0", "in", 1]]}
"""),
    md("""
`--mode single` runs every part on one thread, in a fixed order: the results are the same on
every run, which helps when testing. The default, `--mode threads`, gives each part its own
(virtual) thread.
"""),
    code("%assemble test --as t --mode single"),
    code("""
t.in("x").extend(1, 2, 3);
t.awaitIdle(java.time.Duration.ofSeconds(10));
t.out("z").values()
"""),
    md("""
## `mix`: merge streams as values arrive

`zip` waits for a value from every input; `mix` passes each value on as soon as it comes, tagged
with the number of the input it came from: `(0, value)` for the first input, `(1, value)` for the
second.
"""),
    code("""
%%template
mixed(x:stream, y:stream) -> z:stream {
  z = mix(in=[x, y]);
}
"""),
    code("%assemble mixed --as m"),
    code("""
m.in("x").append("a");
m.in("y").append("b");
m.in("x").append("c");
m.awaitIdle(java.time.Duration.ofSeconds(10));
m.out("z").values()
"""),
    md("""
## Count windows: `window`

A window looks at several values at once. `window(window_size=4, step_size=4)` cuts the stream
into blocks of four values and applies the function (here the built-in `sum`) to each block. Over
0, 1, ..., 15 the blocks are [0..3], [4..7], [8..11], [12..15], so the sums are 6, 22, 38 and 54.
"""),
    code("""
%%template
sums(x:stream) -> s:stream {
  s = window(in=x, function="sum", window_size=4, step_size=4);
}
"""),
    code("%assemble sums --as w"),
    code("""
for (int i = 0; i < 16; i++) w.in("x").append(i);
w.awaitIdle(java.time.Duration.ofSeconds(10));
w.out("s").values()
"""),
    md("""
## Dynamic windows

A dynamic window starts small and grows: it begins with `min_window_size` values, grows by
`step_size` (keeping its start) until it holds `max_window_size`, and then slides forward by
`step_size`. The function `contents` returns the window itself, so we can watch it:
[0], then [0, 1, 2], then [1, 2, 3, 4] (full: it slides from now on), [3, 4, 5, 6], [5, 6, 7, 8].
"""),
    code("""
%%template
growing(x:stream) -> w:stream {
  w = dynamic_window(in=x, function="contents", min_window_size=1, max_window_size=4, step_size=2);
}
"""),
    code("%assemble growing --as d"),
    code("""
for (int i = 0; i < 9; i++) d.in("x").append(i);
d.awaitIdle(java.time.Duration.ofSeconds(10));
d.out("w").values()
"""),
    md("""
## Timed windows

Sensor readings often come as `(time, value)` pairs. `timed_window(window_duration=10, step_time=10)`
groups the values of each 10-unit stretch of time and gives `(end of the window, function of its
values)`. With the built-in `len` it counts the readings per window. The window ending at 50
is not complete yet (a later reading could still fall in it), so it does not appear.
"""),
    code("""
%%template
per_ten(x:stream) -> y:stream {
  y = timed_window(in=x, function="len", window_duration=10, step_time=10);
}
"""),
    code("%assemble per_ten --as tw"),
    code("""
import io.iotj.stream.Tuple;
Object[][] readings = {{1, "a"}, {8, "b"}, {12, "c"}, {14, "d"}, {32, "e"}, {50, "f"}};
for (Object[] r : readings) tw.in("x").append(Tuple.of(r[0], r[1]));
tw.awaitIdle(java.time.Duration.ofSeconds(10));
tw.out("y").values()
"""),
    md("""
## Sources

A template need not have inputs: a `source` makes values itself. IoTpy's source calls a function
every `time_interval` seconds. With an `initial_state`, the function gets the state and returns
the value *and* the next state: `square_next(n)` returns `n * n` and `n + 1`, so the source gives
0, 1, 4, 9, ... `stream_length=10` stops it after ten values.
"""),
    code("""
%%template
squares() -> y:stream {
  y = source(function="square_next", initial_state=0, time_interval=0.02, stream_length=10);
}
"""),
    code("%assemble squares --as sq"),
    code("""
long deadline = System.currentTimeMillis() + 10_000;
while (sq.out("y").count() < 10 && System.currentTimeMillis() < deadline) Thread.sleep(20);
sq.out("y").values()
"""),
    md("""
## Templates made of templates

A template can use another template as a part, just like a leaf. `doubled_pairs` uses `test`
(defined above) and sums its pairs in windows of two.
"""),
    code("""
int pair_sum(List<Object> pairs) {
    int s = 0;
    for (Object p : pairs) for (Object v : Tuple.itemsOf(p)) s += (Integer) v;
    return s;
}
"""),
    code("""
%%assemble --as dp
doubled_pairs(x:stream, y:stream) -> s:stream {
  pairs = test(x=x, y=y);
  s = window(in=pairs, function="pair_sum", window_size=2, step_size=2);
}
"""),
    code("""
dp.in("x").extend(1, 2, 3, 4);
dp.awaitIdle(java.time.Duration.ofSeconds(10));
dp.out("s").values()
"""),
    md("""
## Machine learning: IoTpy's `linear_regression`

IoTpy's `train` part keeps a dynamic window of rows and retrains a model on it whenever the
window moves; `predict` answers with the latest model. Each row here is `(u, v, target)`: the
first `num_features=2` columns are the features, the rest the target. The two functions are
plain Java: `train` fits an exact least-squares line on the window (with iotj's incremental
linear regression), `predict` applies it. The data follow `target = 1 + 2u - 3v`, so for
`(1, 1)` the model predicts 0 and for `(2, 0)` it predicts 5.
"""),
    code("""
import io.iotj.ml.*;
import io.iotj.ml.incremental.*;
import io.iotj.stream.WindowState;
LinearFit train(double[][] x, double[] y, LinearFit model, WindowState window) {
    return new LinearRegressionStream(x[0].length).train(x, y, model, window);
}
double predict(double[] x, double[] y, LinearFit model) { return model.predict(x); }
"""),
    code("""
%%assemble --as lr
linear_regression(x:stream, y:stream) -> z:stream {
  model = train(in=x, function="train", num_features=2, min_window_size=5, max_window_size=30, step_size=2);
  z = predict(in=y, function="predict", model=model, num_features=2);
}
"""),
    code("""
Random random = new Random(12);
for (int i = 0; i < 40; i++) {
    double u = random.nextGaussian(), v = random.nextGaussian();
    lr.in("x").append(new double[] {u, v, 1 + 2 * u - 3 * v});
}
lr.awaitIdle(java.time.Duration.ofSeconds(10));
lr.in("y").extend(new double[] {1, 1, 0}, new double[] {2, 0, 0});
lr.awaitIdle(java.time.Duration.ofSeconds(10));
lr.out("z").values().stream().map(p -> String.format("%.3f", p)).toList()
"""),
    md("""
## What the session knows, and tidying up

`%templates` lists the built-in leaves and every template defined above; `%streams` every graph;
`%stop --all` stops them.
"""),
    code("%templates"),
    code("%streams"),
    code("%stop --all"),
]


if __name__ == "__main__":
    write("02-streams-quickstart.ipynb", QUICKSTART)
    write("03-iotpy-templates.ipynb", IOTPY)
