#!/usr/bin/env bash
# Benchmark (not a test): DittoFS (launcher jar, embedded default) vs NFS-Ganesha (VFS export),
# same machine, loopback, same run. Runs inside a private network namespace (unshare -n) so the
# rpcbind that Ganesha needs and both servers are reachable only on that namespace's loopback.
# Needs root, libnfs-utils, nfs-ganesha, nfs-ganesha-vfs, rpcbind, a built launcher jar and nfs-client jar.
#   sudo e2e-tests/bench/nfs-vs-ganesha.sh [MiB=512] [files=2000] [runs=3]
# Environment: PORT_BASE (default 12000: DittoFS embedded NFS on BASE+49, separate on BASE+1049,
# with an S3 remote tier on BASE+2049, Ganesha on BASE+10049..52, services on BASE+11001..3, s3proxy
# on BASE+11010), SERVERS (default "dittofs dittofs-separate ganesha"; add dittofs-s3 for the
# embedded suite whose block-service writes through to s3proxy, filesystem backend on the same disk),
# WORKLOADS (default "cp meta calls random versions"), WARMUP (warm-up rounds per server, default 1), RANDOM_OPS (random 4 KiB operations per measured
# phase, default 12000), S3PROXY_JAR (default: the one Maven copied for
# block-service's tests, else the local Maven repository's s3proxy 4.1.0), S3_CACHE_MAX_BYTES (the
# S3 server's local cache bound, default 0 = unbounded; a bound below the file size makes reads
# come back from s3proxy), SEPARATE_TRANSPORT (unix = the default: the separate services on
# Unix-domain sockets in the run's temporary directory, as co-located services would be deployed;
# tcp = loopback TCP ports), DITTOFS_JVM_OPTS (JVM options of every DittoFS JVM, embedded and separate).
# Three servers, each measured the same way: DittoFS embedded (one JVM), DittoFS as separate
# processes (metadata, block, lock services and the gateway in four JVMs over gRPC) and
# Ganesha; the other servers are frozen (SIGSTOP) while one is measured. Per server: WARMUP warm-up rounds, then RUNS rounds of nfs-cp up/down, MetadataBench
# (create/stat/remove), CallRateBench (NULL and GETATTR calls/s on one connection) and
# RandomIoBench (random 4 KiB READ/WRITE IOPS, 1 and 8 in flight) and VersionBench (the same
# workloads over NFSv3 and NFSv4.1 with the project's Java client). Take medians of the rounds.
set -euo pipefail
cd "$(dirname "$0")/../.."
MIB=${1:-512}; FILES=${2:-2000}; RUNS=${3:-3}
# random 4 KiB operations per measured phase: at 20,000 IOPS, 4,000 made a 0.2 s phase that one GC
# or checkpoint could double
RANDOM_OPS=${RANDOM_OPS:-12000}
# warm-up rounds per server before the measured ones (left out of the medians). One is the
# issue's minimum; a JVM's hot paths reach C2 only after ~5,000 calls each, which the separate
# services (one call per 1 MiB WRITE) see after several rounds: WARMUP=3 measures a server that
# has been up for a while, as a NAS is (docs/benchmarks.md, "Warm-up").
WARMUP=${WARMUP:-1}
[ "$WARMUP" -ge 1 ] 2>/dev/null || { echo "WARMUP must be a number >= 1 (got '$WARMUP')" >&2; exit 2; }
if [ -z "${IN_NETNS:-}" ]; then
  exec unshare -n -m env IN_NETNS=1 "$0" "$@"
fi
ip link set lo up
# a private /run, so this rpcbind's socket and lock never meet another run's (or the host's)
mount --make-rprivate / && mount -t tmpfs tmpfs /run
B=${PORT_BASE:-12000}
P_EMB=$((B + 49)); P_SEP=$((B + 1049)); P_S3=$((B + 2049)); P_GAN=$((B + 10049)); P_S3PROXY=$((B + 11010))
P_META=$((B + 11001)); P_BLOCK=$((B + 11002)); P_LOCK=$((B + 11003))
SERVERS=${SERVERS:-dittofs dittofs-separate ganesha}
WORKLOADS=${WORKLOADS:-cp meta calls random versions}
SEPARATE_TRANSPORT=${SEPARATE_TRANSPORT:-unix}
want() { case " $1 " in *" $2 "*) return 0 ;; *) return 1 ;; esac; }
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
JAR=${DITTOFS_JAR:-$(ls launcher/target/launcher-*-exec.jar | head -1)}
CLIENT=${NFS_CLIENT_JAR:-$(ls nfs-client/target/nfs-client-*.jar | grep -v sources | head -1)}
W=$(mktemp -d "${TMPDIR:-/tmp}/dittofs-bench.XXXX")
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$W"' EXIT

