"""`%assemble --mode distributed`: IoTpy's test template with its parts on a remote node (a
separate process, install/iotj-node) joined through the local RabbitMQ broker, fed and read from
the notebook like any graph."""
import os
import secrets
import subprocess
import time
from pathlib import Path

import pytest

from iotj_client import ARTIFACTS, KernelSession

ROOT = Path(__file__).resolve().parents[2]
THESIS_TEST = """%%template
test(x:stream, y:stream) -> z:stream {
  a = map(in=x, function="times_two");
  b = map(in=x, function="iden");
  z = zip(in=[a, b]);
}"""


@pytest.fixture
def node(rabbitmq_url, monkeypatch):
    """A node with a secret of its own, so no other process's node or kernel mixes in."""
    secret = "magics-" + secrets.token_hex(16)
    monkeypatch.setenv("IOTJ_SECRET", secret)
    name = "magics-" + secrets.token_hex(3)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log_path = ARTIFACTS / f"node-{name}.log"
    log = open(log_path, "w")
    proc = subprocess.Popen([str(ROOT / "install" / "iotj-node"), "--broker", rabbitmq_url, "--name", name],
                            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=os.environ.copy())
    deadline = time.monotonic() + 300  # the first run builds the node with Maven
    while "ready" not in log_path.read_text():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"the node did not start:\n{log_path.read_text()[-2000:]}")
        time.sleep(0.5)
    yield rabbitmq_url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def test_seed_test_template_runs_on_a_remote_node(node):
    with KernelSession(log_name="magics-distributed") as k:
        k.ok("int times_two(int x) { return 2 * x; }\nint iden(int x) { return x; }")
        k.ok(THESIS_TEST)
        started = k.ok(f"%assemble test --as dg --mode distributed --broker {node}", timeout=60)
        assert "distributed" in str(started.messages), started.describe()
        k.ok('dg.in("x").extend(1, 2, 3);')
        k.ok('long until = System.currentTimeMillis() + 20_000;\n'
             'while (dg.out("z").count() < 3 && System.currentTimeMillis() < until) Thread.sleep(20);')
        assert k.ok('dg.out("z").values()').text == "[(2, 1), (4, 2), (6, 3)]"
        streams = k.ok("%streams")
        assert "distributed" in str(streams.messages)
        k.ok("%stop dg")
        assert "STOPPED" in k.ok("dg.status()").text


def test_distributed_mode_refuses_objects_of_notebook_variables(node):
    with KernelSession(log_name="magics-distributed-2") as k:
        k.ok("io.iotj.stream.IotStream<Integer> readings = new io.iotj.stream.IotStream<>(\"readings\");")
        k.ok("%%template\napply(x:stream, f:function) -> y:stream {\n  y = map(in=x, function=f);\n}")
        ex = k.execute(f"%assemble apply x=readings f=abs --mode distributed --broker {node}")
        assert ex.status == "error" and "cannot be sent to remote nodes" in ex.error["evalue"], ex.describe()


# -- two nodes, pinned parts, %nodes, notebook functions -------------------------------------------

def start_nodes(broker, names, secret):
    """Starts nodes that take only parts pinned to them (--pinned-only): no other kernel's
    round-robin commands reach them, and theirs reach no one else. Returns (process, log) pairs."""
    env = dict(os.environ, IOTJ_SECRET=secret)
    started = []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name in names:
        log_path = ARTIFACTS / f"node-{name}.log"
        log = open(log_path, "w")
        proc = subprocess.Popen([str(ROOT / "install" / "iotj-node"), "--broker", broker, "--name", name,
                                 "--pinned-only"],
                                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env)
        started.append((proc, log, log_path))
    deadline = time.monotonic() + 300  # the first run builds the node with Maven
    for proc, log, log_path in started:
        while "ready" not in log_path.read_text():
            if proc.poll() is not None or time.monotonic() > deadline:
                stop_nodes(started)
                pytest.fail(f"the node did not start:\n{log_path.read_text()[-2000:]}")
            time.sleep(0.3)
    return started


def stop_nodes(started):
    for proc, _, _ in started:
        proc.terminate()
    for proc, log, _ in started:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture
def two_nodes(rabbitmq_url, monkeypatch):
    """Two nodes sharing a secret of their own with the kernels of the test; yields their names."""
    secret = "nodes-" + secrets.token_hex(16)
    monkeypatch.setenv("IOTJ_SECRET", secret)
    tag = secrets.token_hex(3)
    names = [f"n1-{tag}", f"n2-{tag}"]
    started = start_nodes(rabbitmq_url, names, secret)
    yield names
    stop_nodes(started)


def wait_for(k, graph, stream, count, seconds=30):
    k.ok(f'long until = System.currentTimeMillis() + {seconds * 1000};\n'
         f'while ({graph}.out("{stream}").count() < {count} && System.currentTimeMillis() < until) Thread.sleep(20);',
         timeout=seconds + 10)


def nodes_table(k, names, until, seconds=10):
    """The text of `%nodes` once `until(rows)` holds for the rows of `names` (heartbeats come every second)."""
    deadline = time.monotonic() + seconds
    while True:
        ex = k.ok("%nodes")
        shown = [m for m in ex.messages if m["msg_type"] == "display_data"]
        assert shown, ex.describe()
        text = shown[-1]["content"]["data"]["text/plain"]
        rows = {n: line for line in text.splitlines() for n in names if line.strip().startswith(n)}
        if len(rows) == len(names) and until(rows) or time.monotonic() > deadline:
            return text, rows
        time.sleep(0.5)


