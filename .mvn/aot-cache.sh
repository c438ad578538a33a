# Sourced (bash) by ./dittofs after select-jdk.sh and build-jars.sh: start-up with an AOT cache.
# Start-up is mostly class loading, linking and Spring's reflection, the same work every time; a JDK
# >= 25 can keep it in an AOT cache (JEP 483/514). Measured: CPU until the NFS port accepts falls
# from ~11 s to ~4.7 s (docs/getting-started.md). The cache needs the application on the class path
# (not nested in the fat jar), so the jar is extracted once, then one training run
# (`spring.context.exit=onRefresh`: the Spring context is built, then the JVM exits) writes the
# cache. Both are redone when the jar is rebuilt. DITTOFS_AOT=0 (or a JDK < 25) runs the jar as is.
#
#   dittofs_launch_args JAR    prints the java arguments that run JAR, one per line

dittofs_launch_args() {
  _aot_jar=$1
  _aot_dir=$PWD/launcher/target/aot
  _aot_app=$_aot_dir/app/$(basename "$_aot_jar")
  _aot_major=$(dittofs_jdk_major "$JAVA_HOME")
  if [ "${DITTOFS_AOT:-1}" = 0 ] || ! [ "${_aot_major:-0}" -ge 25 ] 2>/dev/null; then
    printf '%s\n' -jar "$_aot_jar"
    return 0
  fi
  if [ ! -f "$_aot_dir/dittofs.aot" ] || [ "$_aot_jar" -nt "$_aot_dir/dittofs.aot" ]; then
    mkdir -p target
    exec 8>target/.aot.lock
    command -v flock >/dev/null 2>&1 && flock 8
    if [ ! -f "$_aot_dir/dittofs.aot" ] || [ "$_aot_jar" -nt "$_aot_dir/dittofs.aot" ]; then
      dittofs_aot_train "$_aot_jar" "$_aot_dir" "$_aot_app" || {
        echo "dittofs: no AOT cache (see $_aot_dir/train.log); starting without it" >&2
        rm -rf "$_aot_dir"
        exec 8>&-
        printf '%s\n' -jar "$_aot_jar"
        return 0
      }
    fi
    exec 8>&-
  fi
  printf '%s\n' "-XX:AOTCache=$_aot_dir/dittofs.aot" -jar "$_aot_app"
}

dittofs_aot_train() {
  # $1 jar, $2 cache dir, $3 extracted jar; a training run on a scratch data dir and free ports
  echo "dittofs: preparing the start-up cache once for this build (about 15-60 s)..." >&2
  rm -rf "$2" && mkdir -p "$2" || return 1
  java -Djarmode=tools -jar "$1" extract --destination "$2/app" >"$2/train.log" 2>&1 || return 1
  java --enable-native-access=ALL-UNNAMED -XX:AOTCacheOutput="$2/dittofs.aot.new" \
    -Dspring.context.exit=onRefresh -jar "$3" \
    --dittofs.data-dir="$2/training-data" --dittofs.nfs.port=0 --dittofs.smb.port=0 \
    --dittofs.control.http-port=0 --dittofs.management.port=0 >>"$2/train.log" 2>&1 || return 1
  rm -rf "$2/training-data"
  [ -s "$2/dittofs.aot.new" ] && mv "$2/dittofs.aot.new" "$2/dittofs.aot"
}