# new random bytes per round, so content addressing (DittoFS stores a block once) never skips a
# round's data and the S3 tier uploads every round
for r in $(seq $((1 - WARMUP)) "$RUNS"); do
  head -c $((MIB * 1024 * 1024)) /dev/urandom > "$W/src-$r.bin"
  sha256sum < "$W/src-$r.bin" > "$W/src-$r.sha"
done
# the sources' writeback would otherwise tax whichever server is measured first
sync

rpcbind -f -w & sleep 1
mkdir -p "$W/ganesha-export" /var/lib/nfs/ganesha
cat > "$W/ganesha.conf" <<CONF
NFS_CORE_PARAM { NFS_Port = $P_GAN; MNT_Port = $((P_GAN + 1)); NLM_Port = $((P_GAN + 2)); Rquota_Port = $((P_GAN + 3));
  Protocols = 3, 4; Enable_NLM = false; Enable_RQUOTA = false; }
NFSV4 { Graceless = true; }
EXPORT { Export_Id = 1; Path = $W/ganesha-export; Pseudo = /gexport; Access_Type = RW;
  Squash = No_Root_Squash; SecType = sys; Protocols = 3, 4; Transports = TCP; FSAL { Name = VFS; } }
LOG { Default_Log_Level = WARN; }
CONF
# each server is a job of this shell itself (not of a subshell), so the EXIT trap's kill reaches it
if want "$SERVERS" ganesha; then
  ganesha.nfsd -F -f "$W/ganesha.conf" -L "$W/ganesha.log" -p "$W/ganesha.pid" -N NIV_WARN &
fi
if want "$SERVERS" dittofs; then
  DITTOFS_NFS_PORT=$P_EMB DITTOFS_DATA_DIR="$W/dittofs-data" "$JAVA" --enable-native-access=ALL-UNNAMED \
    ${DITTOFS_JVM_OPTS:-} -jar "$JAR" --dittofs.smb.port=0 > "$W/dittofs.log" 2>&1 &
  echo $! > "$W/dittofs.pid"
fi
if want "$SERVERS" dittofs-s3; then
  S3JAR=${S3PROXY_JAR:-block-service/target/s3proxy/s3proxy.jar}
  [ -f "$S3JAR" ] || S3JAR=$HOME/.m2/repository/org/gaul/s3proxy/4.1.0/s3proxy-4.1.0-jar-with-dependencies.jar
  mkdir -p "$W/s3"
  printf '%s\n' "s3proxy.endpoint=http://127.0.0.1:$P_S3PROXY" s3proxy.authorization=none \
    jclouds.provider=filesystem-nio2 "jclouds.filesystem.basedir=$W/s3" jclouds.identity=bench jclouds.credential=bench \
    > "$W/s3proxy.properties"
  "$JAVA" -Xmx512m -cp "$S3JAR" org.gaul.s3proxy.Main --properties "$W/s3proxy.properties" > "$W/s3proxy.log" 2>&1 &
  for _ in $(seq 1 120); do (echo > /dev/tcp/127.0.0.1/$P_S3PROXY) 2>/dev/null && break; sleep 0.5; done
  curl -sf -X PUT "http://127.0.0.1:$P_S3PROXY/dittofs" > /dev/null
  DITTOFS_NFS_PORT=$P_S3 DITTOFS_DATA_DIR="$W/dittofs-s3-data" "$JAVA" --enable-native-access=ALL-UNNAMED \
    ${DITTOFS_JVM_OPTS:-} -jar "$JAR" --dittofs.smb.port=0 --dittofs.control.http-port=0 --dittofs.block.remote.kind=s3 \
    --dittofs.block.remote.s3.endpoint=http://127.0.0.1:$P_S3PROXY --dittofs.block.remote.s3.bucket=dittofs \
    --dittofs.block.remote.s3.access-key=bench --dittofs.block.remote.s3.secret-key=bench \
    --dittofs.block.local.cache-max-bytes=${S3_CACHE_MAX_BYTES:-0} > "$W/dittofs-s3.log" 2>&1 &
  echo $! > "$W/dittofs-s3.pid"
