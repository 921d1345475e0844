"""The stream magics as a notebook user meets them, through jupyter_client: a template typed in a
cell runs as a graph in the background, fed from later cells, with a live table that updates in
place; errors are positioned; failures and stops leave the kernel usable and no thread behind."""
import re
import time

THESIS_TEST = """%%template
test(x:stream, y:stream) -> z:stream {
  a = map(in=x, function="times_two");
  b = map(in=x, function="iden");
  z = zip(in=[a,b]);
}"""

FUNCTIONS = "int times_two(int x) { return 2 * x; }\nint iden(int x) { return x; }"


def display_ids(ex):
    return [m["content"]["transient"]["display_id"] for m in ex.of_type("display_data")
            if m["content"].get("transient", {}).get("display_id")]


def html_of(msg):
    return msg["content"]["data"].get("text/html", "")


def updates_for(kernel, msg_id, display_id):
    """Every update_display_data of `display_id` that arrived so far for the cell `msg_id`."""
    kernel.drain(0.05)
    return [m for m in kernel._pending.get(msg_id, [])
            if m["msg_type"] == "update_display_data"
            and m["content"]["transient"]["display_id"] == display_id]


def test_seed_test_template_typed_as_text_runs_with_notebook_functions(kernel):
    kernel.ok(FUNCTIONS)
    shown = kernel.ok(THESIS_TEST)
    mimes = {k for m in shown.of_type("display_data") + shown.of_type("execute_result")
             for k in m["content"]["data"]}
    assert "image/svg+xml" in mimes, shown.describe()
    assert "application/json" in mimes, shown.describe()

    started = kernel.ok("%assemble test --as g")
    assert display_ids(started), f"the graph's live table has a display id:\n{started.describe()}"
    kernel.ok('g.in("x").extend(1, 2, 3);')
    kernel.ok("g.awaitIdle(java.time.Duration.ofSeconds(10));")
    z = kernel.ok('g.out("z").values()')
    assert z.text == "[(2, 1), (4, 2), (6, 3)]", z.describe()
    kernel.ok("%stop g")


def test_malformed_template_gives_a_positioned_error_and_the_kernel_stays_usable(kernel):
    ex = kernel.execute("%%template\nbroken(x:stream) -> y:stream {\n  y = map(in=x function=\"f\");\n}")
    assert ex.status == "error", ex.describe()
    err = ex.error
    text = err["evalue"] + "\n" + "\n".join(err["traceback"])
    # Lines count in the cell: the %%template line is line 1.
    assert "line 3, column 16" in err["evalue"], text
    assert "^" in text, f"a caret points at the column:\n{text}"
    assert "at io.iotj" not in text, f"no stack trace of ours:\n{text}"
    assert kernel.ok("1 + 1").text == "2"


def test_unknown_function_is_an_error_naming_the_line_and_near_matches(kernel):
    kernel.ok(FUNCTIONS)
    kernel.ok("%%template\ntypo(x:stream) -> y:stream {\n  y = map(in=x, function=\"time_two\");\n}")
    ex = kernel.execute("%assemble typo")
    assert ex.status == "error", ex.describe()
    text = ex.error["evalue"] + "\n".join(ex.error["traceback"])
    assert "time_two" in text and "line 3" in text and "times_two" in text, text
    streams = kernel.ok("%streams")
    assert "typo" not in str(streams.messages), "nothing started for a template that failed"


def test_live_table_updates_after_the_cell_at_most_four_per_second_with_a_final_one(kernel):
    kernel.ok(FUNCTIONS)
    kernel.ok(THESIS_TEST)
    started = kernel.ok("%assemble test --as live")
    ids = display_ids(started)
    assert ids, started.describe()
    display_id = ids[0]
    replied_at = time.monotonic()

    # Values arrive every millisecond for three seconds from a thread of another cell.
    kernel.ok(
        "Thread feeder = new Thread(() -> {\n"
        "  for (int i = 0; i < 3000; i++) {\n"
        '    live.in("x").append(i);\n'
        "    try { Thread.sleep(1); } catch (InterruptedException e) { return; }\n"
        "  }\n"
        "});\n"
        "feeder.start();")
    time.sleep(3.5)
    updates = updates_for(kernel, started.msg_id, display_id)
    assert len(updates) >= 3, "the table keeps updating while values arrive"
    window = time.monotonic() - replied_at
    assert len(updates) <= 4 * window + 1, f"{len(updates)} updates in {window:.1f} s"
    assert re.search(r'data-status="(running|idle)"', html_of(updates[-1])), "live while fed"

    # Nothing changes now: nothing is sent.
    kernel.ok("feeder.join();")
    time.sleep(0.6)
    settled = len(updates_for(kernel, started.msg_id, display_id))
    time.sleep(1.0)
    assert len(updates_for(kernel, started.msg_id, display_id)) == settled, "updates while nothing changed"

    kernel.ok("%stop live")
    final = kernel.wait_iopub(
        started.msg_id,
        lambda m: m["msg_type"] == "update_display_data"
        and m["content"]["transient"]["display_id"] == display_id
        and "data-status=\"stopped\"" in html_of(m),
        timeout=5)
    assert final is not None, "a final update after %stop shows the graph stopped"


