"""What a notebook user sees, checked through jupyter_client: interrupt, late output, display
updates, output bursts, restart."""
import time

# Interrupt must end a CPU-bound cell this fast (seconds, from the interrupt request to the reply).
INTERRUPT_LIMIT = 1.0


def test_interrupt_stops_busy_loop_and_keeps_variables(kernel):
    kernel.ok("int keep = 41;")
    msg_id = kernel.send_execute("while (true) {}")
    # Let the loop really start before interrupting it.
    busy = kernel.wait_iopub(msg_id, lambda m: m["msg_type"] == "execute_input", timeout=10)
    assert busy is not None, "the loop cell never started"
    time.sleep(0.3)

    asked = time.monotonic()
    kernel.km.interrupt_kernel()
    reply = kernel.shell_reply(msg_id, timeout=10)
    took = time.monotonic() - asked
    ex = kernel.collect(msg_id, reply=reply)

    assert reply["content"]["status"] == "error", ex.describe()
    assert ex.error is not None, f"an interrupted cell shows an error:\n{ex.describe()}"
    assert took <= INTERRUPT_LIMIT, f"interrupt took {took:.3f} s (limit {INTERRUPT_LIMIT} s)"

    after = kernel.ok("keep + 1")
    assert after.text == "42", after.describe()


def test_output_of_background_thread_after_cell_ended_reaches_its_cell(kernel):
    code = (
        "new Thread(() -> {\n"
        "    try { Thread.sleep(500); } catch (InterruptedException e) { return; }\n"
        '    System.out.println("late hello from a thread");\n'
        "}).start();"
    )
    started = kernel.ok(code)
    assert "late hello" not in started.stream(), "the thread printed before its cell ended"

    # Another cell runs meanwhile; the late text must still go to the cell that started the thread.
    other = kernel.ok("int meanwhile = 1;")
    late = kernel.wait_iopub(
        started.msg_id,
        lambda m: m["msg_type"] == "stream" and "late hello from a thread" in m["content"]["text"],
        timeout=10,
    )
    assert late is not None, "the background thread's output never reached its cell"
    assert late["content"]["name"] == "stdout"
    stray = [m for m in kernel.taken(other.msg_id) + other.messages if m["msg_type"] == "stream"]
    assert not any("late hello" in m["content"]["text"] for m in stray), "late output went to the wrong cell"


def test_display_then_update_display_share_a_display_id(kernel):
    shown = kernel.ok('String shownId = display(html("<b>first</b>"));')
    displays = shown.of_type("display_data")
    assert len(displays) == 1, shown.describe()
    display_id = displays[0]["content"]["transient"]["display_id"]
    assert display_id, "display_data carries a display id"
    assert "first" in displays[0]["content"]["data"]["text/html"]

    updated = kernel.ok('updateDisplay(shownId, html("<b>second</b>"));')
    updates = updated.of_type("update_display_data")
    assert len(updates) == 1, updated.describe()
    assert updates[0]["content"]["transient"]["display_id"] == display_id
    assert "second" in updates[0]["content"]["data"]["text/html"]

    same = kernel.ok("shownId")
    assert display_id in same.text, "display(...) returns the id it sent"


def test_burst_of_printlns_arrives_complete_in_order_and_batched(kernel):
    n = 2000
    ex = kernel.ok(f'for (int i = 0; i < {n}; i++) System.out.println("line " + i);')
    expected = "".join(f"line {i}\n" for i in range(n))
    streams = [m for m in ex.of_type("stream") if m["content"]["name"] == "stdout"]
    assert ex.stream("stdout") == expected, "output lost, duplicated or reordered"
    assert len(streams) <= n // 20, f"{n} printlns became {len(streams)} stream messages"


def test_stdout_and_stderr_keep_their_names(kernel):
    ex = kernel.ok('System.out.println("to out"); System.err.println("to err");')
    assert ex.stream("stdout") == "to out\n"
    assert ex.stream("stderr") == "to err\n"


def test_failing_cell_does_not_break_later_cells(kernel):
    bad = kernel.execute("int broken = ;")
    assert bad.status == "error", bad.describe()
    kernel.ok("int fine = 5;")
    assert kernel.ok("fine * 2").text == "10"


def test_inspect_shows_signature_and_javadoc(kernel):
    code = "Math.max("
    reply = kernel.request("inspect", code, len(code))["content"]
    assert reply["status"] == "ok" and reply["found"], reply
    text = reply["data"]["text/plain"]
    assert "Math.max(int a, int b)" in text, text
    assert "greater of two" in text, "the Javadoc is missing"

    bare = "System.out.println"
    reply = kernel.request("inspect", bare, len(bare))["content"]
    assert reply["found"], "a method named without '(' is found too"
    assert "println" in reply["data"]["text/plain"]


def test_completion_offers_user_names_and_replaces_the_typed_prefix(kernel):
    kernel.ok("double greenhouseTemp = 21.5;")
    code = "Math.abs(greenhouseT"
    reply = kernel.request("complete", code, len(code))["content"]
    assert reply["status"] == "ok"
    assert "greenhouseTemp" in reply["matches"], reply
    assert code[reply["cursor_start"]:reply["cursor_end"]] == "greenhouseT", reply


def test_restart_forgets_variables_and_answers(fresh_kernel):
    fresh_kernel.ok("int forgotten = 5;")
    assert fresh_kernel.ok("forgotten").text == "5"

    fresh_kernel.restart()

    info = fresh_kernel.request("kernel_info")
    assert info["content"]["status"] == "ok"
    gone = fresh_kernel.execute("forgotten")
    assert gone.status == "error", f"a variable survived the restart:\n{gone.describe()}"
    assert fresh_kernel.ok("1 + 1").text == "2"
