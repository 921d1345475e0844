"""Writes notebooks 08 (live sensors over MQTT, stored and queried) and 09 (the streaming lab's
socket word count). Run: /usr/bin/python3 tools/notebooks/make_sources_notebooks.py"""
from cells import code, md, write

LIVE_SENSORS = [
    md("""
# Live sensors: devices → broker → graph → store → SQL

The path IoT data takes in "Data Engineering for IoT Developer": devices publish readings to an
MQTT broker; an application subscribes, computes, raises alerts, and keeps what it saw in a store
to look at again. Here the devices are iotj's simulated fleet (`sensors`), so the notebook runs
without hardware; everything else is real: the local Mosquitto broker (127.0.0.1:1883) and the
embedded analytic database that `store` writes without a server.

1. the fleet publishes each reading to `plant/<device>/temp`;
2. a graph reads `plant/+/temp`, keeps rolling statistics per device, flags anomalies, publishes
   alerts back to `plant/<device>/alerts` and stores every reading;
3. `%%sql` looks at the last minutes per device while the graph runs; a live chart follows one device.
"""),
    md("""
**Devices.** Five simulated sensors, twenty readings a second each, with rare injected spikes. Each
reading goes out as JSON (`{"key": "d3", "time": …, "value": 21.4}`) to a topic named after its
device: `{key}` in the topic is the reading's device.
"""),
    code("""
%%template
plant_devices() -> None {
    readings = sensors(devices=5, rate=20, noise=0.15, anomalies=0.01, seed=7);
    mqtt_publish(in=readings, topic="plant/{key}/temp", qos=1, format="json");
}
"""),
    md("""
**What the monitor does with each reading.** A reading arrives as an `Event`: its key is the MQTT
topic, its time the device's own (the `time` field of the JSON), its value the temperature. The
check keeps an exponentially weighted mean and variance per device and flags a reading more than
five standard deviations away.
"""),
    code("""
import io.iotj.stream.Event;

record Flagged(String device, double temp, double mean, double sd, boolean anomaly) { }

Map<String, double[]> rolling = new ConcurrentHashMap<>();   // device -> {mean, variance, count}

Flagged check(Event<Double> e) {
    String device = e.key().split("/")[1];
    double x = e.value();
    double[] s = rolling.computeIfAbsent(device, d -> new double[] {x, 0.04, 0});
    double sd = Math.sqrt(s[1]);
    boolean anomaly = s[2] > 20 && Math.abs(x - s[0]) > 5 * sd;
    if (!anomaly) {                       // spikes do not drag the statistics along
        double d = x - s[0];
        s[0] += 0.05 * d;
        s[1] = 0.95 * (s[1] + 0.05 * d * d);
    }
    s[2]++;
    return new Flagged(device, x, Math.round(s[0] * 100) / 100.0, Math.round(sd * 1000) / 1000.0, anomaly);
}

boolean isAnomaly(Flagged f) { return f.anomaly(); }
boolean isD0(Event<Double> e) { return e.key().equals("plant/d0/temp"); }
double temperature(Event<Double> e) { return e.value(); }
"""),
    md("""
**The monitor.** `mqtt` subscribes with QoS 1 and a persistent session (`client_id`), so readings
published while the notebook was away arrive when it is back; messages that are not what `format`
says go to `bad` with their text and reason, and the graph goes on. Alerts go back over MQTT; every
reading goes into the table `plant_readings`.
"""),
    code("""
%%template
plant_monitor() -> flagged, alerts, bad {
    temps, bad = mqtt(topic="plant/+/temp", qos=1, format="json", fields=["value:double"], time="time",
                      client_id="iotj-plant-monitor");
    flagged = map(in=temps, function="check");
    alerts = filter(in=flagged, function="isAnomaly");
    mqtt_publish(in=alerts, topic="plant/{device}/alerts", qos=1);
    store(in=temps, name="plant_readings");
    d0 = filter(in=temps, function="isD0");
    t0 = map(in=d0, function="temperature");
    plot(in=t0, title="device d0, temperature", max_points=300);
}
"""),
    code("""
%assemble plant_monitor --as monitor --rows 8
"""),
    md("Now the devices start publishing; the table and the chart above follow them."),
    code("""
%assemble plant_devices --as devices
"""),
    md("Wait until every device has been heard from 40 times (about two seconds):"),
    code("""
long until = System.currentTimeMillis() + 60_000;
while ((rolling.size() < 5 || rolling.values().stream().anyMatch(s -> s[2] < 40)) && System.currentTimeMillis() < until) {
    Thread.sleep(100);
}
monitor.out("flagged").count() + " readings checked, " + monitor.out("alerts").count() + " alerts"
"""),
    md("""
**History beside the live graph.** The store writes in batches while the graph runs; SQL sees
what is there now. Times are real timestamp columns, so the database computes with them.
"""),
    code("""
%%sql --as perDevice
SELECT key AS topic, count(*) AS readings, round(avg(value), 2) AS mean,
       round(min(value), 2) AS low, round(max(value), 2) AS high, max(time) AS latest
FROM plant_readings
WHERE time > now() - INTERVAL 5 MINUTE
GROUP BY key ORDER BY key
"""),
    code("""
perDevice.rowCount() + " devices reporting; the busiest sent " + (long) perDevice.longColumn("readings").max() + " readings"
"""),
    md("One device in two-second buckets, newest first (`time_bucket` is DuckDB's; PostgreSQL has `date_bin`):"),
    code("""
%%sql
SELECT time_bucket(INTERVAL 2 SECOND, time) AS bucket, count(*) AS readings, round(avg(value), 2) AS mean
FROM plant_readings
WHERE key = 'plant/d0/temp'
GROUP BY bucket ORDER BY bucket DESC LIMIT 5
"""),
    code("""
%streams
"""),
    md("Stopping the graphs closes their connections; nothing keeps running."),
    code("""
%stop devices monitor
"""),
]

