"""Machine learning and charts as a notebook user meets them, through jupyter_client: live XChart
charts that update in place (image/png, then update_display_data with the same display id, a final
one when the work ends), IoTpy's linear_regression template text run end to end with train and
predict functions written in cells, and Smile models shown as a cell's value."""
import base64
import time

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

# Section 2.1.2 of the IoTpy thesis, as written (line breaks included).
THESIS_LINEAR_REGRESSION = """%%template
linear_regression(x:stream, y:stream) -> z:stream {
    model = train(in=x, function=train,
num_features=2, min_window_size=5, max_window_size=30,
step_size=2);
    z = predict(in=y, function=predict, model=model,
num_features=2);
}"""

FUNCTIONS = """import io.iotj.ml.smile.*;
import io.iotj.stream.WindowState;
SmileModel ols = SmileModels.of("ols");
SmileFit train(double[][] x, double[] y, SmileFit model, WindowState window) {
    return ols.fit(x, y);
}
double predict(double[] x, double[] y, SmileFit model) {
    return model.predict(x);
}"""


def png_displays(ex):
    return [m for m in ex.of_type("display_data") if "image/png" in m["content"]["data"]]


def display_id(msg):
    return msg["content"].get("transient", {}).get("display_id")


def is_png(data):
    return base64.b64decode(data["image/png"]).startswith(PNG_MAGIC)


def updates(kernel, msg_id, did):
    kernel.drain(0.05)
    return [m for m in kernel._pending.get(msg_id, [])
            if m["msg_type"] == "update_display_data" and display_id(m) == did]


def test_a_chart_cell_shows_a_png_and_updates_it_in_place(kernel):
    shown = kernel.ok('LiveChart c = lineChart("live", 100, "value").show();')
    pngs = png_displays(shown)
    assert len(pngs) == 1, shown.describe()
    did = display_id(pngs[0])
    assert did, "the chart has a display id"
    assert is_png(pngs[0]["content"]["data"])

    # Values from another cell's thread, for two seconds.
    kernel.ok("Thread feeder = new Thread(() -> {\n"
              "  for (int i = 0; i < 400; i++) {\n"
              "    c.add(Math.sin(i / 10.0));\n"
              "    try { Thread.sleep(5); } catch (InterruptedException e) { return; }\n"
              "  }\n"
              "});\nfeeder.start();")
    started = time.monotonic()
    time.sleep(2.5)
    kernel.ok("feeder.join();")
    got = updates(kernel, shown.msg_id, did)
    assert len(got) >= 2, "the chart redraws while values arrive"
    assert all(is_png(m["content"]["data"]) for m in got)
    assert len(got) <= 4 * (time.monotonic() - started) + 2, f"{len(got)} updates: more than four a second"

    # Nothing new: nothing sent.
    time.sleep(0.6)
    settled = len(updates(kernel, shown.msg_id, did))
    time.sleep(0.8)
    assert len(updates(kernel, shown.msg_id, did)) == settled, "updates while nothing changed"
    assert kernel.ok('c.points("value")').text == "100", "the chart keeps its last 100 points only"

    kernel.ok("c.finish();")
    final = kernel.wait_iopub(shown.msg_id, lambda m: m["msg_type"] == "update_display_data"
                              and display_id(m) == did and m["content"]["data"].get("text/plain", "").startswith("live"),
                              timeout=5)
    assert final is not None, "a final update when the chart finishes"


def test_the_seeds_linear_regression_template_runs_end_to_end_with_a_live_plot(kernel):
    kernel.ok(FUNCTIONS)
    kernel.ok(THESIS_LINEAR_REGRESSION)
    kernel.ok("""%%template
regression_chart(x:stream, y:stream) -> z:stream {
    z = linear_regression(x=x, y=y);
    actual = map(in=y, function="third");
    both = zip(in=[actual, z]);
    plot(in=both, title="prediction against actual", series=["actual", "predicted"], max_points=200);
}""")
    kernel.ok("double third(double[] r) { return r[2]; }")
    started = kernel.ok("%assemble regression_chart --as lr")
    pngs = png_displays(started)
    assert pngs, f"the plot part shows a chart:\n{started.describe()}"
    did = display_id(pngs[-1])
    # The first window trains before anything is predicted, so every later reading gets a
    # prediction and actual and predicted pair up one to one in the chart.
    kernel.ok("java.util.Random rnd = new java.util.Random(3);\n"
              "double[] reading() {\n"
              "  double x1 = rnd.nextDouble() * 10, x2 = rnd.nextDouble() * 10;\n"
              "  return new double[] {x1, x2, 3 * x1 - 2 * x2 + 5 + 0.01 * rnd.nextGaussian()};\n"
              "}\n"
              "for (int t = 0; t < 5; t++) lr.in(\"x\").append(reading());\n"
              "lr.awaitIdle(java.time.Duration.ofSeconds(20));\n"
              "for (int t = 0; t < 300; t++) {\n"
              "  double[] r = reading();\n"
              "  lr.in(\"y\").append(r);\n"
              "  lr.in(\"x\").append(r);\n"
              "}\n"
              "lr.awaitIdle(java.time.Duration.ofSeconds(20));")
    n = kernel.ok('lr.out("z").count()')
    assert int(n.text) == 300, f"a prediction for every reading after the first window: {n.describe()}"
    err = kernel.ok('double[] last = {4, 1, 3 * 4 - 2 * 1 + 5};\n'
                    'lr.in("y").append(last); lr.awaitIdle(java.time.Duration.ofSeconds(10));\n'
                    'Math.abs((Double) lr.out("z").recent(1).get(0) - last[2])')
    assert float(err.text) < 0.1, f"the prediction of an exact linear model is close: {err.text}"
    kernel.ok("%stop lr")
    final = kernel.wait_iopub(started.msg_id, lambda m: m["msg_type"] == "update_display_data"
                              and display_id(m) == did and "image/png" in m["content"]["data"], timeout=5)
    assert final is not None, "the chart was updated (and finally once the graph stopped)"
    assert is_png(final["content"]["data"])
    drawn = final["content"]["metadata"]["iotj/chart"]
    assert drawn["x_title"] == "reading #" and drawn["panels"][0]["y_title"] == "actual, predicted", drawn
    assert drawn["x_ticks"] and all(t.isdigit() for t in drawn["x_ticks"]), f"round positions: {drawn}"


