#!/usr/bin/env bash
# Benchmark (not a test): DittoFS (launcher jar, embedded default) vs Samba's smbd, same machine,
# loopback, same run, both serving a directory on the same disk. Runs inside a private network
# namespace (unshare -n) so both servers are reachable only on that namespace's loopback.
# Needs root, smbclient, samba (Debian), a built launcher jar.
#   sudo e2e-tests/bench/smb-vs-samba.sh [MiB=1024] [runs=3]
# Per server and per mode (SMB3 signed; SMB3 encrypted): a warm-up round, then RUNS rounds of
# smbclient put and get of one MiB-sized file; every get is checked byte-identical. The medians of
# the rounds and the DittoFS/Samba ratios are printed at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
MIB=${1:-1024}; RUNS=${2:-3}
if [ -z "${IN_NETNS:-}" ]; then
  exec unshare -n env IN_NETNS=1 "$0" "$@"
fi
ip link set lo up
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
JAR=$(ls launcher/target/launcher-*-exec.jar | head -1)
W=$(mktemp -d /var/tmp/dittofs-smbbench.XXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$W"' EXIT
PW=bench-pw-1

head -c $((MIB * 1024 * 1024)) /dev/urandom > "$W/src.bin"
SRC_SHA=$(sha256sum < "$W/src.bin")

# Samba: its own private state under $W, one share on the same disk, signing as DittoFS's default
mkdir -p "$W/samba-export" "$W/samba"/{private,lock,state,cache,pid}
chmod 777 "$W/samba-export"
cat > "$W/smb.conf" <<CONF
[global]
  smb ports = 1445
  interfaces = lo
  bind interfaces only = yes
  server min protocol = SMB2_02
  server signing = mandatory
  passdb backend = tdbsam:$W/samba/private/passdb.tdb
  private dir = $W/samba/private
  lock directory = $W/samba/lock
  state directory = $W/samba/state
  cache directory = $W/samba/cache
  pid directory = $W/samba/pid
  log file = $W/samba.log
  disable netbios = yes
  load printers = no
[export]
  path = $W/samba-export
  read only = no
CONF
printf '%s\n%s\n' "$PW" "$PW" | smbpasswd -c "$W/smb.conf" -s -a root >/dev/null
smbd --foreground --no-process-group -s "$W/smb.conf" > "$W/smbd.out" 2>&1 &

DITTOFS_DATA_DIR="$W/dittofs-data" "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$JAR" \
  --dittofs.control.enabled=false --dittofs.nfs.port=12049 --dittofs.smb.port=12445 \
  --dittofs.smb.static-users=root:$PW:0:0 > "$W/dittofs.log" 2>&1 &
for _ in $(seq 1 180); do
  (echo > /dev/tcp/127.0.0.1/1445) 2>/dev/null && (echo > /dev/tcp/127.0.0.1/12445) 2>/dev/null && break
  sleep 1
done
sleep 2

now() { date +%s.%N; }
rate() { awk -v mib="$MIB" -v s="$1" 'BEGIN { printf "%.1f", mib / s }'; }
results="$W/results.txt"
bench() { # name port mode
  local name=$1 port=$2 mode=$3 prot=--client-protection=sign
  [ "$mode" = encrypted ] && prot=--client-protection=encrypt
  for r in $(seq 0 "$RUNS"); do
    local f="big-$mode-$r.bin"
    rm -f "$W/back.bin"
    t0=$(now)
    smbclient //127.0.0.1/export -p "$port" -U "root%$PW" -m SMB3 "$prot" -c "put $W/src.bin $f" >/dev/null
    t1=$(now)
    smbclient //127.0.0.1/export -p "$port" -U "root%$PW" -m SMB3 "$prot" -c "get $f $W/back.bin" >/dev/null
    t2=$(now)
    [ "$(sha256sum < "$W/back.bin")" = "$SRC_SHA" ] || { echo "$name $mode: sha256 mismatch" >&2; exit 1; }
    smbclient //127.0.0.1/export -p "$port" -U "root%$PW" -m SMB3 "$prot" -c "del $f" >/dev/null
    local put get tag="run $r"
    put=$(rate "$(echo "$t1 - $t0" | bc)"); get=$(rate "$(echo "$t2 - $t1" | bc)")
    [ "$r" = 0 ] && tag="warm-up"
    echo "$name $mode $tag: put $put MiB/s, get $get MiB/s (load $(cut -d' ' -f1-3 /proc/loadavg))"
    [ "$r" = 0 ] || echo "$name $mode $put $get" >> "$results"
  done
}
for mode in signed encrypted; do
  bench dittofs 12445 "$mode"
  bench samba 1445 "$mode"
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "medians of $RUNS rounds, $MIB MiB, MiB/s:"
for mode in signed encrypted; do
  for op in put get; do
    col=3; [ "$op" = get ] && col=4
    d=$(awk -v m="$mode" -v c=$col '$1 == "dittofs" && $2 == m { print $c }' "$results" | median)
    s=$(awk -v m="$mode" -v c=$col '$1 == "samba" && $2 == m { print $c }' "$results" | median)
    echo "$mode $op: dittofs $d, samba $s, ratio $(awk -v d="$d" -v s="$s" 'BEGIN { printf "%.2f", d / s }')"
  done
done
