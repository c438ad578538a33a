#!/usr/bin/env bash
# Restart time of the embedded suite (launcher jar) with SIZE_MIB of data: writes the data once with
# nfs-cp, then RUNS times stops the JVM (MODE=kill: kill -9; MODE=term: clean stop) and starts it
# again on the same data dir. Prints one line per run, times in ms from `java -jar`:
#   jvm      the launcher's first log line (JVM up, main() running)
#   spring   the first store opening (Spring context built up to the services' beans)
#   stores   the suite's gRPC services hosted (metadata/lock stores open, block WAL replayed)
#   listen   the gateway's "listening" log line
#   port     the NFS port accepting TCP connections (probed every 50 ms)
#   call     the first successful NFS call (nfs-ls of /export: MOUNT, FSINFO, READDIRPLUS)
#   ready    the "ready" line: everything, the control plane included, runs
# and the 1-minute load average when the run started. Needs libnfs-utils (nfs-cp, nfs-ls), python3.
#
#   docs/bench/recovery/recovery.sh [JAR...]      # env: RUNS=3 SIZE_MIB=1024 MODE=kill CONTROL=true
# A JAR written as aot:JAR runs with a JDK AOT cache, prepared once the way ./dittofs does it
# (.mvn/aot-cache.sh: extracted jar, one training run); needs a JDK >= 25.
# With several jars (e.g. before and after a change) each run restarts every jar in turn on the
# same data, so they share the data and, as far as possible, the machine's load.
set -euo pipefail
cd "$(dirname "$0")/../../.."
. .mvn/select-jdk.sh
if [ $# -eq 0 ]; then set -- "$(ls launcher/target/launcher-*-exec.jar | head -1)"; fi
JARS=("$@")
JAR=${JARS[0]}
RUNS=${RUNS:-3}
SIZE=${SIZE_MIB:-1024}
MODE=${MODE:-kill}
CONTROL=${CONTROL:-true}
W=$(mktemp -d /tmp/dfs-recovery.XXXXXX)
. .mvn/aot-cache.sh
# java arguments per jar: "-jar JAR", or the AOT cache's for aot:JAR
declare -A ARGS
for j in "${JARS[@]}"; do
  case "$j" in
    aot:*) d="$W/aot-${#ARGS[@]}"; a="$d/app/$(basename "${j#aot:}")"
           dittofs_aot_train "${j#aot:}" "$d" "$a" || { echo "AOT training failed: $d/train.log" >&2; exit 1; }
           ARGS[$j]="-XX:AOTCache=$d/dittofs.aot -jar $a" ;;
    *) ARGS[$j]="-jar $j" ;;
  esac
done
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
NFS=$(free_port)
API=$(free_port)
URL="nfs://127.0.0.1/export/?nfsport=$NFS&mountport=$NFS"
PID=
cleanup() { [ -n "$PID" ] && kill -9 "$PID" 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT

start() {
  T0=$(date +%s%3N)
  # shellcheck disable=SC2086  # ARGS holds whole arguments without spaces (mktemp paths)
  java --enable-native-access=ALL-UNNAMED ${ARGS[$JAR]} --dittofs.data-dir="$W/data" --dittofs.nfs.port="$NFS" \
    --dittofs.nfs.bind-address=127.0.0.1 --dittofs.nfs.udp=false --dittofs.smb.port=0 \
    --dittofs.control.http-port="$API" --dittofs.control.enabled="$CONTROL" >"$1" 2>&1 &
  PID=$!
}
since() { echo $(($(date +%s%3N) - T0)); }
await_port() { until (exec 3<>"/dev/tcp/127.0.0.1/$NFS") 2>/dev/null; do sleep 0.05; done; }
await_call() { until nfs-ls "$URL" >/dev/null 2>&1; do sleep 0.05; done; }
await_line() { until grep -q "$2" "$1"; do sleep 0.1; done; }
# ms from T0 to the first log line matching $2 (log times are HH:MM:SS.mmm, UTC like date here)
at() {
  local t
  t=$(grep -m1 "$2" "$1" | cut -c1-12) || true
  [ -z "$t" ] && { echo "-"; return; }
  echo $(( ($(date -u -d "$(date -u -d @$((T0 / 1000)) +%F) $t" +%s%3N) - T0 + 86400000) % 86400000 ))
}
stop() {
  if [ "$MODE" = kill ]; then kill -9 "$PID"; else kill -TERM "$PID"; fi
  wait "$PID" 2>/dev/null || true
  PID=
}

echo "# jars ${JARS[*]}, ${SIZE} MiB, MODE=$MODE, CONTROL=$CONTROL, $(nproc) cores"
JAR=${JARS[-1]}  # the last jar fills (and so leaves its own state, e.g. a share snapshot)
start "$W/fill.log"
await_call
head -c $((SIZE * 1048576)) /dev/urandom >"$W/blob"
nfs-cp "$W/blob" "nfs://127.0.0.1/export/blob?nfsport=$NFS&mountport=$NFS"
rm -f "$W/blob"
await_line "$W/fill.log" " ready in "
stop
printf '%-4s %-4s %7s %7s %7s %7s %7s %7s %7s  %s\n' run jar jvm spring stores listen port call ready load1
for i in $(seq 1 "$RUNS"); do
  for j in "${!JARS[@]}"; do
    JAR=${JARS[$j]}
    load=$(cut -d' ' -f1 /proc/loadavg)
    log="$W/run$i-$j.log"
    start "$log"
    await_port
    port=$(since)
    await_call
    call=$(since)
    await_line "$log" " ready in "
    printf '%-4s %-4s %7s %7s %7s %7s %7s %7s %7s  %s\n' "$i" "$j" "$(at "$log" "starting on Java")" \
      "$(at "$log" "store at ")" "$(at "$log" "gRPC service(s)")" "$(at "$log" "listening on")" \
      "$port" "$call" "$(at "$log" " ready in ")" "$load"
    stop
  done
done
