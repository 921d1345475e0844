"""notebooks/07-distributed.ipynb: the nodes it starts agree with threads mode and are gone when
it ends, also when a cell fails halfway (headless runs stop at the first error)."""
import json
import secrets
import shutil
import subprocess
import time
from pathlib import Path

from iotj_client import ARTIFACTS, KERNEL_NAME
from test_notebooks import NOTEBOOKS, outputs, run_notebook

DISTRIBUTED = NOTEBOOKS / "07-distributed.ipynb"


def processes_mentioning(text: str) -> list:
    """Command lines of live processes that contain `text`."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue  # ended meanwhile
        line = " ".join(a.decode(errors="replace") for a in args if a)
        if text in line:
            found.append(line)
    return found


def wait_until_gone(text: str, seconds: float = 20) -> list:
    deadline = time.monotonic() + seconds
    while (left := processes_mentioning(text)) and time.monotonic() < deadline:
        time.sleep(0.5)
    return left


def stream_text(nb: dict) -> str:
    return "".join("".join(o.get("text", "")) for o in outputs(nb) if o["output_type"] == "stream")


def test_distributed_notebook_matches_threads_shows_its_nodes_and_stops_them(rabbitmq_url):
    nb = run_notebook(DISTRIBUTED)
    text = stream_text(nb)
    assert "same outputs: 200000 pairs each" in text, text
    assert "values/s" in text and "nodes still running: 0" in text, text
    shown = "".join(o.get("data", {}).get("text/plain", "") if isinstance(o.get("data", {}).get("text/plain", ""), str)
                    else "".join(o["data"]["text/plain"]) for o in outputs(nb) if o["output_type"] == "display_data")
    assert "nb07-n1" in shown and "nb07-n2" in shown, "%nodes shows both nodes"
    assert "guest:guest" not in json.dumps(nb), "the broker's password is never shown"
    assert not wait_until_gone("--name nb07-n"), "a node of the notebook is still running"


def test_nodes_of_a_notebook_that_fails_halfway_are_stopped(rabbitmq_url):
    nb = json.loads(DISTRIBUTED.read_text())
    tag = "nbfail-" + secrets.token_hex(3)
    cells = []
    for c in nb["cells"]:
        cells.append(c)
        if c["cell_type"] == "code" and "startNode" in "".join(c["source"]):
            break
    assert cells[-1]["cell_type"] == "code", "the notebook has no cell that starts nodes"
    cells.append({"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                  "source": 'throw new IllegalStateException("a cell fails");'})
    nb["cells"] = cells
    source = json.dumps(nb).replace("nb07-n", tag + "-n")
    # inside the repository, where the notebook finds install/iotj-node
    work = ARTIFACTS / "fails-halfway"
    work.mkdir(parents=True, exist_ok=True)
    path = work / "07-fails-halfway.ipynb"
    path.write_text(source)
    run = subprocess.Popen(
        [shutil.which("jupyter"), "nbconvert", "--to", "notebook", "--execute",
         f"--ExecutePreprocessor.kernel_name={KERNEL_NAME}", "--ExecutePreprocessor.timeout=120",
         "--output-dir", str(work / "out"), str(path)],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seen = False  # the nodes really ran before the failing cell
    deadline = time.monotonic() + 600
    while run.poll() is None and time.monotonic() < deadline:
        seen = seen or bool(processes_mentioning("--name " + tag))
        time.sleep(0.2)
    if run.poll() is None:
        run.kill()
    log = run.communicate()[0]
    assert run.returncode != 0 and "a cell fails" in log, log[-3000:]
    assert seen, "the notebook's nodes never ran:\n" + log[-3000:]
    left = wait_until_gone("--name " + tag)
    assert not left, f"nodes left behind after the kernel ended: {left}"
