"""Sums JUnit XML reports (surefire's TEST-*.xml, pytest's --junitxml) into one short phrase.

    /usr/bin/python3 install/junit_counts.py REPORT.xml...
prints e.g. "151 passed, 1 failed [BrokerRestartTest.aGraphSurvives...]" (nothing when no report).
"""
import sys
import xml.etree.ElementTree as ET

SHOWN = 5  # failing tests named in the phrase; the rest are counted


def main(paths) -> int:
    total = failed = errors = skipped = 0
    failing = []
    for path in paths:
        try:
            root = ET.parse(path).getroot()
        except (ET.ParseError, OSError):
            continue
        for case in root.iter("testcase"):
            total += 1
            kinds = {child.tag for child in case}
            if "failure" in kinds:
                failed += 1
            elif "error" in kinds:
                errors += 1
            elif "skipped" in kinds:
                skipped += 1
            else:
                continue
            if kinds & {"failure", "error"}:
                cls = case.get("classname", "").rsplit(".", 1)[-1]
                failing.append(f"{cls}.{case.get('name')}" if cls else case.get("name"))
    if total == 0:
        return 0
    parts = [f"{total - failed - errors - skipped} passed"]
    parts += [f"{n} {word}" for n, word in ((failed, "failed"), (errors, "errors"), (skipped, "skipped")) if n]
    phrase = ", ".join(parts)
    if failing:
        more = f" and {len(failing) - SHOWN} more" if len(failing) > SHOWN else ""
        phrase += " [" + ", ".join(failing[:SHOWN]) + more + "]"
    print(phrase)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