def test_a_throwing_part_fails_its_graph_not_the_kernel(kernel):
    kernel.ok("int boom(int x) { if (x == 2) throw new IllegalStateException(\"two is bad\"); return x; }")
    kernel.ok("%%template\nfragile(x:stream) -> y:stream {\n  y = map(in=x, function=\"boom\");\n}")
    started = kernel.ok("%assemble fragile --as fr")
    display_id = display_ids(started)[0]
    kernel.ok('fr.in("x").extend(1, 2, 3);')
    failed = kernel.wait_iopub(
        started.msg_id,
        lambda m: m["msg_type"] == "update_display_data"
        and m["content"]["transient"]["display_id"] == display_id
        and "data-status=\"failed\"" in html_of(m),
        timeout=10)
    assert failed is not None, "the live table shows the failure"
    html = html_of(failed)
    assert "map0" in html and "two is bad" in html, html
    status = kernel.ok("fr.status()")
    assert "FAILED" in status.text.upper(), status.describe()
    assert kernel.ok("1 + 1").text == "2"


def test_stop_all_leaves_no_graph_thread(kernel):
    kernel.ok(FUNCTIONS)
    kernel.ok(THESIS_TEST)
    kernel.ok("%assemble test --as s1")
    kernel.ok("%assemble test --as s2")
    kernel.ok('s1.in("x").extend(1, 2); s2.in("x").extend(3, 4);')
    listed = kernel.ok("%streams")
    assert "s1" in str(listed.messages) and "s2" in str(listed.messages), listed.describe()
    kernel.ok("%stop --all")
    deadline = time.monotonic() + 5
    while True:
        left = kernel.ok("io.iotj.magics.StreamMagics.graphThreads()").text
        if left == "0" or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert left == "0", f"graph threads left after %stop --all: {left}"


def test_second_graph_of_a_template_gets_a_fresh_name(kernel):
    kernel.ok(FUNCTIONS)
    kernel.ok(THESIS_TEST)
    first = kernel.ok("%assemble test")
    second = kernel.ok("%assemble test")
    text = str(first.messages) + str(second.messages)
    assert "test_2" in str(second.messages), text
    kernel.ok("%stop --all")


def test_parts_print_into_their_cell_and_survive_interrupts_of_other_cells(kernel):
    kernel.ok(
        "int chatty(int x) {\n"
        "  long until = System.nanoTime() + 2_000_000;\n"
        "  while (System.nanoTime() < until) { }\n"
        '  System.out.println("part saw " + x);\n'
        "  return x;\n"
        "}")
    kernel.ok("%%template\ntalk(x:stream) -> y:stream {\n  y = map(in=x, function=\"chatty\");\n}")
    started = kernel.ok("%assemble talk --as tk")
    kernel.ok(
        "Thread talker = new Thread(() -> {\n"
        "  for (int i = 0; i < 400; i++) {\n"
        '    tk.in("x").append(i);\n'
        "    try { Thread.sleep(5); } catch (InterruptedException e) { return; }\n"
        "  }\n"
        "});\n"
        "talker.start();")

    # Interrupt a busy cell while the graph's part runs a notebook method with a loop in it.
    busy = kernel.send_execute("while (true) {}")
    assert kernel.wait_iopub(busy, lambda m: m["msg_type"] == "execute_input", timeout=10)
    time.sleep(0.5)
    kernel.km.interrupt_kernel()
    assert kernel.collect(busy, timeout=10).status == "error"

    kernel.ok("talker.join();")
    kernel.ok("tk.awaitIdle(java.time.Duration.ofSeconds(20));")
    status = kernel.ok("tk.status()").text
    assert "FAILED" not in status.upper(), f"interrupting another cell failed the graph: {status}"
    count = kernel.ok('tk.out("y").count()').text
    assert count == "400", f"values lost: {count} of 400"

    kernel.drain(0.3)
    printed = "".join(m["content"]["text"] for m in kernel._pending.get(started.msg_id, [])
                      if m["msg_type"] == "stream")
    assert "part saw 0\n" in printed and "part saw 399\n" in printed, printed[-500:]
    kernel.ok("%stop tk")


def test_saved_templates_are_loaded_by_the_next_kernel(tmp_path, monkeypatch):
    from iotj_client import KernelSession
    monkeypatch.setenv("IOTJ_HOME", str(tmp_path))
    with KernelSession(log_name="magics-library-1") as first:
        saved = first.ok("%%template --save\nkept(x:stream) -> y:stream {\n  y = map(in=x, function=\"abs\");\n}")
        assert str(tmp_path / "templates" / "kept.json") in saved.stream(), saved.describe()
    assert (tmp_path / "templates" / "kept.json").is_file()
    with KernelSession(log_name="magics-library-2") as second:
        listed = second.ok("%templates")
        html = listed.result["text/html"]
        row = re.search(r"<tr><td[^>]*>kept</td>.*?</tr>", html)
        assert row and "library" in row.group(0), html[-1500:]
        shown = second.ok("%template kept")
        assert "image/svg+xml" in str(shown.messages)
        second.ok("%assemble kept --as k")
        second.ok('k.in("x").extend(-1, 2, -3); k.awaitIdle(java.time.Duration.ofSeconds(10));')
        assert second.ok('k.out("y").values()').text == "[1, 2, 3]"
        second.ok("%stop --all")


