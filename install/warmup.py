"""Runs one short session of an installed kernel and shuts it down cleanly.

install.sh uses it so that the JVM writes its start-up cache (an AOT cache or a CDS archive,
written when the JVM exits cleanly), which makes every later kernel start faster. Exit code 0 when the kernel
answered and shut down.

    /usr/bin/python3 install/warmup.py [KERNEL_NAME]
"""
import sys
import tempfile

from jupyter_client.manager import start_new_kernel

# Code that loads what a typical session loads: the compiler, display, a class, a lambda, an error.
CELLS = [
    "int answer = 6 * 7;",
    "answer",
    'System.out.println("warm");',
    "record Point(int x, int y) {}\nnew Point(1, 2)",
    'java.util.stream.IntStream.range(0, 10).map(i -> i * i).sum()',
    'display(html("<b>warm</b>"));',
    "undefinedName",
]


def main() -> int:
    name = sys.argv[1] if len(sys.argv) > 1 else "iotj"
    # The kernel's own log goes to a file, shown only when something goes wrong.
    with tempfile.TemporaryFile(mode="w+") as log:
        try:
            km, kc = start_new_kernel(kernel_name=name, startup_timeout=120, stdout=log, stderr=log)
            try:
                for code in CELLS:
                    kc.execute_interactive(code, timeout=60, output_hook=lambda msg: None)
                kc.complete("System.out.pri")
                kc.get_shell_msg(timeout=30)
            finally:
                kc.stop_channels()
                # The JVM writes its start-up cache while exiting: give it time before any kill.
                km.shutdown_wait_time = 120
                km.shutdown_kernel(now=False)
        except Exception as e:  # report, then let install.sh carry on without the archive
            log.seek(0)
            print(f"warm-up failed: {e!r}\n--- kernel log (last lines) ---", file=sys.stderr)
            print("".join(log.readlines()[-30:]), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
