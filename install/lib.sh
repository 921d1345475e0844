# Shared helpers for iotj's scripts. Source it; do not run it.
#   . "$(dirname "$0")/lib.sh"
# Every script finds its JDK, Python and Debian packages through these functions so that they
# all agree (and all fail with the same clear words).

IOTJ_MIN_JAVA=21
# Jupyter from Debian installs for the system interpreter; a pyenv/venv python3 on PATH would not see it.
IOTJ_PYTHON=${IOTJ_PYTHON:-/usr/bin/python3}
IOTJ_JUPYTER_PACKAGES="jupyter-notebook jupyter-client jupyter-nbconvert jupyter-console python3-jupyter-kernel-test"

iotj_log() { printf '[iotj] %s\n' "$*" >&2; }
iotj_die() { printf '[iotj] ERROR: %s\n' "$*" >&2; exit 1; }

# Feature release of the JDK in directory $1 (e.g. 25), or nothing when it is not a JDK.
iotj_jdk_feature() {
  local dir=$1 v=""
  [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || return 1
  if [ -r "$dir/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$dir/release")
  fi
  if [ -z "$v" ]; then
    v=$("$dir/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
  fi
  [ -n "$v" ] || return 1
  case $v in 1.*) v=${v#1.} ;; esac   # 1.8.0 -> 8
  printf '%s\n' "${v%%[.+-]*}"
}

# Prints the home of a JDK >= 21: $JAVA_HOME when it qualifies, else the newest under /usr/lib/jvm.
iotj_find_jdk() {
  local dir f best="" bestf=0
  if [ -n "${JAVA_HOME:-}" ]; then
    f=$(iotj_jdk_feature "$JAVA_HOME" || true)
    if [ -n "$f" ] && [ "$f" -ge "$IOTJ_MIN_JAVA" ]; then
      printf '%s\n' "$JAVA_HOME"; return 0
    fi
    iotj_log "JAVA_HOME=$JAVA_HOME is not a JDK >= $IOTJ_MIN_JAVA (found: ${f:-none}); looking in /usr/lib/jvm"
  fi
  for dir in "${IOTJ_JVM_DIR:-/usr/lib/jvm}"/*; do
    [ -d "$dir" ] || continue
    f=$(iotj_jdk_feature "$dir" || true)
    [ -n "$f" ] || continue
    if [ "$f" -ge "$IOTJ_MIN_JAVA" ] && [ "$f" -gt "$bestf" ]; then best=$dir; bestf=$f; fi
  done
  if [ -z "$best" ]; then
    iotj_log "No JDK >= $IOTJ_MIN_JAVA found (checked JAVA_HOME and /usr/lib/jvm/*)."
    iotj_log "Install one (for example Temurin 21 or 25 from https://adoptium.net, or 'apt-get install openjdk-21-jdk'"
    iotj_log "where your distribution has it) and/or set JAVA_HOME to it, then run this again."
    return 1
  fi
  printf '%s\n' "$best"
}

# Runs apt-get as root (directly, or through sudo when available).
iotj_as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else return 1
  fi
}

iotj_can_apt() {
  command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1; }
}

# Installs the Debian packages among "$@" that are not installed yet (apt-get update first, once).
# Waits for the dpkg lock rather than failing when another apt-get is running.
IOTJ_APT_UPDATED=""
iotj_apt_install() {
  local p missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  iotj_can_apt || { iotj_log "Please install these Debian packages: ${missing[*]}"; return 1; }
  iotj_log "Installing Debian packages: ${missing[*]}"
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=900)
  local log; log=$(mktemp /tmp/iotj-apt.XXXXXX)
  # apt's own output only when it fails: it is long, and says nothing useful when all goes well.
  if [ -z "$IOTJ_APT_UPDATED" ]; then
    iotj_as_root "${apt[@]}" update >"$log" 2>&1 || { tail -n 20 "$log" >&2; rm -f "$log"; return 1; }
    IOTJ_APT_UPDATED=1
  fi
  iotj_as_root "${apt[@]}" install "${missing[@]}" >"$log" 2>&1 || { tail -n 20 "$log" >&2; rm -f "$log"; return 1; }
  rm -f "$log"
}

# True when Jupyter (the command and jupyter_client for IOTJ_PYTHON) is usable.
iotj_have_jupyter() {
  command -v jupyter >/dev/null 2>&1 && "$IOTJ_PYTHON" -c 'import jupyter_client' >/dev/null 2>&1
}

# Makes sure Jupyter is installed: from Debian packages when apt-get is there, else says what to do.
iotj_ensure_jupyter() {
  iotj_have_jupyter && return 0
  if iotj_can_apt; then
    # shellcheck disable=SC2086
    iotj_apt_install $IOTJ_JUPYTER_PACKAGES || iotj_die "could not install Jupyter with apt-get"
    hash -r
    iotj_have_jupyter || iotj_die "Jupyter packages installed but 'jupyter' or jupyter_client for $IOTJ_PYTHON is still missing"
  else
    iotj_die "Jupyter is not installed. Install Jupyter Notebook and jupyter_client (Debian/Ubuntu: apt-get install $IOTJ_JUPYTER_PACKAGES; elsewhere: pip install notebook jupyter_client nbconvert jupyter_kernel_test) and run this again."
  fi
}

# Environment for running Maven with the JDK in $1 (quiet about JDK 24+'s Unsafe warnings from Maven's own guava).
iotj_maven_env() {
  export JAVA_HOME=$1
  local f; f=$(iotj_jdk_feature "$1" || echo 0)
  if [ "$f" -ge 24 ]; then
    case " ${MAVEN_OPTS:-} " in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
  fi
}

# Maven is needed to build; install it from Debian when missing.
iotj_ensure_maven() {
  command -v mvn >/dev/null 2>&1 && return 0
  if iotj_can_apt; then
    iotj_apt_install maven || iotj_die "could not install Maven with apt-get"
    hash -r
  else
    iotj_die "Maven (mvn) is not installed. Install Apache Maven 3.8 or newer and run this again."
  fi
}

# Creates the secret that signs commands between the kernel and remote nodes, readable by its owner
# only, unless IOTJ_SECRET is set or the file exists ($1, default ~/.iotj/secret). Same format as
# `iotj-node --init-secret`: 32 random bytes, base64url.
iotj_ensure_secret() {
  local f=${1:-$HOME/.iotj/secret}
  [ -n "${IOTJ_SECRET:-}" ] && return 0
  [ -e "$f" ] && return 0
  ( umask 077
    mkdir -p "$(dirname "$f")"
    head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$f.tmp.$$" && echo >>"$f.tmp.$$" \
      && mv "$f.tmp.$$" "$f" ) || return 1
  iotj_log "Created the remote-node secret $f (owner-only; copy it to the accounts that run nodes)"
}
