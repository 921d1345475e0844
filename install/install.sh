#!/usr/bin/env bash
# Builds iotj and installs the Jupyter kernel "iotj" (display name "Java (iotj)") for this user.
#
#   install/install.sh            # build (tests skipped) + install into $(jupyter --data-dir)/kernels/iotj
#   JUPYTER_DATA_DIR=/tmp/jd install/install.sh   # install somewhere else (the test command does this)
#
# Environment:
#   JAVA_HOME        a JDK >= 21 to use (else the newest JDK >= 21 under /usr/lib/jvm)
#   JUPYTER_DATA_DIR where Jupyter looks for kernels (default ~/.local/share/jupyter)
#   IOTJ_JVM_OPTS    extra JVM flags written into kernel.json (for example -Xmx4g)
#   IOTJ_NO_CDS=1    skip creating the start-up cache (AOT cache or CDS archive) that speeds up kernel start
#   IOTJ_CACHE_MODE  aot (default on JDK 25+), cds (default on JDK 21-24) or none
#
# Running it again rebuilds and replaces the installed kernel; nothing else changes.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=install/lib.sh
. "$ROOT/install/lib.sh"

JDK=$(iotj_find_jdk) || exit 1
JAVA="$JDK/bin/java"
iotj_log "JDK: $JDK ($(iotj_jdk_feature "$JDK"))"

iotj_ensure_jupyter
iotj_ensure_maven

DATA_DIR=${JUPYTER_DATA_DIR:-$(jupyter --data-dir 2>/dev/null | tail -n1)}
[ -n "$DATA_DIR" ] || iotj_die "could not determine Jupyter's data directory; set JUPYTER_DATA_DIR"
KDIR="$DATA_DIR/kernels/iotj"
STAGE="$KDIR.new.$$"
trap 'rm -rf "$STAGE"' EXIT
rm -rf "$STAGE"; mkdir -p "$STAGE/lib"

# Build the top module (magics: kernel + streamlib + magics) and copy it with its runtime
# dependencies. Reactor siblings resolve to the jars just packaged, so nothing goes into ~/.m2.
# lib/artifacts.txt says what those jars are, as Maven resolved them (the last module listed is
# magics, which needs them all): %maven reads it to keep cells from loading a second version of a
# library the kernel uses, since many jars carry no Maven metadata of their own.
iotj_log "Building with Maven (tests skipped; the first run downloads dependencies)..."
iotj_maven_env "$JDK"
(cd "$ROOT" && mvn -B -q -ntp -pl magics -am -DskipTests \
    package org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:list \
    -DincludeScope=runtime -DexcludeGroupIds=io.iotj -DoutputDirectory="$STAGE/lib" \
    -DoutputFile="$STAGE/lib/artifacts.txt" -DappendOutput=false) \
  || iotj_die "Maven build failed (see above)"
# Maven Resolver (for %maven) goes into lib/maven, off the kernel's classpath: the kernel loads it in
# a class loader of its own, so cells never see its libraries (see io.iotj.maven.Resolvers).
(cd "$ROOT" && mvn -B -q -ntp -pl maven -Dmdep.skip=false \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DincludeScope=runtime -DexcludeGroupIds=io.iotj -DoutputDirectory="$STAGE/lib/maven") \
  || iotj_die "Maven build failed (see above)"
