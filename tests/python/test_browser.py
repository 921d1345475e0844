"""Every notebook in a real browser: the Debian `jupyter-notebook` server on 127.0.0.1 and headless
Debian Chromium driven by Selenium, run top to bottom as a new user would ("Run All").

While a notebook runs, each live output (a chart or a live table) is photographed the first time it
changes by itself, and every chart, table and diagram once more at the end; the pictures go to
tests/artifacts/browser/<notebook>/. Then what can be checked in the page is checked:

- no cell error;
- every chart says what it drew (its `iotj/chart` metadata): axis titles present, tick labels no
  longer than their step needs (no floating-point noise, the same decimals on one axis);
- every template diagram fits the width of its cell, and no output needs a horizontal scroll bar;
- the quickstart's live table changes while values arrive and says `stopped` after `%stop`;
- in a fresh notebook with common mistakes, errors show as errors and a warning does not.

Skipped (with the reason) when Chromium, chromedriver or Selenium is not installed; the test
command installs them (install/test.sh).
"""
import hashlib
import json
import os
import queue
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import pytest

from iotj_client import ARTIFACTS, KERNEL_NAME

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
SHOTS = ARTIFACTS / "browser"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
RUN_TIMEOUT = int(os.environ.get("IOTJ_BROWSER_TIMEOUT", "420"))

