"""A small client for driving an installed kernel through jupyter_client in tests and benchmarks.

`KernelSession` starts a kernel by name (default: the installed `iotj`), runs code and returns
every message a request caused, keyed by the request's msg_id, so that tests can assert on
exactly what a notebook would show for that cell.
"""
from __future__ import annotations

import os
import queue
import time
from dataclasses import dataclass, field
from pathlib import Path

from jupyter_client.manager import KernelManager

KERNEL_NAME = os.environ.get("IOTJ_KERNEL", "iotj")
TIMEOUT = float(os.environ.get("IOTJ_TEST_TIMEOUT", "30"))
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@dataclass
class Execution:
    """What one execute_request produced: its reply and its iopub messages (in arrival order)."""

    msg_id: str
    reply: dict
    messages: list = field(default_factory=list)

    @property
    def status(self) -> str:
        return self.reply["content"]["status"]

    def of_type(self, msg_type: str) -> list:
        return [m for m in self.messages if m["msg_type"] == msg_type]

    def stream(self, name: str = "stdout") -> str:
        return "".join(m["content"]["text"] for m in self.of_type("stream") if m["content"]["name"] == name)

    @property
    def result(self) -> dict | None:
        """The data bundle of the execute_result, or None."""
        results = self.of_type("execute_result")
        return results[-1]["content"]["data"] if results else None

    @property
    def text(self) -> str | None:
        data = self.result
        return None if data is None else data.get("text/plain")

    @property
    def error(self) -> dict | None:
        errors = self.of_type("error")
        return errors[-1]["content"] if errors else None

    def describe(self) -> str:
        """A readable account of the execution for assertion messages."""
        lines = [f"status={self.status}"]
        if self.status == "error":
            c = self.reply["content"]
            lines.append(f"  {c.get('ename')}: {c.get('evalue')}")
        for m in self.messages:
            lines.append(f"  {m['msg_type']}: {str(m['content'])[:300]}")
        return "\n".join(lines)


class KernelSession:
    """A running kernel plus a blocking client. Use as a context manager or call close()."""

    def __init__(self, kernel_name: str = KERNEL_NAME, log_name: str | None = None):
        self.kernel_name = kernel_name
        self.km = KernelManager(kernel_name=kernel_name)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        # The kernel's own log (its stdout/stderr) is kept as a test artifact.
        self._log = open(ARTIFACTS / f"kernel-{log_name or kernel_name}.log", "a")
        self.started_at = time.perf_counter()
        self.km.start_kernel(stdout=self._log, stderr=self._log)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)
        # iopub messages read while waiting for something else, keyed by parent msg_id.
        self._pending: dict[str, list] = {}

    # -- lifecycle -------------------------------------------------------------------------
    def close(self):
        try:
            self.kc.stop_channels()
        finally:
            if self.km.has_kernel:
                self.km.shutdown_kernel(now=False)
            self._log.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def restart(self):
        self.km.restart_kernel(now=False)
        self.kc.wait_for_ready(timeout=120)
        self._pending.clear()
        self.drain()

    # -- messages --------------------------------------------------------------------------
    def drain(self, quiet_for: float = 0.2):
        """Reads and keeps iopub messages until none arrives for `quiet_for` seconds."""
        while True:
            try:
                msg = self.kc.get_iopub_msg(timeout=quiet_for)
            except queue.Empty:
                return
            self._keep(msg)

    def _keep(self, msg):
        parent = msg.get("parent_header", {}).get("msg_id")
        self._pending.setdefault(parent, []).append(msg)

    def taken(self, msg_id: str) -> list:
        """Removes and returns the iopub messages kept for request `msg_id`."""
        return self._pending.pop(msg_id, [])

    def wait_iopub(self, msg_id: str, predicate, timeout: float = TIMEOUT):
        """Waits for an iopub message of request `msg_id` satisfying `predicate`; returns it or None."""
        deadline = time.monotonic() + timeout
        for m in self._pending.get(msg_id, []):
            if predicate(m):
                return m
        while time.monotonic() < deadline:
            try:
                msg = self.kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                return None
            self._keep(msg)
            if msg.get("parent_header", {}).get("msg_id") == msg_id and predicate(msg):
                return msg
        return None

    def shell_reply(self, msg_id: str, timeout: float = TIMEOUT) -> dict:
        """The shell reply to `msg_id` (replies to other requests are dropped)."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no shell reply to {msg_id} within {timeout} s")
            msg = self.kc.get_shell_msg(timeout=remaining)
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    # -- requests --------------------------------------------------------------------------
    def send_execute(self, code: str, **kw) -> str:
        return self.kc.execute(code, **kw)

    def collect(self, msg_id: str, timeout: float = TIMEOUT, reply: dict | None = None) -> Execution:
        """Waits for the reply (unless already read) and the idle status of an execute request sent earlier."""
        reply = reply or self.shell_reply(msg_id, timeout)
        idle = self.wait_iopub(
            msg_id,
            lambda m: m["msg_type"] == "status" and m["content"]["execution_state"] == "idle",
            timeout,
        )
        if idle is None:
            raise TimeoutError(f"kernel never went idle after {msg_id}")
        msgs = [m for m in self.taken(msg_id) if m["msg_type"] not in ("status", "execute_input")]
        return Execution(msg_id, reply, msgs)

    def execute(self, code: str, timeout: float = TIMEOUT, **kw) -> Execution:
        return self.collect(self.send_execute(code, **kw), timeout)

    def ok(self, code: str, timeout: float = TIMEOUT) -> Execution:
        """Executes code that must succeed; fails with the kernel's account otherwise."""
        ex = self.execute(code, timeout)
        assert ex.status == "ok", f"cell failed:\n{code}\n{ex.describe()}"
        return ex

    def request(self, method: str, *args, timeout: float = TIMEOUT, **kw) -> dict:
        """Sends a shell request (complete, inspect, is_complete, history, kernel_info) and returns its reply."""
        msg_id = getattr(self.kc, method)(*args, **kw)
        return self.shell_reply(msg_id, timeout)