def test_values_of_assemble_are_functions_variables_numbers_and_strings(kernel):
    kernel.ok("int times_two(int x) { return 2 * x; }\n"
              "Function<Integer, Integer> inc = v -> v + 1;\n"
              "io.iotj.stream.IotStream<Integer> readings = new io.iotj.stream.IotStream<>(\"readings\");")
    kernel.ok("%%template\napply(x:stream, f:function) -> y:stream {\n  y = map(in=x, function=f);\n}")

    def run(line, var, feed, expected):
        kernel.ok(f"{line} --as {var}")
        kernel.ok(f"{feed}; {var}.awaitIdle(java.time.Duration.ofSeconds(10));")
        got = kernel.ok(f'{var}.out("y").values()').text
        assert got == expected, f"{line}: {got}"

    run("%assemble apply f=times_two", "p1", 'p1.in("x").extend(1, 2)', "[2, 4]")
    run("%assemble apply f=inc x=readings", "p2", "readings.extend(10, 20)", "[11, 21]")
    run("%assemble apply f=java.lang.Math.abs", "p3", 'p3.in("x").extend(-5, 6)', "[5, 6]")
    run('%assemble apply f="times_two"', "p4", 'p4.in("x").extend(7)', "[14]")

    typo = kernel.execute("%assemble apply f=tims_two")
    assert typo.status == "error" and "did you mean times_two" in typo.error["evalue"], typo.describe()
    missing = kernel.execute("%assemble apply x=nothing f=inc")
    assert missing.status == "error" and "no variable or function called nothing" in missing.error["evalue"]
    unknown = kernel.execute("%assemble apply g=inc")
    assert unknown.status == "error" and "has no parameter g" in unknown.error["evalue"]
    bad = kernel.execute('%assemble apply f=inc --mode fast')
    assert bad.status == "error" and "column" in bad.error["evalue"] + "".join(bad.error["traceback"])
    kernel.ok("%stop --all")


def test_assembly_problems_name_the_line_of_the_part(kernel):
    ex = kernel.execute("%%assemble --as wz\nzero_window(x:stream) -> y:stream {\n"
                        "  y = window(in=x, function=\"sum\", window_size=0, step_size=1);\n}")
    assert ex.status == "error", ex.describe()
    text = ex.error["evalue"] + "\n" + "\n".join(ex.error["traceback"])
    assert "line 3" in ex.error["evalue"] and "window_size" in text and "^" in text, text
    assert kernel.ok("1 + 1").text == "2"


def test_rerunning_an_assemble_cell_replaces_its_graph(kernel):
    kernel.ok(FUNCTIONS)
    kernel.ok(THESIS_TEST)
    kernel.ok("%assemble test --as again")
    kernel.ok('again.in("x").append(1);')
    rerun = kernel.ok("%assemble test --as again")
    assert "stopped the earlier graph again" in rerun.stream(), rerun.describe()
    kernel.ok('again.in("x").append(5); again.awaitIdle(java.time.Duration.ofSeconds(10));')
    assert kernel.ok('again.out("z").values()').text == "[(10, 5)]", "the variable holds the new graph"
    kernel.ok("%stop --all")


def test_seed_linear_regression_runs_with_notebook_train_and_predict(kernel):
    kernel.ok("import io.iotj.ml.*;\nimport io.iotj.ml.incremental.*;\nimport io.iotj.stream.WindowState;")
    kernel.ok("LinearFit train(double[][] x, double[] y, LinearFit model, WindowState window) {\n"
              "  return new LinearRegressionStream(x[0].length).train(x, y, model, window);\n}\n"
              "double predict(double[] x, double[] y, LinearFit model) { return model.predict(x); }")
    kernel.ok("%%assemble --as lr\nlinear_regression(x:stream, y:stream) -> z:stream {\n"
              "  model = train(in=x, function=\"train\", num_features=2, min_window_size=5, max_window_size=30, step_size=2);\n"
              "  z = predict(in=y, function=\"predict\", model=model, num_features=2);\n}")
    kernel.ok("Random random = new Random(12);\n"
              "for (int i = 0; i < 40; i++) { double u = random.nextGaussian(), v = random.nextGaussian();\n"
              "  lr.in(\"x\").append(new double[] {u, v, 1 + 2 * u - 3 * v}); }\n"
              "lr.awaitIdle(java.time.Duration.ofSeconds(10));\n"
              "lr.in(\"y\").extend(new double[] {1, 1, 0}, new double[] {2, 0, 0});\n"
              "lr.awaitIdle(java.time.Duration.ofSeconds(10));")
    got = kernel.ok('lr.out("z").values().stream().map(p -> String.format("%.6f", p)).toList()').text
    assert got == "[0.000000, 5.000000]", got
    kernel.ok("%stop lr")
