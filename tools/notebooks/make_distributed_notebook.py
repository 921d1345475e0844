"""Writes notebooks/07-distributed.ipynb (kept as this script so its text is easy to review):
    /usr/bin/python3 tools/notebooks/make_distributed_notebook.py
"""
from cells import code, md, write


CELLS = [
    md("""
# One template, two runtimes: threads and remote nodes

The same template runs in threads inside the kernel or spread over **nodes**: separate
processes (on this machine or others) that receive the template's parts through a RabbitMQ
broker and send their values on to each other in batches. Nothing in the template changes;
only `%assemble` gets `--mode distributed`.

This notebook

1. starts two nodes on this machine,
2. shows them with `%nodes`,
3. runs the `test` template of [IoTpy](https://github.com/AssembleSoftware/IoTPy) (the Python
   framework whose templates iotj runs; see the quickstart) in threads and on the two nodes,
4. compares the outputs and the rates,
5. stops the graphs and the nodes.

It needs RabbitMQ on `127.0.0.1:5672` (`rabbitmq-server -detached`), and the kernel and the
nodes must share a secret (see the next cell).
"""),
    md("""
## 1. Start two nodes

A node is started with one command, `install/iotj-node --name n1` (see the README, section
*Remote nodes*). Here the notebook starts two of them itself. Every command the kernel sends
to a node is signed with a secret that both share: `IOTJ_SECRET`, or the owner-only file
`~/.iotj/secret` (created by `install/install.sh`, or by `iotj-node --init-secret` below when
it is missing). The nodes inherit the kernel's environment, so they find the same secret.

`--pinned-only` makes them take only the parts addressed to them by name, so that they never
pick up commands of other notebooks sharing the broker.
"""),
    code("""
import java.nio.file.*;
import java.util.concurrent.TimeUnit;

// install/iotj-node, found from the notebook's folder upwards
Path root = Path.of("").toAbsolutePath();
while (root != null && !Files.isExecutable(root.resolve("install/iotj-node"))) root = root.getParent();
if (root == null) throw new IllegalStateException("install/iotj-node not found above " + Path.of("").toAbsolutePath());
String nodeCommand = root.resolve("install/iotj-node").toString();

boolean hasSecret = System.getenv("IOTJ_SECRET") != null
        || Files.exists(Path.of(System.getProperty("user.home"), ".iotj", "secret"));
if (!hasSecret) {
    Process init = new ProcessBuilder(nodeCommand, "--init-secret").redirectErrorStream(true).start();
    System.out.print(new String(init.getInputStream().readAllBytes()));
    init.waitFor();
}
System.out.println("secret: " + (System.getenv("IOTJ_SECRET") != null ? "IOTJ_SECRET" : "~/.iotj/secret"));
"""),
    md("""
Each node runs under a small `bash` guard that reads the node's standard input, which is a pipe
from this kernel: when the kernel ends, for whatever reason (a failing cell in a headless run,
a restart, a crash), the pipe closes and the guard stops its node. No node is left behind.
"""),
    code("""
List<String> nodeNames = List.of("nb07-n1", "nb07-n2");
Path nodeLogs = Files.createTempDirectory("iotj-nodes");
List<Process> nodes = new ArrayList<>();

Process startNode(String name) throws IOException {
    Path log = nodeLogs.resolve(name + ".log");
    return new ProcessBuilder("bash", "-c",
            "\\"$0\\" \\"$@\\" </dev/null & node=$!; cat >/dev/null; kill $node 2>/dev/null; wait $node",
            nodeCommand, "--name", name, "--pinned-only")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
}

void awaitReady(String name, Process p, long seconds) throws Exception {
    Path log = nodeLogs.resolve(name + ".log");
    long until = System.currentTimeMillis() + seconds * 1000;
    while (!(Files.exists(log) && Files.readString(log).contains("ready"))) {
        if (!p.isAlive() || System.currentTimeMillis() > until)
            throw new IllegalStateException("node " + name + " did not start; its log:\\n"
                    + (Files.exists(log) ? Files.readString(log) : "(empty)"));
        Thread.sleep(200);
    }
}

for (String name : nodeNames) nodes.add(startNode(name));
// the first start builds the node with Maven, which takes a while
for (int i = 0; i < nodes.size(); i++) awaitReady(nodeNames.get(i), nodes.get(i), 110);
System.out.println("started " + nodeNames + "; logs in " + nodeLogs);
"""),
    md("""
## 2. `%nodes`

`%nodes` shows the nodes listening on the broker (`--broker URI`, else `IOTJ_BROKER`, else the
local broker; a password in the URI is never shown): their host, cores, the parts they run, the
values their parts take per second and when they were last heard. The table updates itself.
"""),
    code("""
%nodes
"""),
    md("""
## 3. The template and its functions

IoTpy's `test` template: `a` doubles each value of `x`, `b` passes it on unchanged, and `z` zips
them into pairs.
"""),
    code("""
int times_two(int x) { return 2 * x; }
int iden(int x) { return x; }
"""),
    code("""
%%template
test(x:stream) -> z:stream {
  a = map(in=x, function="times_two");
  b = map(in=x, function="iden");
  z = zip(in=[a, b]);
}
"""),
    md("""
First in threads, in this kernel:
"""),
    code("""
%assemble test --as local
"""),
    md("""
Then on the nodes. `--nodes` pins the parts to the two nodes, round-robin (`a` on the first,
`b` on the second, `z` on the first); without it, the kernel deals them round-robin over the
listening nodes not started with `--pinned-only`. The functions `times_two` and `iden` are defined in this notebook: their source
travels with the parts and each node compiles it.
"""),
    code("""
%assemble test --as remote --mode distributed --nodes nb07-n1,nb07-n2
"""),
    md("""
## 4. Same values in, same values out

Both graphs get the same 200,000 values. `runAll` appends them and waits until the last pair
arrives at `z`, and returns the values per second.
"""),
    code("""
double runAll(io.iotj.runtime.RunningGraph g, int n) throws InterruptedException {
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) g.in("x").append(i);
    long until = System.currentTimeMillis() + 90_000;
    while (g.out("z").count() < n && System.currentTimeMillis() < until) Thread.sleep(5);
    if (g.out("z").count() < n)
        throw new IllegalStateException(g.out("z").count() + " of " + n + " values arrived; " + g.status());
    return n / ((System.nanoTime() - start) / 1e9);
}

int N = 200_000;
double threadsRate = runAll(local, N);
double nodesRate = runAll(remote, N);
System.out.printf("threads: %,.0f values/s%nnodes:   %,.0f values/s%n", threadsRate, nodesRate);
"""),
    code("""
boolean same = remote.out("z").count() == local.out("z").count()
        && remote.out("z").values().equals(local.out("z").values());
System.out.println((same ? "same outputs" : "DIFFERENT outputs") + ": " + remote.out("z").count()
        + " pairs each, the last ones " + remote.out("z").recent(3));
if (!same) throw new IllegalStateException("the two runtimes disagree");
"""),
    md("""
Over the broker each value is batched, sent, confirmed and acknowledged, so the nodes are
slower than threads sharing memory on this small machine; they win when the parts need more
cores (or data) than one machine has. `%streams` lists both graphs, and `%nodes` now shows the
parts on each node:
"""),
    code("""
%streams
"""),
    code("""
Thread.sleep(1500);  // a heartbeat (every second) carries the parts' counts
"""),
    code("""
%nodes
"""),
    md("""
## 5. Stop the graphs and the nodes

Stopping a distributed graph stops its parts on every node and deletes its exchange and queues;
the nodes keep running until they are stopped themselves. Closing a node's standard input
tells its guard to stop it.
"""),
    code("""
%stop --all
"""),
    code("""
void stopNodes() throws Exception {
    for (Process p : nodes) p.getOutputStream().close();
    for (Process p : nodes) {
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
stopNodes();
System.out.println("nodes still running: " + nodes.stream().filter(Process::isAlive).count());
"""),
]


if __name__ == "__main__":
    write("07-distributed.ipynb", CELLS)
