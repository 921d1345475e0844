"""What Java notebook users expect of their kernel (issue 13), through jupyter_client: a cell
cannot end the kernel, is_complete tells the truth, display honours the types asked for, %vars
lists the session."""
import re
import time


def error_text(ex) -> str:
    err = ex.error or {}
    return (err.get("ename", "") + ": " + err.get("evalue", "") + "\n" + "\n".join(err.get("traceback", [])))


def test_system_exit_runtime_exit_and_halt_end_the_cell_not_the_kernel(kernel):
    kernel.ok("int survivor = 41;")
    for call in ("System.exit(3);", "Runtime.getRuntime().exit(4);", "Runtime.getRuntime().halt(5);",
                 "IntConsumer quit = System::exit; quit.accept(6);"):
        ex = kernel.execute(call)
        assert ex.status == "error", ex.describe()
        assert "ExitRefusedError" in ex.error["ename"], ex.describe()
        assert "was refused" in ex.error["evalue"] and "cannot end the kernel" in ex.error["evalue"], ex.describe()
        assert kernel.km.is_alive(), f"{call} ended the kernel"
    assert kernel.ok("survivor + 1").text == "42"


def test_a_thread_started_by_a_cell_cannot_exit_either(kernel):
    started = kernel.ok("new Thread(() -> { try { Thread.sleep(200); } catch (InterruptedException e) {} "
                        "System.exit(7); }).start();")
    said = kernel.wait_iopub(started.msg_id, lambda m: m["msg_type"] == "stream"
                             and "System.exit(7) was refused" in m["content"]["text"], timeout=15)
    assert said is not None, "the thread's refused exit is reported in the cell that started it"
    time.sleep(0.3)
    assert kernel.km.is_alive()
    assert kernel.ok("6 * 7").text == "42"


def test_a_graph_calling_a_method_that_halts_fails_and_other_graphs_run_on(kernel):
    kernel.ok("int shaky(int x) { if (x == 3) Runtime.getRuntime().halt(1); return x * 10; }\n"
              "int calm(int x) { return x + 1; }")
    kernel.ok("%%template\nshakyMap(x:stream) -> y:stream {\n  y = map(in=x, function=\"shaky\");\n}")
    kernel.ok("%%template\ncalmMap(x:stream) -> y:stream {\n  y = map(in=x, function=\"calm\");\n}")
    kernel.ok("%assemble shakyMap --as shakyGraph")
    kernel.ok("%assemble calmMap --as calmGraph")
    kernel.ok('shakyGraph.in("x").extend(1, 2, 3, 4); calmGraph.in("x").extend(1, 2);')
    deadline = time.monotonic() + 20
    status = ""
    while time.monotonic() < deadline:
        status = kernel.ok("shakyGraph.status().toString()").text
        if "FAILED" in status:
            break
        time.sleep(0.2)
    assert "FAILED" in status and "Runtime.halt(1) was refused" in status, status
    assert kernel.km.is_alive()
    kernel.ok("calmGraph.awaitIdle(java.time.Duration.ofSeconds(10));")
    assert kernel.ok('calmGraph.out("y").values()').text == "[2, 3]"
    assert "FAILED" not in kernel.ok("calmGraph.status().toString()").text
    kernel.ok("%stop --all")


def is_complete(kernel, code):
    return kernel.request("is_complete", code)["content"]


def test_is_complete_tells_the_truth(kernel):
    assert is_complete(kernel, "int 1x = 3;")["status"] == "invalid"
    assert is_complete(kernel, "int f() { return 1 }")["status"] == "invalid"
    assert is_complete(kernel, "int x = 3;")["status"] == "complete"
    assert is_complete(kernel, "Undefined u = new Undefined();")["status"] == "complete", \
        "unknown names are for the compiler, not for is_complete"
    reply = is_complete(kernel, "void loop() {\n    for (int i = 0; i < 3; i++) {")
    assert reply["status"] == "incomplete" and reply["indent"] == "        ", reply


def test_display_shows_the_types_asked_for_or_says_why_not(kernel):
    shown = kernel.ok('display("<b>x</b>", "text/html");')
    data = shown.of_type("display_data")[0]["content"]["data"]
    assert data == {"text/html": "<b>x</b>"}, data
    bad = kernel.execute('display(42, "image/png");')
    assert bad.status == "error", bad.describe()
    assert "image/png" in bad.error["evalue"] and "java.lang.Integer" in bad.error["evalue"], bad.describe()
    assert not bad.of_type("display_data"), "nothing is shown when the type cannot be honoured"


def test_vars_lists_variables_with_type_and_short_value_and_graphs_with_status(kernel):
    kernel.ok('String station = "north";\ndouble[] readings = {1.5, 2.5, 3.5};\n'
              "List<Integer> ids = new ArrayList<>(List.of(7, 8));")
    kernel.ok("int twice(int x) { return 2 * x; }")
    kernel.ok("%%template\ntwiceMap(x:stream) -> y:stream {\n  y = map(in=x, function=\"twice\");\n}")
    kernel.ok("%assemble twiceMap --as doubler")
    kernel.ok('doubler.in("x").append(1); doubler.awaitIdle(java.time.Duration.ofSeconds(10));')
    table = kernel.ok("%vars")
    html = table.result["text/html"]
    rows = {cells[0]: cells[1:] for cells in (
        [re.sub("<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
        for row in re.findall(r"<tr>(.*?)</tr>", html)) if cells}
    assert rows["station"] == ["String", "&quot;north&quot;"], rows
    assert rows["readings"] == ["double[]", "double[3] {1.5, 2.5, 3.5}"], rows
    assert rows["ids"][1] == "ArrayList of 2 [7, 8]", rows
    assert rows["doubler"][1].startswith("idle (threads graph"), rows
    assert "station" in table.text and "double[3]" in table.text, table.describe()
    kernel.ok("doubler.stop();")
    after = kernel.ok("%vars").result["text/html"]
    assert "stopped (threads graph" in after, after


def test_unknown_magic_is_a_clear_error_and_the_session_is_unchanged(kernel):
    kernel.ok("int kept = 5;")
    ex = kernel.execute("%mavn com.example:x:1")
    assert ex.status == "error", ex.describe()
    assert "%mavn is not a magic" in ex.error["evalue"], ex.describe()
    assert kernel.ok("kept").text == "5"
