"""The quickstart notebook in a real browser: the Debian `jupyter-notebook` server on 127.0.0.1 and
headless Debian Chromium driven by Selenium. The live table under `%assemble` must change on its
own while values arrive; a screenshot is kept in tests/artifacts/.

Skipped (with the reason) when Chromium, chromedriver or Selenium is not installed; the test
command installs them (install/test.sh).
"""
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from iotj_client import ARTIFACTS, KERNEL_NAME

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

webdriver = pytest.importorskip("selenium.webdriver", reason="python3-selenium is not installed")
if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
    pytest.skip("chromium and chromium-driver are not installed", allow_module_level=True)

FEED = """
Thread browserFeed = new Thread(() -> {
    for (int i = 1000; i < 4000; i++) {
        g.in("x").append(i);
        try { Thread.sleep(5); } catch (InterruptedException e) { return; }
    }
});
browserFeed.start();
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """A notebook server on 127.0.0.1 serving a copy of the quickstart (autosave must not touch ours)."""
    shutil.copy(NOTEBOOKS / "02-streams-quickstart.ipynb", tmp_path / "quickstart.ipynb")
    port, token = free_port(), "iotj-browser-test"
    log = open(ARTIFACTS / "notebook-server.log", "w")
    proc = subprocess.Popen(
        [shutil.which("jupyter") or "jupyter", "notebook", "--no-browser", "--allow-root",
         "--ip=127.0.0.1", f"--port={port}", f"--NotebookApp.token={token}",
         f"--notebook-dir={tmp_path}", "--NotebookApp.open_browser=False"],
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
    yield base, token
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture
def browser():
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    opts = Options()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1800"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    yield driver
    driver.quit()


def wait_for(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out after {timeout} s waiting for {what}")


def live_rows(driver):
    """The text of the data rows of graph g's live table, as the browser shows them."""
    return driver.execute_script("""
        const t = document.querySelector('.iotj-live[data-graph="g"] table');
        return t ? Array.from(t.querySelectorAll('tbody tr')).map(r => r.innerText) : null;""")


def test_quickstart_live_table_updates_in_the_browser(server, browser):
    base, token = server
    browser.get(f"{base}/notebooks/quickstart.ipynb?token={token}")
    wait_for(lambda: browser.execute_script(
        "return window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel"
        " && Jupyter.notebook.kernel.is_connected() && Jupyter.notebook.kernel.name"), 120,
        "the notebook's kernel")
    assert browser.execute_script("return Jupyter.notebook.kernel.name") == KERNEL_NAME

    # Run every cell before %streams / %stop: the graph g keeps running afterwards.
    stop_at = browser.execute_script("""
        const cells = Jupyter.notebook.get_cells();
        return cells.findIndex(c => c.cell_type === 'code' && c.get_text().startsWith('%streams'));""")
    assert stop_at > 0
    browser.execute_script(f"Jupyter.notebook.execute_cell_range(0, {stop_at});")
    wait_for(lambda: browser.execute_script("""
        const cells = Jupyter.notebook.get_cells().slice(0, arguments[0]);
        return cells.every(c => c.cell_type !== 'code' || (c.input_prompt_number && c.input_prompt_number !== '*'));""",
                                            stop_at), 180, "the cells to run")
    errors = browser.execute_script(
        "return Array.from(document.querySelectorAll('.output_error')).map(e => e.innerText)")
    assert not errors, errors

    # A feeding cell at the bottom; the table two screens up must change by itself.
    browser.execute_script("""
        const cell = Jupyter.notebook.insert_cell_at_bottom('code');
        cell.set_text(arguments[0]);
        cell.execute();""", FEED)
    first = wait_for(lambda: live_rows(browser), 30, "the live table")
    time.sleep(1.0)
    second = live_rows(browser)
    assert second and second != first, f"the live table did not change in 1 s: {first}"
    time.sleep(1.0)
    third = live_rows(browser)
    assert third != second, "the live table stopped changing while values arrived"

    # The live table is replaced at every update: find it afresh for each use.
    browser.execute_script(
        "document.querySelector('.iotj-live[data-graph=\"g\"]').scrollIntoView({block: 'center'});")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "quickstart-live-table.png"
    browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    cell = browser.execute_script(
        "return document.querySelector('.iotj-live[data-graph=\"g\"]').closest('.code_cell');")
    cell.screenshot(str(ARTIFACTS / "quickstart-live-table-cell.png"))

    # Stop the graph from the browser: the table shows it stopped.
    browser.execute_script("""
        const cell = Jupyter.notebook.insert_cell_at_bottom('code');
        cell.set_text('%stop --all');
        cell.execute();""")
    wait_for(lambda: browser.execute_script(
        "const e = document.querySelector('.iotj-live[data-graph=\"g\"]');"
        "return e && e.getAttribute('data-status') === 'stopped';"), 20, "the table to show the graph stopped")
