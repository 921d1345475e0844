"""Every notebook in notebooks/ runs headless, top to bottom, without a cell error.

Each is executed with `jupyter nbconvert --execute` on the `iotj` kernel, exactly as a user's
"Run all" would; the executed copies are kept in tests/artifacts/notebooks/ to look at.
"""
import functools
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from iotj_client import ARTIFACTS, KERNEL_NAME

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
EXECUTED = ARTIFACTS / "notebooks"
CELL_TIMEOUT = int(os.environ.get("IOTJ_CELL_TIMEOUT", "120"))


@functools.lru_cache(maxsize=None)  # each notebook runs once per test session
def run_notebook(path: Path) -> dict:
    """Executes `path` with nbconvert; fails the test with nbconvert's account on any cell error."""
    jupyter = shutil.which("jupyter")
    assert jupyter, "the jupyter command is not installed"
    EXECUTED.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [jupyter, "nbconvert", "--to", "notebook", "--execute",
         f"--ExecutePreprocessor.kernel_name={KERNEL_NAME}",
         f"--ExecutePreprocessor.timeout={CELL_TIMEOUT}",
         "--output-dir", str(EXECUTED), str(path)],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30 * 60,
    )
    assert proc.returncode == 0, f"{path.name} failed:\n{proc.stderr[-4000:]}"
    return json.loads((EXECUTED / path.name).read_text())


def outputs(nb: dict) -> list:
    return [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.name)
def test_notebook_runs_without_errors(path):
    nb = run_notebook(path)
    code_cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code_cells, "a notebook without code"
    assert all(c.get("execution_count") for c in code_cells if c["source"]), "a cell did not run"
    errors = [o for o in outputs(nb) if o["output_type"] == "error"]
    assert not errors, f"cell errors: {errors}"


def test_java_tour_shows_every_kind_of_output():
    nb = run_notebook(NOTEBOOKS / "01-java-tour.ipynb")
    mimes = {m for o in outputs(nb) for m in o.get("data", {})}
    for mime in ("text/plain", "text/html", "image/svg+xml", "image/png"):
        assert mime in mimes, f"the tour shows no {mime} output"
    text = "".join("".join(o.get("text", "")) for o in outputs(nb) if o["output_type"] == "stream")
    assert "from a background thread" in text, "the background thread's output is missing from the tour"
