"""Writes the iotj kernelspec's kernel.json.

    /usr/bin/python3 install/kernel_json.py OUT_FILE JAVA CLASSPATH [JVM_FLAG...]
"""
import json
import sys


def main() -> int:
    out, java, classpath, flags = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    spec = {
        "argv": [java, *flags, "-cp", classpath, "io.iotj.kernel.Main", "{connection_file}"],
        "display_name": "Java (iotj)",
        "language": "java",
        "interrupt_mode": "message",
        "metadata": {"debugger": False},
    }
    with open(out, "w") as f:
        json.dump(spec, f, indent=2)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
