"""The install: the JDK finder every script shares (install/lib.sh), and the installed kernelspec."""
import json
import os
import subprocess
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager

from iotj_client import KERNEL_NAME

LIB = Path(__file__).resolve().parents[2] / "install" / "lib.sh"


def fake_jdk(root: Path, name: str, version: str, javac: bool = True) -> Path:
    """A directory shaped like a JDK: a release file and bin/java (+ bin/javac)."""
    home = root / name
    (home / "bin").mkdir(parents=True)
    (home / "release").write_text(f'IMPLEMENTOR="Test"\nJAVA_VERSION="{version}"\n')
    tools = ["java", "javac"] if javac else ["java"]
    for tool in tools:
        exe = home / "bin" / tool
        exe.write_text("#!/bin/sh\nexit 0\n")
        exe.chmod(0o755)
    return home


def find_jdk(jvm_dir: Path, java_home: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "JAVA_HOME"}
    env["IOTJ_JVM_DIR"] = str(jvm_dir)
    if java_home is not None:
        env["JAVA_HOME"] = java_home
    return subprocess.run(["bash", "-c", f'. "{LIB}"; iotj_find_jdk'], env=env, capture_output=True, text=True)


def test_finder_takes_the_newest_jdk_of_at_least_21(tmp_path):
    fake_jdk(tmp_path, "java-17-openjdk", "17.0.15")
    fake_jdk(tmp_path, "jdk-21", "21.0.5")
    newest = fake_jdk(tmp_path, "temurin-25", "25.0.3")
    fake_jdk(tmp_path, "jre-26", "26", javac=False)  # a JRE cannot build the project
    found = find_jdk(tmp_path)
    assert found.returncode == 0, found.stderr
    assert found.stdout.strip() == str(newest)


def test_finder_prefers_java_home_when_it_qualifies(tmp_path):
    fake_jdk(tmp_path, "temurin-25", "25.0.3")
    home = fake_jdk(tmp_path / "elsewhere", "jdk-21", "21.0.5")
    found = find_jdk(tmp_path, java_home=str(home))
    assert found.stdout.strip() == str(home), found.stderr


def test_finder_passes_over_a_too_old_java_home_and_says_so(tmp_path):
    newest = fake_jdk(tmp_path, "temurin-25", "25.0.3")
    old = fake_jdk(tmp_path / "elsewhere", "jdk-17", "17.0.15")
    found = find_jdk(tmp_path, java_home=str(old))
    assert found.stdout.strip() == str(newest)
    assert "not a JDK >= 21" in found.stderr


def test_finder_without_a_suitable_jdk_fails_with_advice(tmp_path):
    fake_jdk(tmp_path, "java-17-openjdk", "17.0.15")
    fake_jdk(tmp_path, "java-8", "1.8.0_412")
    found = find_jdk(tmp_path)
    assert found.returncode != 0
    assert found.stdout == ""
    assert "No JDK >= 21 found" in found.stderr and "JAVA_HOME" in found.stderr


def test_installed_kernelspec_names_its_jdk_and_interrupts_by_message():
    spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    assert spec.display_name == "Java (iotj)"
    assert spec.interrupt_mode == "message"
    java = Path(spec.argv[0])
    assert java.is_absolute() and os.access(java, os.X_OK), spec.argv[0]
    release = (java.parent.parent / "release").read_text()
    feature = int(release.split('JAVA_VERSION="')[1].split(".")[0].split('"')[0])
    assert feature >= 21, f"kernel.json names a Java {feature}"
    cp = spec.argv[spec.argv.index("-cp") + 1]
    assert cp == str(Path(spec.resource_dir) / "lib" / "*")
    jars = {p.name for p in (Path(spec.resource_dir) / "lib").glob("*.jar")}
    for module in ("iotj-kernel", "iotj-magics", "iotj-streamlib", "jupyter-jvm-basekernel"):
        assert any(j.startswith(module + "-") for j in jars), f"{module} is missing from lib/"
    assert spec.argv[-2:] == ["io.iotj.kernel.Main", "{connection_file}"]


def test_the_kernels_classpath_holds_what_artifacts_txt_lists_once_and_nothing_it_keeps_apart():
    """%maven checks a cell's libraries against lib/artifacts.txt: a jar in lib/ that the listing does not
    name would shadow a user's library unnoticed. Maven Resolver (lib/maven) and the MQTT client's netty
    (relocated inside the connectors' jar) are kept off the kernel's classpath."""
    lib = Path(KernelSpecManager().get_kernel_spec(KERNEL_NAME).resource_dir) / "lib"
    listed = {}
    for line in (lib / "artifacts.txt").read_text().splitlines():
        parts = line.strip().split(" ")[0].split(":")
        if len(parts) in (5, 6) and parts[-1] in ("compile", "runtime"):
            group, artifact, kind, *classifier, version, _ = parts
            listed[f"{artifact}-{version}{'-' + classifier[0] if classifier else ''}.{kind}"] = ":".join([group, artifact, *classifier])
    jars = sorted(p.name for p in lib.glob("*.jar") if not p.name.startswith("iotj-"))
    assert jars and not [j for j in jars if j not in listed], \
        f"jars in lib/ that artifacts.txt does not list: {[j for j in jars if j not in listed]}"
    keys = [listed[j] for j in jars]
    assert len(keys) == len(set(keys)), f"two versions of one library in lib/: {sorted(k for k in keys if keys.count(k) > 1)}"
    for apart in ("netty", "hivemq", "rxjava", "maven-resolver"):
        assert not [j for j in jars if apart in j], f"{apart} is on the kernel's classpath: {jars}"
    assert any(p.name.startswith("maven-resolver-api-") for p in (lib / "maven").glob("*.jar"))


def test_start_up_cache_named_in_kernel_json_exists():
    spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    for arg in spec.argv:
        for flag in ("-XX:AOTCache=", "-XX:SharedArchiveFile="):
            if arg.startswith(flag):
                path = Path(arg[len(flag):])
                assert path.is_file(), f"kernel.json names a missing start-up cache {path}"
