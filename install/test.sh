#!/usr/bin/env bash
# Runs every iotj test on this machine, setting up what it needs first:
#   1. setup    Debian packages (Jupyter, pytest, Maven, RabbitMQ, Mosquitto, PostgreSQL, MariaDB,
#               Redis, Chromium) when missing; RabbitMQ (127.0.0.1:5672), Mosquitto (127.0.0.1:1883),
#               PostgreSQL (127.0.0.1:5432, database test) and MariaDB (127.0.0.1:3306, database test)
#               started when they are not running (Redis by the suite that uses it)
#   2. maven    mvn -B verify: every JUnit test of every module
#   3. install  the kernel into a temporary JUPYTER_DATA_DIR (your own Jupyter is not touched)
#   4. pytest   the Python suites in tests/python (conformance, clients, notebooks)
#   5. bench    tests/bench/latency.py and magics_bench.py: print figures, never fail the run
# and ends with one summary line. Exit status 0 only when every step passed.
#
#   install/test.sh               # everything
#   install/test.sh -k interrupt  # extra arguments go to pytest
# Environment: IOTJ_BENCH=0 skips the benchmark; IOTJ_KEEP=1 keeps the temporary directory.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=install/lib.sh
. "$ROOT/install/lib.sh"
cd "$ROOT"
exec </dev/null   # nothing here may wait for a keyboard

# Debian packages the suites use. Add to this list when a suite needs more.
TEST_PACKAGES="$IOTJ_JUPYTER_PACKAGES python3-pytest maven rabbitmq-server mosquitto mosquitto-clients postgresql mariadb-server redis-server chromium chromium-driver python3-selenium"

ARTIFACTS="$ROOT/tests/artifacts"
mkdir -p "$ARTIFACTS"
WORK=$(mktemp -d /tmp/iotj-test.XXXXXX)
cleanup() { [ -n "${IOTJ_KEEP:-}" ] || rm -rf "$WORK"; }
trap cleanup EXIT

declare -a RESULTS=()
FAILED=0
START=$SECONDS

# step NAME COMMAND...: runs a step, records "NAME ok (12 s)" or "NAME FAILED (12 s)".
step() {
  local name=$1; shift
  local t=$SECONDS rc
  printf '\n===== %s =====\n' "$name"
  "$@"; rc=$?
  if [ $rc -eq 0 ]; then RESULTS+=("$name ok ($((SECONDS - t)) s)")
  else RESULTS+=("$name FAILED ($((SECONDS - t)) s)"); FAILED=1
  fi
  return $rc
}

setup() {
  # shellcheck disable=SC2086
  iotj_apt_install $TEST_PACKAGES || return 1
  hash -r
  JDK=$(iotj_find_jdk) || return 1
  iotj_log "JDK: $JDK"
  start_rabbitmq && start_mosquitto && start_postgres && start_mariadb
}

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# await_port PORT NAME SECONDS: waits until something accepts connections on the port.
await_port() {
  local i
  for i in $(seq 1 "$3"); do
    if answers "$1"; then iotj_log "$2: answering after ${i} s"; return 0; fi
    sleep 1
  done
  iotj_log "$2 did not answer on 127.0.0.1:$1 within $3 s"
  return 1
}

start_mosquitto() {
  if answers 1883; then iotj_log "Mosquitto: already running on 127.0.0.1:1883"; return 0; fi
  PATH="$PATH:/usr/sbin:/sbin"
  command -v mosquitto >/dev/null 2>&1 || { iotj_log "mosquitto is not installed"; return 1; }
  iotj_log "Mosquitto: starting (mosquitto -d -c /etc/mosquitto/mosquitto.conf)"
  iotj_as_root mosquitto -d -c /etc/mosquitto/mosquitto.conf >/dev/null 2>&1
  await_port 1883 Mosquitto 30
}

start_postgres() {
  if answers 5432; then iotj_log "PostgreSQL: already running on 127.0.0.1:5432"; else
    local version
    version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1)
    [ -n "$version" ] || { iotj_log "PostgreSQL is not installed (no /etc/postgresql)"; return 1; }
    iotj_log "PostgreSQL: starting (pg_ctlcluster $version main start)"
    iotj_as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1
    await_port 5432 PostgreSQL 60 || return 1
  fi
  # The suites connect as postgres over TCP without a password, to the database test: make it so
  # on a fresh installation (Debian's default asks local TCP clients for a password).
  if ! psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1; then
    iotj_log "PostgreSQL: allowing trust authentication on 127.0.0.1 and creating the database test"
    local hba
    hba=$(iotj_as_root su postgres -c "psql -tAc 'show hba_file'" 2>/dev/null)
    if [ -n "$hba" ] && ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
      iotj_as_root sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
      iotj_as_root su postgres -c "psql -tAc 'select pg_reload_conf()'" >/dev/null 2>&1
    fi
    iotj_as_root su postgres -c "createdb test" >/dev/null 2>&1 || true
    psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1 \
      || { iotj_log "PostgreSQL: cannot connect as postgres to the database test on 127.0.0.1:5432"; return 1; }
  fi
}

