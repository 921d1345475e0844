"""%maven and %%loadFromPOM through jupyter_client (issue 13): a deep-tree client of a service on
this machine loads with its transitive dependencies and talks to the service; a JDBC driver the kernel
does not ship loads from POM text and queries MariaDB; bad coordinates, missing artifacts,
unreachable repositories and another version of a library the kernel ships (PostgreSQL's driver)
are clear errors that leave the session as it was. Uses the local ~/.m2 and Maven Central."""
import os
import re
import socket
import subprocess
import time
from pathlib import Path

import pytest

from iotj_client import KernelSession

ANSI = re.compile(r"\x1b\[[0-9;]*m")
LETTUCE = "io.lettuce:lettuce-core:7.7.0.RELEASE"
POSTGRES = "org.postgresql:postgresql:42.7.8"
# the version of PostgreSQL's driver the kernel ships (the store writes with it)
SHIPPED_POSTGRES = re.search(r"<postgresql.version>([^<]+)<",
                             (Path(__file__).resolve().parents[2] / "pom.xml").read_text()).group(1)
MARIADB_DRIVER = ("org.mariadb.jdbc", "mariadb-java-client", "3.5.7")


def answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def redis():
    """Redis on 127.0.0.1:6379, started (never restarted) when it is not running."""
    if not answers(6379):
        subprocess.run(["redis-server", "--bind", "127.0.0.1", "--port", "6379", "--daemonize", "yes"], check=True)
        for _ in range(50):
            if answers(6379):
                break
            time.sleep(0.2)
    assert answers(6379), "Redis does not answer on 127.0.0.1:6379"


@pytest.fixture(scope="module")
def mariadb():
    """MariaDB on 127.0.0.1:3306 (root without a password, database test), started when it is not running."""
    if not answers(3306):
        subprocess.run(["start-stop-daemon", "--start", "--oknodo", "--background", "--exec", "/usr/sbin/mariadbd"],
                       check=True)
        for _ in range(100):
            if answers(3306):
                break
            time.sleep(0.2)
    assert answers(3306), "MariaDB does not answer on 127.0.0.1:3306"


@pytest.fixture(scope="module")
def postgres():
    """PostgreSQL on 127.0.0.1:5432 with database test, started when it is not running."""
    if not answers(5432):
        versions = os.listdir("/etc/postgresql")
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", versions[0], "main", "start"], check=True)
        time.sleep(2)
    assert answers(5432), "PostgreSQL does not answer on 127.0.0.1:5432"


def error_text(ex) -> str:
    return ANSI.sub("", ex.error["evalue"] + "\n" + "\n".join(ex.error["traceback"]))


def test_a_client_with_a_deep_dependency_tree_loads_and_talks_to_redis(kernel, redis):
    loaded = kernel.execute(f"%maven {LETTUCE}", timeout=600)
    assert loaded.status == "ok", loaded.describe()
    summary = loaded.text
    assert summary.startswith("Added "), summary
    for transitive in ("io.netty:netty-handler", "io.projectreactor:reactor-core", "org.reactivestreams:reactive-streams"):
        assert transitive in summary, f"{transitive} came with lettuce:\n{summary}"
    assert "Resolving io.lettuce:lettuce-core" in loaded.stream(), "progress is shown while it resolves"
    key = f"iotj-maven-test-{os.getpid()}"
    got = kernel.ok(
        "import io.lettuce.core.RedisClient;\n"
        "var redisClient = RedisClient.create(\"redis://127.0.0.1:6379\");\n"
        "var connection = redisClient.connect();\n"
        f'connection.sync().set("{key}", "42");\n'
        f'String fromRedis = connection.sync().get("{key}");\n'
        f'connection.sync().del("{key}");\n'
        "connection.close(); redisClient.shutdown();\n"
        "fromRedis", timeout=120)
    assert got.text == "42", got.describe()
    again = kernel.ok(f"%maven {LETTUCE}")
    assert again.text.startswith("Nothing new to add"), again.describe()


def test_load_from_pom_adds_a_jdbc_driver_that_queries_mariadb(kernel, mariadb):
    group, artifact, version = MARIADB_DRIVER
    pom = (f"%%loadFromPOM\n<dependency>\n  <groupId>{group}</groupId>\n  <artifactId>{artifact}</artifactId>\n"
           f"  <version>{version}</version>\n</dependency>\n<dependency>\n  <groupId>org.junit.jupiter</groupId>\n"
           "  <artifactId>junit-jupiter</artifactId>\n  <version>5.11.4</version>\n  <scope>test</scope>\n</dependency>")
    loaded = kernel.execute(pom, timeout=600)
    assert loaded.status == "ok", loaded.describe()
    assert f"{group}:{artifact}:{version}" in loaded.text, loaded.text
    assert "junit-jupiter:5.11.4 (scope test): left out" in loaded.text, loaded.text
    got = kernel.ok('try (var c = java.sql.DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/test", '
                    '"root", "")) { var r = c.createStatement().executeQuery("select 6 * 7, version()"); r.next(); '
                    'System.out.println("mariadb says " + r.getInt(1) + " (" + r.getString(2) + ")"); }', timeout=60)
    assert "mariadb says 42 (" in got.stream() and "MariaDB" in got.stream(), got.describe()


