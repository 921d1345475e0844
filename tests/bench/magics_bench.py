"""The stream magics' costs as a notebook feels them. A benchmark: prints figures, never fails on them.

    /usr/bin/python3 tests/bench/magics_bench.py [--runs 20] [--seconds 5] [--rate 100000]

Figures:
  * start to first value: from the moment `%assemble` begins to the first value in an output
    stream, measured inside the kernel with System.nanoTime (a source template, and IoTpy's
    `test` template fed one value right after assembly). Target: <= 50 ms (Flink's local engine
    needs about 0.8 s to start a job on this kind of machine).
  * the %assemble cell's round trip as the client sees it (request sent to reply received).
  * the live table at a steady input rate (default 100k values/s for 5 s): CPU time of the
    thread that renders and sends the live tables, the kernel's whole CPU time, the number of
    update_display_data messages, and the heap after GC before and after (it must stay flat).
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "python"))
from iotj_client import ARTIFACTS, KernelSession  # noqa: E402

SETUP = """
int times_two(int x) { return 2 * x; }
int iden(int x) { return x; }
long stamp() { return System.nanoTime(); }
var threadMx = java.lang.management.ManagementFactory.getThreadMXBean();
var osMx = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
long heapAfterGc() {
    for (int i = 0; i < 3; i++) System.gc();
    var m = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return m.getUsed();
}
long displayCpu() {
    for (Thread t : Thread.getAllStackTraces().keySet())
        if (t.getName().equals("iotj-live-display")) return threadMx.getThreadCpuTime(t.threadId());
    return 0;
}
"""

TEMPLATES = """%%template
test(x:stream, y:stream) -> z:stream {
  a = map(in=x, function="times_two");
  b = map(in=x, function="iden");
  z = zip(in=[a, b]);
}
ones() -> y:stream {
  y = source(function="stamp", time_interval=0, stream_length=1);
}"""


def first_value_cell(template, var, feed):
    """The source's value is the time it was made, so the later snippets' compile time is left out;
    the test template's first output is timed when seen (it includes compiling the feeding line)."""
    end = (f"((long) {var}.out(\"y\").values().get(0) - t0_{var}) / 1e6" if template == "ones"
           else f"(System.nanoTime() - t0_{var}) / 1e6")
    return (f"long t0_{var} = System.nanoTime();\n"
            f"%assemble {template} --as {var}\n"
            f"{feed}"
            f"while ({var}.out(\"{'z' if template == 'test' else 'y'}\").count() == 0) Thread.onSpinWait();\n"
            f"{end}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--rate", type=int, default=100_000)
    args = ap.parse_args()
    out = []

    def say(line=""):
        print(line, flush=True)
        out.append(line)

    with KernelSession(log_name="magics-bench") as k:
        k.ok(SETUP)
        k.ok(TEMPLATES)
        for name, template, feed in (("source template", "ones", ""),
                                     ("test template + one value", "test", None)):
            times, trips = [], []
            for i in range(args.runs):
                var = f"b{template}{i}"
                f = feed if feed is not None else f"{var}.in(\"x\").append(1);\n"
                sent = time.perf_counter()
                ex = k.ok(first_value_cell(template, var, f), timeout=60)
                trips.append(time.perf_counter() - sent)
                times.append(float(ex.text))
                k.ok(f"%stop {var}")
            say(f"%assemble to first output value, {name} ({args.runs} runs): "
                f"median {statistics.median(times):.1f} ms, min {min(times):.1f}, max {max(times):.1f} "
                f"(target <= 50 ms); cell round trip median {statistics.median(trips) * 1000:.1f} ms")

        # The live table under a steady input rate.
        k.ok("long heap0 = heapAfterGc();")
        started = k.ok("%assemble test --as load")
        display_id = [m["content"]["transient"]["display_id"] for m in started.of_type("display_data")][0]
        batch = max(1, args.rate // 100)
        k.ok(f"""
long cpu0 = osMx.getProcessCpuTime(), disp0 = displayCpu(), wall0 = System.nanoTime();
Thread loadFeed = new Thread(() -> {{
    long next = System.nanoTime();
    long end = next + (long) ({args.seconds} * 1e9);
    int v = 0;
    while (System.nanoTime() < end) {{
        for (int j = 0; j < {batch}; j++) load.in("x").append(v++);
        next += 10_000_000L;
        java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
    }}
}});
loadFeed.start();""")
        time.sleep(args.seconds + 0.5)
        ex = k.ok(f"""
loadFeed.join();
load.awaitIdle(java.time.Duration.ofSeconds(30));
double wall = (System.nanoTime() - wall0) / 1e9;
String.format("%d values fed over %.1f s (%.0f values/s), all out after %.2f s; display thread CPU %.1f ms (%.2f%% of a core); kernel CPU %.2f s (%.0f%% of a core)",
    load.out("z").count(), {float(args.seconds)}, load.out("z").count() / {float(args.seconds)}, wall,
    (displayCpu() - disp0) / 1e6, (displayCpu() - disp0) / 1e7 / wall,
    (osMx.getProcessCpuTime() - cpu0) / 1e9, (osMx.getProcessCpuTime() - cpu0) / 1e7 / wall)""", timeout=120)
        say("live table at a steady rate: " + ex.text.strip('"'))
        k.drain(0.5)
        updates = [m for m in k._pending.get(started.msg_id, []) if m["msg_type"] == "update_display_data"
                   and m["content"]["transient"]["display_id"] == display_id]
        say(f"update_display_data messages for the table: {len(updates)} "
            f"(at most {int(4 * (args.seconds + 1)) + 1} allowed by 4/s)")
        k.ok("%stop --all")
        heap = k.ok("String.format(\"heap after GC: %.1f MB before, %.1f MB after\", heap0 / 1e6, heapAfterGc() / 1e6)")
        say(heap.text.strip('"'))

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "magics-bench.txt").write_text("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