fi
# the same jar as separate processes: one JVM per service, gRPC between them (as SeparateProcessesIT);
# SEPARATE_TRANSPORT=unix (default: the services are co-located) or tcp
svc() { # name main-class args...
  local name=$1 main=$2; shift 2
  "$JAVA" --enable-native-access=ALL-UNNAMED ${DITTOFS_JVM_OPTS:-} -Dloader.main="$main" -jar "$JAR" "$@" > "$W/$name.log" 2>&1 &
  echo $! > "$W/$name.pid"
}
if want "$SERVERS" dittofs-separate; then
case "$SEPARATE_TRANSPORT" in
  unix) T_META=unix:$W/sock/meta.sock; T_BLOCK=unix:$W/sock/block.sock; T_LOCK=unix:$W/sock/lock.sock ;;
  tcp) T_META=127.0.0.1:$P_META; T_BLOCK=127.0.0.1:$P_BLOCK; T_LOCK=127.0.0.1:$P_LOCK ;;
  *) echo "SEPARATE_TRANSPORT must be unix or tcp (got '$SEPARATE_TRANSPORT')" >&2; exit 2 ;;
esac
svc meta io.dittofs.metadata.MetadataServiceApplication --dittofs.data-dir="$W/sep-meta" \
  --dittofs.metadata.grpc.listen=$T_META --dittofs.metadata.content.block-target=$T_BLOCK
svc block io.dittofs.block.BlockServiceApplication --dittofs.data-dir="$W/sep-block" --dittofs.block.grpc.listen=$T_BLOCK
svc lock io.dittofs.lock.LockServiceApplication --dittofs.data-dir="$W/sep-lock" --dittofs.lock.grpc.listen=$T_LOCK
listening() { # target
  case "$1" in
    unix:*) [ -S "${1#unix:}" ] ;;
    *) (echo > "/dev/tcp/${1%:*}/${1##*:}") 2>/dev/null ;;
  esac
}
for _ in $(seq 1 180); do
  listening "$T_META" && listening "$T_BLOCK" && listening "$T_LOCK" && break
  sleep 1
done
svc gateway io.dittofs.gateway.GatewayApplication --dittofs.nfs.port=$P_SEP --dittofs.nfs.bind-address=127.0.0.1 \
  --dittofs.smb.port=0 --dittofs.gateway.metadata-target=$T_META --dittofs.gateway.block-target=$T_BLOCK \
  --dittofs.gateway.lock-target=$T_LOCK --dittofs.gateway.gateway-id=bench
fi
up() { ! want "$SERVERS" "$1" || (echo > "/dev/tcp/127.0.0.1/$2") 2>/dev/null; }
for _ in $(seq 1 180); do
  up dittofs $P_EMB && up dittofs-separate $P_SEP && up dittofs-s3 $P_S3 && up ganesha $P_GAN && break
  sleep 1
done
sleep 2