def test_another_version_of_a_driver_the_kernel_ships_is_refused_and_the_shipped_one_works(kernel, postgres):
    """The kernel ships PostgreSQL's driver (the store writes with it); one JVM holds one version of
    its classes, so another version is refused with both versions named, and the same one adds nothing."""
    assert SHIPPED_POSTGRES not in POSTGRES
    other = kernel.execute(f"%maven {POSTGRES}", timeout=300)
    assert other.status == "error", other.describe()
    text = error_text(other)
    shipped = f"org.postgresql:postgresql:{SHIPPED_POSTGRES}"
    assert f"{POSTGRES} conflicts with {shipped}, which the kernel itself uses" in text, text
    assert f"ask for {SHIPPED_POSTGRES} or leave it out" in text, text
    assert "at io.iotj" not in text, f"no stack trace of ours:\n{text}"
    same = kernel.ok(f"%maven {shipped}", timeout=300)
    assert same.text.startswith("Nothing new to add"), same.describe()
    assert f"the kernel's own {SHIPPED_POSTGRES} is used" in same.text, same.describe()
    got = kernel.ok('try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", '
                    '"postgres", "")) { var r = c.createStatement().executeQuery("select 6 * 7"); r.next(); '
                    'System.out.println("pg says " + r.getInt(1)); }', timeout=60)
    assert "pg says 42" in got.stream(), got.describe()


def test_bad_input_is_a_clear_error_and_the_session_is_unchanged(kernel):
    before = kernel.ok("%maven").text
    malformed = kernel.execute("%maven postgresql:42.7.8")
    assert malformed.status == "error" and "is not group:artifact:version" in malformed.error["evalue"], malformed.describe()
    missing = kernel.execute("%maven io.iotj.nothing:no-such-artifact:1.0", timeout=300)
    assert missing.status == "error", missing.describe()
    text = error_text(missing)
    assert "io.iotj.nothing:no-such-artifact" in text and "looked in: local repository" in text and "central" in text, text
    clash = kernel.execute("%maven com.google.code.gson:gson:2.8.9", timeout=300)
    assert clash.status == "error", clash.describe()
    assert "conflicts with com.google.code.gson:gson:" in clash.error["evalue"] and "kernel itself uses" in error_text(clash)
    bad_pom = kernel.execute("%%loadFromPOM\n<dependency>\n  <groupId>a</groupId>\n  <artifactId>b</artifact>\n</dependency>")
    assert bad_pom.status == "error", bad_pom.describe()
    assert "line 4, column" in bad_pom.error["evalue"] and "not well-formed" in bad_pom.error["evalue"], bad_pom.describe()
    assert kernel.ok("%maven").text == before, "a failed load leaves the session as it was"


def test_an_unreachable_repository_is_named_in_the_error(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = tmp_path / "settings.xml"
    settings.write_text(f"<settings><localRepository>{tmp_path / 'repo'}</localRepository><mirrors><mirror>"
                        f"<id>unreachable-mirror</id><mirrorOf>*</mirrorOf><url>http://127.0.0.1:{port}/maven2</url>"
                        "</mirror></mirrors></settings>")
    os.environ["IOTJ_MAVEN_SETTINGS"] = str(settings)
    try:
        with KernelSession(log_name="maven-unreachable") as k:
            ex = k.execute(f"%maven {POSTGRES}", timeout=120)
            assert ex.status == "error", ex.describe()
            text = error_text(ex)
            assert "org.postgresql:postgresql" in text and "Connection refused" in text, text
            assert f"unreachable-mirror http://127.0.0.1:{port}/maven2" in text, text
            assert k.ok("1 + 1").text == "2"
    finally:
        del os.environ["IOTJ_MAVEN_SETTINGS"]


def test_a_graph_on_a_remote_node_gets_the_notebooks_maven_jars(rabbitmq_url, monkeypatch):
    """The node is sent the coordinates (not jars) and resolves them itself before it compiles the
    cell method that uses the library."""
    import secrets

    from test_magics_distributed import start_nodes, stop_nodes

    secret = "maven-" + secrets.token_hex(16)
    monkeypatch.setenv("IOTJ_SECRET", secret)
    name = "maven-" + secrets.token_hex(3)
    started = start_nodes(rabbitmq_url, [name], secret)
    try:
        with KernelSession(log_name="maven-distributed") as k:
            loaded = k.execute("%maven org.apache.commons:commons-text:1.12.0", timeout=600)
            assert loaded.status == "ok", loaded.describe()
            k.ok("String title(String s) { return org.apache.commons.text.WordUtils.capitalizeFully(s); }")
            k.ok("%%template\ntitles(x:stream) -> y:stream {\n  y = map(in=x, function=\"title\");\n}")
            k.ok(f"%assemble titles --as tt --nodes {name} --broker {rabbitmq_url}", timeout=180)
            k.ok('tt.in("x").extend("north gate", "SOUTH wall");')
            k.ok('long until = System.currentTimeMillis() + 60_000;\n'
                 'while (tt.out("y").count() < 2 && System.currentTimeMillis() < until) Thread.sleep(20);', timeout=90)
            got = k.ok('tt.out("y").values()').text
            assert got == "[North Gate, South Wall]", f"{got}\n{k.ok('tt.status()').text}"
            k.ok("%stop tt")
    finally:
        stop_nodes(started)