SOCKET_LAB = [
    md("""
# The streaming lab: words from a socket, counted over a sliding window

The CS 398 streaming lab starts with Spark's `socketTextStream`: a server (`nc -lk 9999`) sends
lines of text, the job splits them into words and counts each word over a sliding window. Here is
the same exercise in iotj. The `socket` source reads lines from any TCP server; so that this
notebook runs anywhere, a few lines of Java stand in for `nc`, sending a line every 20 ms to
whoever connects. (With `nc -lk 9999` running in a terminal, `port=9999` reads what you type.)
"""),
    code("""
import io.iotj.stream.Event;
import java.net.ServerSocket;
import java.net.Socket;

String[] text = {
    "to be or not to be that is the question",
    "whether tis nobler in the mind to suffer",
    "the slings and arrows of outrageous fortune",
    "or to take arms against a sea of troubles",
    "and by opposing end them to die to sleep",
};
ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
int labPort = server.getLocalPort();
Thread netcat = new Thread(() -> {
    while (!server.isClosed()) {
        try (Socket client = server.accept(); PrintWriter out = new PrintWriter(client.getOutputStream(), true)) {
            for (int i = 0; !out.checkError(); i++) {
                out.println(text[i % text.length]);
                Thread.sleep(20);
            }
        } catch (Exception e) {
            // the client went away, or the server closed
        }
    }
});
netcat.setDaemon(true);
netcat.start();
"listening on 127.0.0.1:" + labPort
"""),
    md("""
**Counting.** `window` hands the function the last 25 lines every 5 lines (a sliding window by
count; `timed_window` slides by time). The function splits the lines into words and returns the
three most frequent, as one row of the live table.
"""),
    code("""
record TopWords(int lines, String first, long n1, String second, long n2, String third, long n3) { }

TopWords topWords(List<Event<String>> window) {
    Map<String, Long> counts = window.stream()
        .flatMap(e -> Arrays.stream(e.value().toLowerCase().split("\\\\W+")))
        .filter(w -> !w.isBlank())
        .collect(Collectors.groupingBy(w -> w, Collectors.counting()));
    List<Map.Entry<String, Long>> top = counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(3).toList();
    return new TopWords(window.size(), top.get(0).getKey(), top.get(0).getValue(),
        top.get(1).getKey(), top.get(1).getValue(), top.get(2).getKey(), top.get(2).getValue());
}
"""),
    code("""
%%template
word_count(port) -> lines, counts {
    lines = socket(host="127.0.0.1", port=port);
    counts = window(in=lines, window_size=25, step_size=5, function="topWords");
}
"""),
    code("""
%assemble word_count port=labPort --as lab --rows 6
"""),
    md("A row comes every five lines once 25 have arrived; wait for three rows and look at the last:"),
    code("""
long until = System.currentTimeMillis() + 60_000;
while (lab.out("counts").count() < 3 && System.currentTimeMillis() < until) {
    Thread.sleep(50);
}
lab.out("counts").recent(1)
"""),
    md("`%streams` shows the socket source: connected, lines in, dropped (none: the graph keeps up)."),
    code("""
%streams
"""),
    code("""
%stop lab
server.close();
"""),
]

if __name__ == "__main__":
    write("08-live-sensors.ipynb", LIVE_SENSORS)
    write("09-socket-lab.ipynb", SOCKET_LAB)
