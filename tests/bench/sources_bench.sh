#!/usr/bin/env bash
# Prints the sources' figures (never fails): MQTT into a graph at QoS 0 and 1 beside mosquitto_sub
# fed by the same publisher, the store into DuckDB and PostgreSQL beside PostgreSQL's COPY, or
# with --soak SECONDS the heap while MQTT runs at full speed. Arguments go to SourcesBenchmark:
#   tests/bench/sources_bench.sh --messages 200000 --rows 1000000
#   tests/bench/sources_bench.sh --soak 600
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$ROOT/install/lib.sh"
JDK=$(iotj_find_jdk)
iotj_maven_env "$JDK"
cd "$ROOT"
# Its own script, not tests/bench/run: it uses the connectors' test helpers (private brokers, unique names).
# -Dmdep.skip=false: connectors skips the dependency plugin for install.sh (see its pom).
mvn -B -q -ntp -pl connectors -am test-compile dependency:build-classpath -Dmdep.skip=false \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
CP="connectors/target/test-classes:connectors/target/classes:streamlib/target/classes:$(cat connectors/target/bench.classpath)"
exec "$JDK/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" io.iotj.connect.bench.SourcesBenchmark "$@"