webdriver = pytest.importorskip("selenium.webdriver", reason="python3-selenium is not installed")
if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
    pytest.skip("chromium and chromium-driver are not installed", allow_module_level=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    """A notebook server on 127.0.0.1 serving a copy of notebooks/ (autosave must not touch ours).

    The copy lives inside the repository (tests/artifacts/, not in git) so that a notebook finding
    the repository's scripts from its own folder upwards (07 starts nodes) finds them.
    """
    served = ARTIFACTS / "browser-notebooks"
    shutil.rmtree(served, ignore_errors=True)
    shutil.copytree(NOTEBOOKS, served, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    port, token = free_port(), "iotj-browser-test"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = open(ARTIFACTS / "notebook-server.log", "w")
    proc = subprocess.Popen(
        [shutil.which("jupyter") or "jupyter", "notebook", "--no-browser", "--allow-root",
         "--ip=127.0.0.1", f"--port={port}", f"--NotebookApp.token={token}",
         f"--notebook-dir={served}", "--NotebookApp.open_browser=False"],
        stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base}/api?token={token}", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("the notebook server did not start; see tests/artifacts/notebook-server.log")
            time.sleep(0.3)
    yield base, token, served
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def new_browser():
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    opts = Options()
    opts.binary_location = CHROMIUM
    # A laptop's browser window: the notebook's cells are about 1000 pixels wide.
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1400", "--force-device-scale-factor=1"):
        opts.add_argument(arg)
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)


def wait_for(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise TimeoutError(f"timed out after {timeout} s waiting for {what}")


def open_notebook(driver, base, token, name):
    driver.get(f"{base}/notebooks/{name}?token={token}")
    wait_for(lambda: driver.execute_script(
        "return window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel"
        " && Jupyter.notebook.kernel.is_connected() && Jupyter.notebook.kernel.name"), 120,
        f"the kernel of {name}")
    assert driver.execute_script("return Jupyter.notebook.kernel.name") == KERNEL_NAME


def close_notebook(driver):
    """Shuts the notebook's kernel down (its graphs and threads with it) and leaves the page."""
    driver.execute_script("Jupyter.notebook.session.delete(); window.onbeforeunload = null;")
    time.sleep(0.5)
    driver.get("about:blank")


# What changes by itself: charts (an <img> redrawn in place) and live tables. Diagrams are drawn once.
WATCHED = """
const found = [];
Jupyter.notebook.get_cells().forEach((cell, c) => {
    if (cell.cell_type !== 'code') return;
    cell.element[0].querySelectorAll('.output_area').forEach((area, o) => {
        const img = area.querySelector('.output_png img');
        const live = area.querySelector('.iotj-live');
        const diagram = area.querySelector('svg.iotj-template');
        if (img) found.push([c, o, 'chart', img.src.length + ':' + img.src.slice(-48)]);
        else if (live) found.push([c, o, 'table', live.innerText]);
        else if (diagram) found.push([c, o, 'diagram', '']);
    });
});
return found;
"""

# Still running: a code cell waits or runs, up to the first cell that failed (the kernel drops the
# requests queued behind an error, and those cells never get a number).
RUNNING = """
const cells = Jupyter.notebook.get_cells();
let end = cells.findIndex(c => c.element[0].querySelector('.output_error'));
if (end < 0) end = cells.length;
return cells.slice(0, end).some(c => c.cell_type === 'code'
    && (c.input_prompt_number === '*' || (c.get_text().trim() && c.input_prompt_number == null)));
"""


# What is photographed of each kind of output: the chart's image, the diagram, the table's area.
PICTURED = {"chart": ".output_png img", "diagram": "svg.iotj-template", "table": ".output_subarea"}


def output_element(driver, cell, output, kind):
    return driver.execute_script(
        "const a = Jupyter.notebook.get_cell(arguments[0]).element[0].querySelectorAll('.output_area')[arguments[1]];"
        "return a ? a.querySelector(arguments[2]) : null;", cell, output, PICTURED[kind])


def photograph(driver, folder, cell, output, kind, when):
    """A picture of one output, scrolled into view first."""
    element = output_element(driver, cell, output, kind)
    if element is None:
        return None
    path = folder / f"cell{cell:02d}-out{output}-{kind}-{when}.png"
    try:
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
        element.screenshot(str(path))
    except Exception:  # replaced by an update between finding and photographing: the next poll retries
        return None
    return path


def run_all(driver, folder):
    """Runs every cell; photographs each live output while it changes.

    Returns {(cell, output): (kind, number of changes seen)}. An output that changed only once is
    photographed at the end alone.
    """
    folder.mkdir(parents=True, exist_ok=True)
    driver.execute_script("Jupyter.notebook.execute_all_cells();")
    first, changes, shot = {}, {}, set()
    deadline = time.monotonic() + RUN_TIMEOUT
    time.sleep(1.0)
    while True:
        for c, o, kind, sig in driver.execute_script(WATCHED):
            key = (c, o)
            digest = hashlib.sha1(sig.encode()).hexdigest()
            if key not in first:
                first[key] = (kind, digest)
                changes[key] = (kind, 0, digest)
                continue
            k, n, last = changes[key]
            if digest != last:
                changes[key] = (kind, n + 1, digest)
                # The second change: the output has content and is still moving.
                if n + 1 >= 2 and key not in shot and kind != "diagram" \
                        and photograph(driver, folder, c, o, kind, "live"):
                    shot.add(key)
        if not driver.execute_script(RUNNING):
            break
        if time.monotonic() > deadline:
            raise TimeoutError(f"the notebook did not finish in {RUN_TIMEOUT} s")
        time.sleep(0.4)
    time.sleep(1.5)  # the last updates of live displays (at most four a second, a final one at stop)
    return {key: (kind, n) for key, (kind, n, _) in changes.items()}


def photograph_all(driver, folder):
    for c, o, kind, _ in driver.execute_script(WATCHED):
        photograph(driver, folder, c, o, kind, "final")


def cell_errors(driver):
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('.output_error')).map(e => e.innerText.slice(0, 800))")


def chart_descriptions(driver):
    """The `iotj/chart` metadata of every chart output, as the page holds it now: [(cell, description)]."""
    return driver.execute_script("""
        const found = [];
        Jupyter.notebook.get_cells().forEach((cell, c) => {
            if (cell.cell_type !== 'code') return;
            cell.output_area.outputs.forEach(o => {
                const d = o.metadata && o.metadata['iotj/chart'];
                if (d) found.push([c, d]);
            });
        });
        return found;""")


def overflowing(driver):
    """Outputs wider than their cell (they would need a horizontal scroll bar), and diagrams wider
    than the output area they are drawn in."""
    return driver.execute_script("""
        const wide = [];
        document.querySelectorAll('.output_subarea').forEach(a => {
            if (a.scrollWidth > a.clientWidth + 1) wide.push('output ' + a.scrollWidth + ' > ' + a.clientWidth
                + ': ' + a.innerText.slice(0, 60));
        });
        document.querySelectorAll('svg.iotj-template').forEach(s => {
            const area = s.closest('.output_subarea');
            const w = s.getBoundingClientRect().width;
            if (w > area.clientWidth + 1) wide.push('diagram ' + s.getAttribute('data-template') + ' ' + w
                + ' > ' + area.clientWidth);
        });
        return wide;""")


# --- what a tick label may be

UNIT = re.compile(r"(e-?\d+|[MGT])$")


def shortest_problems(labels):
    """Why these labels of one axis are longer than their values need, or [] when they are not.

    Numbers: every label has the decimals of the step between ticks, no more, no fewer (zero may
    be written 0), one unit on the axis, at most 9 characters. Times: hh:mm(:ss) or m:ss forms.
    """
    if len(labels) < 2:
        return []
    if all(re.fullmatch(r"\d{1,2}(:\d\d){1,2}(\.\d)?|\d\d-\d\d( \d\d:\d\d)?|\d{4}-\d\d-\d\d", t) for t in labels):
        return []
    problems = []
    units = {UNIT.search(t).group(1) if UNIT.search(t) else "" for t in labels if t != "0"}
    if len(units) > 1:
        problems.append(f"several units {units}")
    values = []
    for t in labels:
        if len(t) > 9:
            problems.append(f"{t!r} is longer than 9 characters")
        m = UNIT.search(t)
        digits = t.replace(",", "")[: len(t.replace(",", "")) - (len(m.group(1)) if m else 0)]
        try:
            values.append(Decimal(digits))
        except ArithmeticError:
            return problems + [f"{t!r} is not a number"]
    step = abs(values[2 % len(values)] - values[1]).normalize()
    decimals = max(0, -step.as_tuple().exponent)
    for t, v in zip(labels, values):
        if t != "0" and max(0, -v.as_tuple().exponent) != decimals:
            problems.append(f"{t!r} has not the {decimals} decimals of the step {step}")
    return problems


def chart_problems(description):
    problems = []
    if not description.get("x_title"):
        problems.append("no x axis title")
    problems += [f"x axis: {p}" for p in shortest_problems(description.get("x_ticks", []))]
    for i, panel in enumerate(description.get("panels", [])):
        if not panel.get("y_title"):
            problems.append(f"panel {i}: no y axis title")
        problems += [f"panel {i} y axis: {p}" for p in shortest_problems(panel.get("y_ticks", []))]
    return problems


def test_tick_label_check_catches_noise_and_uneven_decimals():
    """The checks below would fail on what charts showed before (issue 17)."""
    assert shortest_problems(["0", "137.60000000000002", "275.20000000000005"])
    assert shortest_problems(["12,345.6", "12,346", "12,346.4"])
    assert not shortest_problems(["0.0025", "0.0030", "0.0035"])
    assert not shortest_problems(["0:00", "1:00", "2:00"])
    assert not shortest_problems(["0", "20M", "40M", "60M"])


def visit(driver, base, token, name):
    """Runs notebook `name` in `driver` and returns what the tests check, read from the page."""
    open_notebook(driver, base, token, name)
    folder = SHOTS / name.removesuffix(".ipynb")
    shutil.rmtree(folder, ignore_errors=True)
    try:
        seen = run_all(driver, folder)
        found = {"seen": seen, "errors": cell_errors(driver), "charts": chart_descriptions(driver),
                 "wide": overflowing(driver)}
        photograph_all(driver, folder)
        if name.startswith("02-"):
            table = driver.execute_script("return document.querySelector('.iotj-live[data-graph=\"g\"]');")
            found["status"] = table.get_attribute("data-status") if table else None
            if table:
                # The notebook's picture of its live table (notebooks/images/, copied there by hand
                # after looking at it): the table once the notebook has run to the end, cut to size.
                driver.execute_script("arguments[0].style.display = 'inline-block';"
                                      "arguments[0].style.padding = '6px 10px';"
                                      "arguments[0].scrollIntoView({block: 'center'});", table)
                table.screenshot(str(ARTIFACTS / "quickstart-live-table.png"))
        return found
    finally:
        close_notebook(driver)


def make_mistakes(driver, base, token, served):
    """A fresh notebook with common mistakes, run one cell at a time; what each cell shows."""
    cells = [{"cell_type": "code", "metadata": {}, "source": src, "outputs": [], "execution_count": None}
             for _, src, _ in MISTAKES]
    nb = {"cells": cells, "metadata": json.loads((NOTEBOOKS / "01-java-tour.ipynb").read_text())["metadata"],
          "nbformat": 4, "nbformat_minor": 5}
    (served / "mistakes.ipynb").write_text(json.dumps(nb))
    open_notebook(driver, base, token, "mistakes.ipynb")
    folder = SHOTS / "mistakes"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        for i, (what, _, _) in enumerate(MISTAKES):
            # One at a time: after an error the kernel drops the requests queued behind it.
            driver.execute_script("Jupyter.notebook.get_cell(arguments[0]).execute();", i)
            wait_for(lambda: driver.execute_script(
                "const p = Jupyter.notebook.get_cell(arguments[0]).input_prompt_number;"
                "return p != null && p !== '*';", i), 60, f"the {what} cell to run")
            time.sleep(0.3)
            cell = driver.execute_script("return Jupyter.notebook.get_cell(arguments[0]).element[0];", i)
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", cell)
            cell.screenshot(str(folder / f"cell{i}-{what}.png"))
        return driver.execute_script("""
            return Jupyter.notebook.get_cells().map(c => Array.from(c.element[0].querySelectorAll('.output_area'))
                .map(a => ({error: !!a.querySelector('.output_error'), stderr: !!a.querySelector('.output_stderr'),
                            red: !!a.querySelector('[class*="ansi-red"]'),
                            yellow: !!a.querySelector('[class*="ansi-yellow"]'), text: a.innerText})));""")
    finally:
        close_notebook(driver)


# (what, the cell, a phrase its output says once)
MISTAKES = [
    ("compile", 'int count = "three";', "incompatible types"),
    ("exception", "Object o = null;\no.toString();", "NullPointerException"),
    ("template", "%%template\nbroken(x:stream) -> y:stream {\n  y = map(in=x, function=\"twice\";\n}", "expected ')'"),
    ("warning", "%%template\nunused(x:stream, extra:stream) -> y:stream {\n  y = map(in=x, function=\"iden\");\n}",
     "'extra'"),
]
NAMES = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
# Browsers running notebooks side by side: most notebooks wait on sleeps and graphs much of the
# time, so two at once take about half as long as one after the other, even on two cores.
WORKERS = int(os.environ.get("IOTJ_BROWSERS", "2"))


def selected(request):
    """The notebooks whose tests run in this session (all, unless pytest -k chose some), and
    "mistakes" when the mistakes test runs."""
    chosen = set()
    for item in request.session.items:
        if item.module is request.module:
            params = getattr(getattr(item, "callspec", None), "params", {})
            chosen.add(params.get("name", "mistakes" if "mistakes" in item.name else None))
    return chosen - {None}


@pytest.fixture(scope="module")
def visits(request, server):
    """Every selected notebook (and the mistakes notebook) run in the browser, WORKERS at a time:
    name -> what the page showed, or the exception that stopped the run."""
    base, token, served = server
    wanted = selected(request)
    jobs = queue.Queue()
    # The longest first, so that the workers finish together.
    for name in sorted(NAMES, key=lambda n: -(NOTEBOOKS / n).stat().st_size):
        if name in wanted:
            jobs.put(name)
    if "mistakes" in wanted:
        jobs.put("mistakes")
    found = {}

    def work():
        driver = new_browser()
        try:
            while True:
                try:
                    name = jobs.get_nowait()
                except queue.Empty:
                    return
                try:
                    found[name] = (make_mistakes(driver, base, token, served) if name == "mistakes"
                                   else visit(driver, base, token, name))
                except Exception as e:  # reported by the test of that notebook
                    found[name] = e
        finally:
            driver.quit()

    with ThreadPoolExecutor(WORKERS) as pool:
        for f in [pool.submit(work) for _ in range(min(WORKERS, jobs.qsize()))]:
            f.result()
    return found


def visited(visits, name):
    got = visits.get(name)
    if isinstance(got, Exception):
        raise AssertionError(f"{name} did not run in the browser: {got!r}") from got
    assert got is not None, f"{name} was not run"
    return got


@pytest.mark.parametrize("name", NAMES)
def test_notebook_in_the_browser(name, visits):
    found = visited(visits, name)
    assert not found["errors"], f"cell errors in {name}: {found['errors']}"
    for cell, d in found["charts"]:
        problems = chart_problems(d)
        assert not problems, f"{name}, the chart of cell {cell} ({d.get('title')!r}): {problems}\n{json.dumps(d)}"
    assert not found["wide"], f"{name}: outputs wider than their cell: {found['wide']}"
    source = (NOTEBOOKS / name).read_text()
    if re.search(r"\bplot\(|lineChart\(|scatterChart\(|anomalyChart\(", source):
        assert found["charts"], f"{name} draws charts that do not say what they draw (iotj/chart metadata)"
    if name.startswith("02-"):
        tables = [n for kind, n in found["seen"].values() if kind == "table"]
        assert tables and max(tables) >= 2, f"the live table changed by itself while values arrived: {found['seen']}"
        assert found["status"] == "stopped", "the table shows the graph stopped after %stop"


def test_common_mistakes_look_like_errors_and_a_warning_does_not(visits):
    """Errors in the error box, coloured (the error's name and the caret in red), each said once, with
    the user's names; a warning in yellow on the cell's output, neither in the error box nor in the
    red stderr box."""
    styled = visited(visits, "mistakes")
    for i, (what, _, phrase) in enumerate(MISTAKES):
        outs = styled[i]
        text = "\n".join(o["text"] for o in outs)
        assert "$JShell" not in text and "REPL." not in text, f"JShell's internal names in the {what} output: {text}"
        if what == "warning":
            assert not any(o["error"] or o["stderr"] for o in outs), f"a warning styled as an error: {outs}"
            assert any(o["yellow"] for o in outs), f"the warning is not marked in yellow: {outs}"
            assert phrase in text, f"the warning names the unused input: {outs}"
        else:
            errors = [o for o in outs if o["error"]]
            assert errors, f"the {what} mistake is not shown as an error: {outs}"
            assert any(o["red"] for o in errors), f"the {what} error is not coloured: {outs}"
            assert text.count(phrase) == 1, f"the {what} error is said {text.count(phrase)} times: {text}"