# Our own modules' jars, taken straight from their target/ folders.
for m in streamlib connectors kernel remote magics maven; do
  jar=$(ls "$ROOT/$m/target/"iotj-"$m"-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' -e '/original-' | head -n1 || true)
  [ -n "$jar" ] || iotj_die "no jar built for module $m"
  cp "$jar" "$STAGE/lib/"
done

# JVM flags: see kernel/JVM_FLAGS.md for why each one is there.
FLAGS=()
if [ -r "$ROOT/kernel/jvm.flags" ]; then
  while IFS= read -r line; do
    line=${line%%#*}; line=$(echo "$line" | xargs)   # strip comments and blanks
    [ -n "$line" ] && FLAGS+=("$line")
  done <"$ROOT/kernel/jvm.flags"
else
  FLAGS+=("-XX:+UseSerialGC")
fi
# The user's flags come last, so they win over ours (and the warm-up runs with them too).
USER_FLAGS=()
# shellcheck disable=SC2206
[ -n "${IOTJ_JVM_OPTS:-}" ] && USER_FLAGS=($IOTJ_JVM_OPTS)

# Start-up cache: a warm-up session records the classes a kernel loads (JShell, javac, the
# kernel) and later starts map them instead of loading them again. JDK 25+: an AOT cache
# (JEP 483/514); older: a dynamic CDS archive, which the JVM rebuilds by itself when jars change.
CACHE_MODE=${IOTJ_CACHE_MODE:-}
if [ -n "${IOTJ_NO_CDS:-}" ]; then CACHE_MODE=none
elif [ -z "$CACHE_MODE" ]; then
  if [ "$(iotj_jdk_feature "$JDK")" -ge 25 ]; then CACHE_MODE=aot; else CACHE_MODE=cds; fi
fi
case $CACHE_MODE in
  aot)  CACHE_FILE="$KDIR/iotj.aot"
        TRAIN_FLAGS=("-XX:AOTCacheOutput=$CACHE_FILE")
        RUN_FLAGS=("-XX:AOTCache=$CACHE_FILE") ;;
  cds)  CACHE_FILE="$KDIR/iotj.jsa"
        TRAIN_FLAGS=("-XX:+AutoCreateSharedArchive" "-XX:SharedArchiveFile=$CACHE_FILE")
        RUN_FLAGS=("${TRAIN_FLAGS[@]}") ;;
  none) CACHE_FILE=""; TRAIN_FLAGS=(); RUN_FLAGS=() ;;
  *)    iotj_die "IOTJ_CACHE_MODE must be aot, cds or none, not '$CACHE_MODE'" ;;
esac

kernel_json() { "$IOTJ_PYTHON" "$ROOT/install/kernel_json.py" "$1" "$JAVA" "$KDIR/lib/*" "${@:2}"; }
kernel_json "$STAGE/kernel.json" "${FLAGS[@]}" "${TRAIN_FLAGS[@]}" "${USER_FLAGS[@]}"

# Swap the new kernel in as a whole, so a failed run never leaves half a kernel behind.
mkdir -p "$DATA_DIR/kernels"
rm -rf "$KDIR.old"
[ -e "$KDIR" ] && mv "$KDIR" "$KDIR.old"
mv "$STAGE" "$KDIR"
rm -rf "$KDIR.old"
trap - EXIT

if [ "$CACHE_MODE" != none ]; then
  iotj_log "Warming up the kernel once to create its start-up cache ($CACHE_MODE)..."
  if JUPYTER_DATA_DIR="$DATA_DIR" "$IOTJ_PYTHON" "$ROOT/install/warmup.py" iotj && [ -s "$CACHE_FILE" ]; then
    iotj_log "Start-up cache: $CACHE_FILE ($(du -h "$CACHE_FILE" | cut -f1))"
    kernel_json "$KDIR/kernel.json" "${FLAGS[@]}" "${RUN_FLAGS[@]}" "${USER_FLAGS[@]}"
  else
    iotj_log "warning: no start-up cache was created; the kernel works, it only starts slower"
    kernel_json "$KDIR/kernel.json" "${FLAGS[@]}" "${USER_FLAGS[@]}"
  fi
fi
iotj_log "Installed kernel 'iotj' (Java (iotj)) in $KDIR"
iotj_ensure_secret || iotj_log "warning: could not create ~/.iotj/secret; remote nodes need IOTJ_SECRET then"

# Tell the user when another kernelspec named iotj would win over this one.
found=$(JUPYTER_DATA_DIR="$DATA_DIR" jupyter kernelspec list --json 2>/dev/null \
  | "$IOTJ_PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["kernelspecs"].get("iotj",{}).get("resource_dir",""))' || true)
if [ -n "$found" ] && [ "$(cd "$found" && pwd -P)" != "$(cd "$KDIR" && pwd -P)" ]; then
  iotj_log "warning: Jupyter resolves kernel 'iotj' to $found, not $KDIR (check JUPYTER_PATH)"
fi
if [ "$(id -u)" = 0 ]; then
  iotj_log "Done. Start Jupyter with: jupyter notebook --allow-root notebooks/"
else
  iotj_log "Done. Start Jupyter with: jupyter notebook notebooks/"
fi
