"""Latency of the installed `iotj` kernel as a notebook feels it. A benchmark: prints figures, never fails on them.

    /usr/bin/python3 tests/bench/latency.py [--runs 50] [--kernel iotj]

Figures: kernel start to the first kernel_info reply; the first `1 + 1`; the median (and p90)
execute round trip of `1 + 1` (request sent to reply received, and to the kernel going idle);
complete, is_complete (of complete code) and kernel_info medians. Then, in the same run, JShell's own
`eval("1 + 1")` in a plain JVM started with the kernelspec's flags (`JShellEvalBenchmark`): the floor
under the kernel's round trip, and what the kernel adds to it. The targets are printed beside the
figures, and the flags used.
"""
import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "python"))
from jupyter_client.kernelspec import KernelSpecManager  # noqa: E402
from jupyter_client.manager import KernelManager  # noqa: E402

from iotj_client import ARTIFACTS  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def wait_reply(kc, msg_id, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        msg = kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def wait_idle(kc, msg_id, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            return


def drain(kc):
    while True:
        try:
            kc.get_iopub_msg(timeout=0.05)
        except queue.Empty:
            return


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


JSHELL_EVAL = Path(__file__).resolve().parent / "java/io/iotj/bench/JShellEvalBenchmark.java"
CACHE_FLAGS = ("-XX:AOTCache=", "-XX:SharedArchiveFile=", "-XX:+AutoCreateSharedArchive")


def kernel_flags(kernel):
    """The java command and JVM flags of the installed kernelspec (its start-up cache flag left out:
    that cache belongs to the kernel's class path)."""
    spec = KernelSpecManager().get_kernel_spec(kernel)
    argv = json.loads((Path(spec.resource_dir) / "kernel.json").read_text())["argv"]
    flags = [a for a in argv[1:argv.index("-cp")] if not a.startswith(CACHE_FLAGS)]
    return argv[0], flags


def jshell_eval(java, flags, runs):
    """JShell's own eval("1 + 1") in a fresh JVM with these flags: (median, p90, first) in seconds."""
    out = subprocess.run([java, *flags, str(JSHELL_EVAL), "--runs", str(runs)], capture_output=True,
                         text=True, timeout=300)
    line = next((l for l in out.stdout.splitlines() if l.startswith("jshell eval ")), None)
    if line is None:
        raise RuntimeError(f"JShellEvalBenchmark printed no figure: {out.stdout}{out.stderr}")
    median, p90, first = (float(x) / 1000 for x in line.split()[2:5])
    return median, p90, first


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=50, help="requests per figure (default 50)")
    ap.add_argument("--kernel", default=os.environ.get("IOTJ_KERNEL", "iotj"))
    args = ap.parse_args()

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = open(ARTIFACTS / "kernel-bench.log", "a")
    km = KernelManager(kernel_name=args.kernel)
    t0 = time.perf_counter()
    km.start_kernel(stdout=log, stderr=log)
    kc = km.client()
    kc.start_channels()
    # Sent at once: ZeroMQ holds it until the kernel binds, so the reply time is start-to-ready.
    wait_reply(kc, kc.kernel_info(), timeout=120)
    start_to_info = time.perf_counter() - t0
    try:
        drain(kc)
        t = time.perf_counter()
        mid = kc.execute("1 + 1")
        wait_reply(kc, mid)
        first_exec = time.perf_counter() - t
        start_to_first = time.perf_counter() - t0
        wait_idle(kc, mid)

        reply_times, idle_times = [], []
        for _ in range(args.runs):
            drain(kc)
            t = time.perf_counter()
            mid = kc.execute("1 + 1")
            wait_reply(kc, mid)
            reply_times.append(time.perf_counter() - t)
            wait_idle(kc, mid)
            idle_times.append(time.perf_counter() - t)

        complete_times = []
        kc.execute("String sensorName = \"north\";")
        drain(kc)
        for _ in range(args.runs):
            t = time.perf_counter()
            wait_reply(kc, kc.complete("sensorName.toUpp"))
            complete_times.append(time.perf_counter() - t)

        # Complete code is checked by javac's parser too (is it valid?): the answer must stay quick.
        cell = ("double scale(double x) { return 2 * x; }\n"
                "for (int i = 0; i < 3; i++) { System.out.println(scale(i)); }\n"
                "List<String> names = new ArrayList<>();")
        is_complete_times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            r = wait_reply(kc, kc.is_complete(cell))
            is_complete_times.append(time.perf_counter() - t)
            assert r["content"]["status"] == "complete", r["content"]

        info_times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            wait_reply(kc, kc.kernel_info())
            info_times.append(time.perf_counter() - t)
    finally:
        kc.stop_channels()
        t = time.perf_counter()
        km.shutdown_kernel(now=False)
        shutdown = time.perf_counter() - t
        log.close()

    java, flags = kernel_flags(args.kernel)
    js_median, js_p90, js_first = jshell_eval(java, flags, args.runs)
    median = statistics.median(reply_times)
    rows = [
        ("kernel start -> kernel_info reply", ms(start_to_info), "<= 800 ms"),
        ("first execute `1 + 1` (reply)", ms(first_exec), "<= 500 ms"),
        ("kernel start -> first `1 + 1` result", ms(start_to_first), ""),
        (f"execute `1 + 1` median of {args.runs} (reply)", ms(median), ""),
        (f"JShell's own eval(\"1 + 1\") median, same flags", ms(js_median), ""),
        ("  the kernel adds", ms(median - js_median), "<= 5 ms"),
        ("JShell's own first eval, same flags", ms(js_first), ""),
        (f"execute `1 + 1` p90 (reply)", ms(percentile(reply_times, 90)), ""),
        (f"execute `1 + 1` median (until idle)", ms(statistics.median(idle_times)), ""),
        (f"complete median of {args.runs}", ms(statistics.median(complete_times)), "<= 20 ms"),
        (f"is_complete (complete 3-line cell) median of {args.runs}", ms(statistics.median(is_complete_times)),
         "<= 20 ms"),
        (f"kernel_info median of {args.runs}", ms(statistics.median(info_times)), ""),
        ("shutdown", ms(shutdown), ""),
    ]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"iotj latency benchmark (kernel {args.kernel!r}, {os.cpu_count()} cores, load average {load})")
    print(f"  JVM flags (kernel.json, start-up cache flag aside): {' '.join(flags) or '(none)'}")
    for name, value, target in rows:
        print(f"  {name:<46} {value}   {('target ' + target) if target else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