def running_parts(row):
    """The `parts` count of a plain-text %nodes row: node, status, host, cores, parts, ..."""
    return int(row.split("|")[4].strip())


def test_seed_test_template_on_two_nodes_equals_threads_mode(two_nodes):
    n1, n2 = two_nodes
    with KernelSession(log_name="magics-distributed-two-nodes") as k:
        k.ok("int times_two(int x) { return 2 * x; }\nint iden(int x) { return x; }")
        k.ok(THESIS_TEST)
        k.ok("%assemble test --as tg")
        k.ok(f"%assemble test --as dg --mode distributed --nodes {n1},{n2}", timeout=60)
        k.ok('for (int i = 0; i < 2000; i++) { tg.in("x").append(i); dg.in("x").append(i); }')
        wait_for(k, "tg", "z", 2000)
        wait_for(k, "dg", "z", 2000)
        same = k.ok('dg.out("z").values().equals(tg.out("z").values()) + " " + dg.out("z").count()')
        assert same.text == 'true 2000', same.describe()

        streams = k.ok("%streams")
        row = [line for line in streams.of_type("display_data")[-1]["content"]["data"]["text/plain"].splitlines()
               if line.strip().startswith("dg ")]
        assert row and row[0].split("|")[3].strip() == "2000" and row[0].split("|")[4].strip() == "2000", \
            "%streams counts a distributed graph's values in and out:\n" + streams.describe()

        # round-robin over the two pinned nodes: the three parts are on both, and %nodes says so
        text, rows = nodes_table(k, [n1, n2], lambda rows: all(running_parts(r) > 0 for r in rows.values()))
        assert set(rows) == {n1, n2}, text
        assert sorted(running_parts(r) for r in rows.values()) == [1, 2], text
        assert all("listening" in r for r in rows.values()), text
        assert "guest:guest" not in text and "nodes on amqp://" in text, "credentials are never shown"
        k.ok("%stop --all")
        text, rows = nodes_table(k, [n1, n2], lambda rows: all(running_parts(r) == 0 for r in rows.values()))
        assert all(running_parts(r) == 0 for r in rows.values()), "stopping the graph stops its parts:\n" + text


def test_parts_pinned_to_one_node_run_there_and_an_absent_node_is_named(two_nodes):
    n1, n2 = two_nodes
    with KernelSession(log_name="magics-distributed-pinned") as k:
        k.ok("int times_two(int x) { return 2 * x; }\nint iden(int x) { return x; }")
        k.ok(THESIS_TEST)
        missing = k.execute(f"%assemble test --as bad --nodes {n1},ghost-{n2}", timeout=60)
        assert missing.status == "error", missing.describe()
        assert missing.error["ename"] == "NodeError", missing.describe()
        assert f"node ghost-{n2} is not listening" in missing.error["evalue"], missing.describe()
        assert n1 in missing.error["evalue"] and n2 in missing.error["evalue"], "the listening nodes are named"
        assert "guest:guest" not in missing.error["evalue"]

        k.ok(f"%assemble test --as dg --nodes {n2}", timeout=60)
        k.ok('dg.in("x").extend(1, 2, 3);')
        wait_for(k, "dg", "z", 3)
        assert k.ok('dg.out("z").values()').text == "[(2, 1), (4, 2), (6, 3)]"
        text, rows = nodes_table(k, [n1, n2], lambda rows: running_parts(rows[n2]) == 3)
        assert running_parts(rows[n2]) == 3 and running_parts(rows[n1]) == 0, text
        k.ok("%stop dg")


def test_a_notebook_function_using_notebook_variables_classes_and_imports_runs_on_a_node(two_nodes):
    n1, _ = two_nodes
    with KernelSession(log_name="magics-distributed-snippets") as k:
        k.ok("import java.util.function.DoubleUnaryOperator;")
        k.ok("double factor = 2.5;")
        k.ok("record Scale(double k) implements DoubleUnaryOperator {\n"
             "  public double applyAsDouble(double x) { return k * x; }\n}")
        k.ok("double offset() { return 0.5; }")
        k.ok("double scaled(double x) { DoubleUnaryOperator s = new Scale(factor); return s.applyAsDouble(x) + offset(); }")
        k.ok("%%template\nscale(x:stream) -> y:stream {\n  y = map(in=x, function=\"scaled\");\n}")
        k.ok(f"%assemble scale --as sg --nodes {n1}", timeout=60)
        k.ok('sg.in("x").extend(1.0, 2.0, 4.0);')
        wait_for(k, "sg", "y", 3)
        assert k.ok('sg.out("y").values()').text == "[3.0, 5.5, 10.5]"
        k.ok("%stop sg")


def test_nodes_magic_errors_never_show_the_password(rabbitmq_url):
    with KernelSession(log_name="magics-distributed-nodes-errors") as k:
        bad = k.execute("%nodes --broker http://alice:hunter2@127.0.0.1")
        assert bad.status == "error" and bad.error["ename"] == "UsageError", bad.describe()
        assert "amqp://" in bad.error["evalue"] and "hunter2" not in str(bad.messages), bad.describe()
        down = k.execute("%nodes --broker amqp://alice:hunter2@127.0.0.1:5999", timeout=60)
        assert down.status == "error" and down.error["ename"] == "NodeError", down.describe()
        assert "cannot reach the broker at amqp://alice:****@127.0.0.1:5999" in down.error["evalue"], down.describe()
        assert "hunter2" not in str(down.messages) and "hunter2" not in str(down.reply)
        usage = k.execute("%nodes n1")
        assert usage.status == "error" and "%nodes [--broker URI]" in usage.error["evalue"], usage.describe()
