"""Sources and sinks as a notebook user meets them, through jupyter_client and the machine's real
Mosquitto and PostgreSQL: mosquitto_pub publishes, a graph reads and stores, %%sql reads it back;
a broker that is down fails the cell with its address; a bad query gets the database's words."""
import socket
import subprocess
import time
import uuid

import pytest


def answers(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        return True
    except OSError:
        return False


@pytest.fixture(scope="module", autouse=True)
def services():
    for port, name in ((1883, "Mosquitto"), (5432, "PostgreSQL")):
        if not answers(port):
            pytest.fail(f"{name} is not answering on 127.0.0.1:{port} (install/test.sh starts it)")


def publish(topic, lines):
    subprocess.run(["mosquitto_pub", "-h", "127.0.0.1", "-t", topic, "-q", "1", "-l"],
                   input="\n".join(lines) + "\n", text=True, check=True, timeout=60)


def wait_for(kernel, expr, expected, timeout=30):
    deadline = time.monotonic() + timeout
    while True:
        got = kernel.ok(expr).text
        if got == expected or time.monotonic() > deadline:
            return got
        time.sleep(0.3)


@pytest.mark.parametrize("db", ["", "postgresql://postgres@127.0.0.1:5432/test"])
def test_mqtt_readings_are_stored_and_read_back_with_sql(kernel, db):
    run = uuid.uuid4().hex[:8]
    topic_root = f"iotj-nb/{run}"
    table = f"readings_{run}"
    db_arg = f', db="{db}"' if db else ""
    kernel.ok(f"""%%template
plant_{run}() -> temps, bad {{
    temps, bad = mqtt(topic="{topic_root}/+/temp", qos=1, format="json", fields=["temp:double"], client_id="nb-{run}");
    store(in=temps, name="{table}"{db_arg});
}}""")
    kernel.ok(f"%assemble plant_{run} --as plant")
    publish(f"{topic_root}/d1/temp", [f'{{"temp": {20 + i}}}' for i in range(50)] + ['{"temp": "warm"}'])
    publish(f"{topic_root}/d2/temp", [f'{{"temp": {i}}}' for i in range(30)])
    assert wait_for(kernel, 'plant.out("temps").count()', "80") == "80"
    assert kernel.ok('plant.out("bad").count()').text == "1"

    sql = f"%%sql{' --db ' + db if db else ''} --as t\nSELECT key, count(*) AS n, max(value) AS hottest FROM {table} GROUP BY key ORDER BY key"
    deadline = time.monotonic() + 30
    while True:
        shown = kernel.ok(sql)
        if kernel.ok("t.rowCount() == 2 && t.longColumn(\"n\").sum() == 80").text == "true" or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    html = "".join(m["content"]["data"].get("text/html", "") for m in shown.of_type("execute_result") + shown.of_type("display_data"))
    assert f"{topic_root}/d1/temp" in html and "hottest" in html, shown.describe()
    assert kernel.ok('t.longColumn("n").get(0)').text == "50"
    assert kernel.ok('t.doubleColumn("hottest").get(0)').text == "69.0"
    types = kernel.ok(f"%%sql{' --db ' + db if db else ''} --as ty\nSELECT time FROM {table} LIMIT 1")
    assert kernel.ok("ty.column(0).type().name()").text == 'INSTANT', types.describe()
    streams = kernel.ok("%streams")
    shown_html = "".join(m["content"]["data"].get("text/html", "") for m in streams.of_type("display_data"))
    assert f"mqtt://127.0.0.1:1883 {topic_root}/+/temp" in shown_html and ">connected<" in shown_html, streams.describe()
    assert ">81<" in shown_html or ">80<" in shown_html, "values in, with the malformed one counted apart"
    kernel.ok("%stop plant")
    kernel.ok(f"%%sql{' --db ' + db if db else ''}\nDROP TABLE {table}")


def test_a_cells_own_netty_and_the_mqtt_source_share_a_session(kernel):
    """The MQTT client's netty 4.1 is relocated inside the connectors jar: a cell loads a library that
    needs netty 4.2 (Lettuce, Redis's client) and sees 4.2, and an MQTT source still reads."""
    shipped = kernel.ok('ClassLoader.getSystemClassLoader().getResource("io/netty/channel/Channel.class")')
    assert shipped.text == "null", f"the kernel's classpath holds a netty of its own: {shipped.text}"
    loaded = kernel.execute("%maven io.lettuce:lettuce-core:7.7.0.RELEASE", timeout=600)
    assert loaded.status == "ok" and "io.netty:netty-handler:4.2" in loaded.text, loaded.describe()
    assert kernel.ok('io.netty.util.Version.identify().get("netty-common").artifactVersion()').text.startswith("4.2")
    run = uuid.uuid4().hex[:8]
    kernel.ok(f"""%%template
beside_{run}() -> v {{
    v = mqtt(topic="iotj-nb/{run}/count", qos=1, format="double", client_id="nb-netty-{run}");
}}""")
    kernel.ok(f"%assemble beside_{run} --as beside")
    publish(f"iotj-nb/{run}/count", [str(i) for i in range(20)])
    assert wait_for(kernel, 'beside.out("v").count()', "20") == "20"
    kernel.ok("%stop beside")


def test_a_broker_that_is_down_fails_the_cell_naming_its_address_not_its_password(kernel):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    kernel.ok(f"""%%template
nobroker() -> v {{
    v = mqtt(topic="a/b", broker="mqtt://ann:opensesame@127.0.0.1:{port}");
}}""")
    ex = kernel.execute("%assemble nobroker")
    assert ex.status == "error", ex.describe()
    text = ex.error["evalue"] + "\n" + "\n".join(ex.error["traceback"])
    assert f"127.0.0.1:{port}" in text and "opensesame" not in text, text
    assert "at io.iotj" not in text and "at com.hivemq" not in text, f"no stack trace:\n{text}"
    assert kernel.ok("1 + 1").text == "2"


def test_a_bad_query_gets_the_databases_own_words(kernel):
    ex = kernel.execute("%%sql\nSELECT * FROM no_such_stream_here")
    assert ex.status == "error", ex.describe()
    assert ex.error["ename"] == "SqlError" and "no_such_stream_here" in ex.error["evalue"], ex.describe()
    assert kernel.ok("1 + 1").text == "2"


def executed_text(nb, mime="text/plain"):
    return "\n".join("".join(o.get("data", {}).get(mime, "")) + ("".join(o.get("text", "")) if mime == "text/plain" else "")
                     for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", []))


def test_live_sensors_notebook_stores_every_device_and_queries_it():
    from test_notebooks import NOTEBOOKS, run_notebook
    nb = run_notebook(NOTEBOOKS / "08-live-sensors.ipynb")
    text = executed_text(nb)
    assert "5 devices reporting" in text, text[-3000:]
    html = executed_text(nb, "text/html")
    assert "plant/d4/temp" in html, "the SQL table lists every device's topic"
    assert ">connected<" in html and "plant_readings" in html, "%streams shows the sources and sinks"
    assert "image/png" in {m for c in nb["cells"] for o in c.get("outputs", []) for m in o.get("data", {})}, "the live chart"


def test_socket_lab_notebook_counts_words_over_a_sliding_window():
    from test_notebooks import NOTEBOOKS, run_notebook
    nb = run_notebook(NOTEBOOKS / "09-socket-lab.ipynb")
    text = executed_text(nb)
    assert "TopWords[lines=25, first=" in text, text[-3000:]
    assert ">connected<" in executed_text(nb, "text/html"), "%streams shows the socket source connected"