def test_a_smile_model_renders_as_a_cell_value(kernel):
    ex = kernel.ok('import io.iotj.ml.smile.*;\n'
                   'SmileModels.of("ols").fit(new double[][] {{1, 0}, {2, 1}, {3, 0}, {4, 1}, {5, 3}},\n'
                   '                          new double[] {2, 5, 6, 9, 13})')
    html = ex.result.get("text/html", "")
    assert "iotj-model" in html and "ols" in html, ex.describe()
    assert "trained on 5 rows" in ex.text, ex.describe()


def test_a_progress_bar_updates_in_place_and_ends_done(kernel):
    ex = kernel.ok('Progress p = progress("training", 20);\n'
                   'for (int i = 0; i < 20; i++) { p.step(); Thread.sleep(40); }')
    shown = [m for m in ex.of_type("display_data") if "iotj-progress" in m["content"]["data"].get("text/html", "")]
    assert shown, ex.describe()
    did = display_id(shown[0])
    def says_done(m):
        return (m["msg_type"] == "update_display_data" and display_id(m) == did
                and 'data-done="true"' in m["content"]["data"]["text/html"])
    # The last update may come before the reply (the throttle ticks while the cell ends) or after it.
    final = next((m for m in ex.messages if says_done(m)), None) or kernel.wait_iopub(ex.msg_id, says_done, timeout=5)
    assert final is not None, "the bar's final state says done"


def test_an_xchart_chart_renders_as_a_cell_value(kernel):
    ex = kernel.ok('var chart = new org.knowm.xchart.XYChartBuilder().width(300).height(200).title("squares").build();\n'
                   'chart.addSeries("y", new double[] {1, 2, 3}, new double[] {1, 4, 9});\n'
                   'chart')
    assert ex.result and is_png(ex.result), ex.describe()
    assert "squares" in ex.text, ex.describe()


def test_slow_training_in_a_graph_shows_progress_that_follows_it(kernel):
    kernel.ok("import io.iotj.stream.WindowState;\n"
              "Double slow_train(double[][] x, double[] y, Double model, WindowState w) {\n"
              "    try { Thread.sleep(1200); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }\n"
              "    return (double) x.length;\n"
              "}")
    kernel.ok("%%template\nslow_training(x:stream) -> m:stream {\n"
              "    m = train(in=x, function=slow_train, num_features=1, min_window_size=2, max_window_size=4, step_size=2);\n"
              "}")
    started = kernel.ok("%assemble slow_training --as slow")
    assert not [m for m in started.messages if "iotj-training" in str(m["content"])], "nothing before training is slow"
    kernel.ok('for (int i = 0; i < 4; i++) slow.in("x").append(new double[] {i, 2 * i});')
    shown = kernel.wait_iopub(started.msg_id, lambda m: m["msg_type"] == "display_data"
                              and "iotj-training" in m["content"]["data"].get("text/html", ""), timeout=10)
    assert shown is not None, "a window training for over a second shows a progress line below %assemble"
    did = display_id(shown)
    kernel.ok("slow.awaitIdle(java.time.Duration.ofSeconds(10));")
    kernel.ok("%stop slow")
    final = kernel.wait_iopub(started.msg_id, lambda m: m["msg_type"] == "update_display_data" and display_id(m) == did
                              and "graph over" in m["content"]["data"]["text/plain"], timeout=5)
    assert final is not None, "the line's final state says the graph is over"
    assert "2 models trained" in final["content"]["data"]["text/plain"], final["content"]["data"]["text/plain"]
