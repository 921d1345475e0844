"""`%assemble --mode distributed`: the seed's test template with its parts on a remote node (a
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
SEED_TEST = """%%template
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
        k.ok(SEED_TEST)
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
        k.ok("io.iotj.stream.Stream<Integer> readings = new io.iotj.stream.Stream<>(\"readings\");")
        k.ok("%%template\napply(x:stream, f:function) -> y:stream {\n  y = map(in=x, function=f);\n}")
        ex = k.execute(f"%assemble apply x=readings f=abs --mode distributed --broker {node}")
        assert ex.status == "error" and "cannot be sent to remote nodes" in ex.error["evalue"], ex.describe()