start_mariadb() {
  # test_maven.py loads MariaDB's JDBC driver with %%loadFromPOM and queries this server.
  if answers 3306; then iotj_log "MariaDB: already running on 127.0.0.1:3306"; else
    PATH="$PATH:/usr/sbin:/sbin"
    [ -x /usr/sbin/mariadbd ] || { iotj_log "mariadb-server is not installed"; return 1; }
    iotj_log "MariaDB: starting (/usr/sbin/mariadbd)"
    iotj_as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd >/dev/null 2>&1
    await_port 3306 MariaDB 60 || return 1
  fi
  # The suites connect as root over TCP without a password, to the database test: make it so on a fresh
  # installation (Debian's root logs in through the Unix socket only).
  if ! mariadb -h 127.0.0.1 -u root -D test -e 'select 1' >/dev/null 2>&1; then
    iotj_log "MariaDB: allowing root without a password on 127.0.0.1 and creating the database test"
    iotj_as_root mariadb -u root -e "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
      GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1'; CREATE DATABASE IF NOT EXISTS test;" >/dev/null 2>&1
    mariadb -h 127.0.0.1 -u root -D test -e 'select 1' >/dev/null 2>&1 \
      || { iotj_log "MariaDB: cannot connect as root to the database test on 127.0.0.1:3306"; return 1; }
  fi
}

rabbitmq_answers() {
  # The AMQP listener accepting a connection is what the suites need.
  (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null
}

start_rabbitmq() {
  if rabbitmq_answers; then iotj_log "RabbitMQ: already running on 127.0.0.1:5672"; return 0; fi
  PATH="$PATH:/usr/sbin:/sbin"
  command -v rabbitmq-server >/dev/null 2>&1 || { iotj_log "rabbitmq-server is not installed"; return 1; }
  iotj_log "RabbitMQ: starting (rabbitmq-server -detached)"
  iotj_as_root rabbitmq-server -detached >/dev/null 2>&1
  local i
  for i in $(seq 1 120); do
    if rabbitmq_answers; then iotj_log "RabbitMQ: answering after ${i} s"; return 0; fi
    sleep 1
  done
  iotj_log "RabbitMQ did not answer on 127.0.0.1:5672 within 120 s"
  return 1
}

maven_verify() {
  iotj_maven_env "$JDK"
  # --fail-at-end: a failing module does not hide the test results of the modules after it.
  timeout 20m mvn -B -ntp --fail-at-end verify
}

install_kernel() {
  export JUPYTER_DATA_DIR="$WORK/jupyter-data"
  export JUPYTER_RUNTIME_DIR="$WORK/jupyter-runtime"
  export JUPYTER_CONFIG_DIR="$WORK/jupyter-config"
  export IOTJ_HOME="$WORK/iotj-home"   # the suites' template library, not the user's
  mkdir -p "$JUPYTER_DATA_DIR" "$JUPYTER_RUNTIME_DIR" "$JUPYTER_CONFIG_DIR" "$IOTJ_HOME"
  JAVA_HOME="$JDK" timeout 15m "$ROOT/install/install.sh"
}

PYTEST_ARGS=("$@")
run_pytest() {
  # Some JUnit suites restart the broker; make sure it is back for the Python suites.
  start_rabbitmq || iotj_log "warning: RabbitMQ is down; suites that need it will fail"
  start_mosquitto || iotj_log "warning: Mosquitto is down; suites that need it will fail"
  start_postgres || iotj_log "warning: PostgreSQL is down; suites that need it will fail"
  start_mariadb || iotj_log "warning: MariaDB is down; suites that need it will fail"
  rm -f "$ARTIFACTS"/kernel-*.log "$ARTIFACTS/pytest.xml"
  timeout 20m "$IOTJ_PYTHON" -m pytest "$ROOT/tests/python" -p no:cacheprovider -ra \
    --junitxml="$ARTIFACTS/pytest.xml" "${PYTEST_ARGS[@]}"
}

run_bench() {
  timeout 5m "$IOTJ_PYTHON" "$ROOT/tests/bench/latency.py" | tee "$ARTIFACTS/latency.txt" || return 1
  # Stream magics: %assemble to first value, live table cost at 100k values/s (magics-bench.txt).
  timeout 5m "$IOTJ_PYTHON" "$ROOT/tests/bench/magics_bench.py" --runs 10
}

# "12 passed, 1 failed [Test.name]" from JUnit XML reports.
counts() { "$IOTJ_PYTHON" "$ROOT/install/junit_counts.py" "$@" 2>/dev/null; }

JDK=""
if step setup setup; then
  step maven maven_verify
  # shellcheck disable=SC2046
  c=$(counts $(find "$ROOT" -path '*/target/surefire-reports/TEST-*.xml' -newer "$WORK" 2>/dev/null))
  [ -n "$c" ] && RESULTS[-1]="${RESULTS[-1]}: $c"
  # The Python suites need the installed kernel, so they run only when it installed.
  if step install install_kernel; then
    step pytest run_pytest
    c=$(counts "$ARTIFACTS/pytest.xml")
    [ -n "$c" ] && RESULTS[-1]="${RESULTS[-1]}: $c"
    if [ "${IOTJ_BENCH:-1}" != 0 ]; then
      if ! run_bench; then RESULTS+=("bench: did not complete (not counted)"); fi
    fi
  fi
fi

summary=$(IFS=';'; echo "${RESULTS[*]}" | sed 's/;/; /g')
printf '\n'
if [ $FAILED -eq 0 ]; then
  echo "iotj tests PASSED in $((SECONDS - START)) s: $summary"
else
  echo "iotj tests FAILED in $((SECONDS - START)) s: $summary (artifacts: tests/artifacts/)"
fi
exit $FAILED