now() { date +%s.%N; }
# CPU seconds (utime+stime) used so far by each DittoFS JVM of a server, to compare server CPU per op
cpu_of() { awk '{ printf "%.1f", ($14 + $15) / 100 }' "/proc/$1/stat" 2>/dev/null || echo "?"; }
cpu_line() { # name
  case "$1" in
    dittofs|dittofs-s3|ganesha) [ -f "$W/$1.pid" ] && echo ", cpu s: $(cpu_of "$(tr -d ' \n' < "$W/$1.pid")")" ;;
    dittofs-separate)
      local out=", cpu s:" n
      for n in gateway meta block lock; do out="$out $n $(cpu_of "$(cat "$W/$n.pid")")"; done
      echo "$out" ;;
  esac
  true
}
# the processes that make up a server, comma-separated, for the Java benches' server CPU per op
# (-Ddittofs.bench.server-pid): the same figure for every server, which a loaded machine disturbs less than a rate
server_pids() { # name
  case "$1" in
    dittofs-separate) echo "$(cat "$W/gateway.pid"),$(cat "$W/meta.pid"),$(cat "$W/block.pid"),$(cat "$W/lock.pid")" ;;
    *) [ -f "$W/$1.pid" ] && tr -d ' \n' < "$W/$1.pid" ;;
  esac
  true
}
rate() { awk -v mib="$MIB" -v s="$1" 'BEGIN { printf "%.1f", mib / s }'; }
# the other servers' processes, frozen (SIGSTOP) while one is measured: an idle JVM still runs
# timers, lease renewals and GC, which showed as 2-5x swings in 0.2 s phases of the server measured
others_pids() { # name
  local n
  for n in dittofs dittofs-separate dittofs-s3 ganesha; do
    [ "$n" = "$1" ] || ! want "$SERVERS" "$n" || server_pids "$n" | tr ',' ' '
    echo
  done
}
bench() { # name url-of-file nfsport mountport export v4-path
  local name=$1 url=$2
  local cpu="-Ddittofs.bench.server-pid=$(server_pids "$name")"
  local frozen; frozen=$(others_pids "$name" | xargs)
  [ -z "$frozen" ] || kill -STOP $frozen
  sync # nor may the previous server's dirty pages tax this one
  for r in $(seq $((1 - WARMUP)) "$RUNS"); do
    local tag="run $r"; [ "$r" -le 0 ] && tag="warm-up"
    u=${url/big.bin/big-$r.bin}
    if want "$WORKLOADS" cp; then
    t0=$(now); nfs-cp "$W/src-$r.bin" "$u" >/dev/null; t1=$(now)
    rm -f "$W/back.bin"; nfs-cp "$u" "$W/back.bin" >/dev/null; t2=$(now)
    [ "$(sha256sum < "$W/back.bin")" = "$(cat "$W/src-$r.sha")" ] || { echo "$name: sha256 mismatch" >&2; exit 1; }
    echo "$name $tag: write $(rate "$(echo "$t1 - $t0" | bc)") MiB/s, read $(rate "$(echo "$t2 - $t1" | bc)") MiB/s"
    fi
    want "$WORKLOADS" meta && echo "$name $tag: $("$JAVA" "$cpu" -cp "$CLIENT" io.dittofs.nfsclient.bench.MetadataBench 127.0.0.1 "$3" "$5" "$FILES" "$4")"
    want "$WORKLOADS" calls && echo "$name $tag: $("$JAVA" "$cpu" -cp "$CLIENT" io.dittofs.nfsclient.bench.CallRateBench 127.0.0.1 "$3" "$5" 20000 "$4")"
    want "$WORKLOADS" random && echo "$name $tag: $("$JAVA" "$cpu" -cp "$CLIENT" io.dittofs.nfsclient.bench.RandomIoBench 127.0.0.1 "$3" "$5" "$RANDOM_OPS" 64 "$4")"
    want "$WORKLOADS" versions && "$JAVA" -cp "$CLIENT" io.dittofs.nfsclient.bench.VersionBench 127.0.0.1 "$3" "$5" "$6" \
      $((MIB < 256 ? MIB : 256)) "$FILES" "$4" | sed "s/^/$name $tag: /"
    echo "$name $tag: load $(cut -d' ' -f1-3 /proc/loadavg)$(cpu_line "$name")"
  done
  [ -z "$frozen" ] || kill -CONT $frozen
}
want "$SERVERS" dittofs && bench dittofs "nfs://127.0.0.1/export/big.bin?nfsport=$P_EMB&mountport=$P_EMB" $P_EMB $P_EMB /export /export
want "$SERVERS" dittofs-separate && bench dittofs-separate "nfs://127.0.0.1/export/big.bin?nfsport=$P_SEP&mountport=$P_SEP" $P_SEP $P_SEP /export /export
want "$SERVERS" dittofs-s3 && bench dittofs-s3 "nfs://127.0.0.1/export/big.bin?nfsport=$P_S3&mountport=$P_S3" $P_S3 $P_S3 /export /export
want "$SERVERS" dittofs-s3 && echo "dittofs-s3: $(find "$W/s3/dittofs" -type f | wc -l) objects, $(du -sm "$W/s3/dittofs" | cut -f1) MiB in s3proxy after the runs"
want "$SERVERS" ganesha && bench ganesha "nfs://127.0.0.1$W/ganesha-export/big.bin?nfsport=$P_GAN&mountport=$((P_GAN + 1))" $P_GAN $((P_GAN + 1)) "$W/ganesha-export" /gexport
true
