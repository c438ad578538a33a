# Sourced (POSIX sh) by ./dittofs, ./dfsctl and ./dfs after select-jdk.sh: builds the launcher jar and
# dfsctl.jar/dfs.jar together, once, under a lock, so `./dittofs &` followed at once by `./dfsctl ...`
# runs one build and the second script waits for it instead of building the same modules twice.
#
#   dittofs_build_jars GLOB   builds when no file matches GLOB (or DITTOFS_REBUILD=1)

dittofs_jar_present() {
  for _bj_f in $1; do [ -f "$_bj_f" ] && return 0; done
  return 1
}

dittofs_build_jars() {
  if [ "${DITTOFS_REBUILD:-0}" != 1 ] && dittofs_jar_present "$1"; then return 0; fi
  mkdir -p target
  exec 9>target/.build.lock
  if command -v flock >/dev/null 2>&1 && ! flock -n 9; then
    echo "dittofs: another build is running; waiting for it..." >&2
    flock 9
  fi
  # the other build may have made it meanwhile
  if [ "${DITTOFS_REBUILD:-0}" = 1 ] || ! dittofs_jar_present "$1"; then
    echo "dittofs: building the launcher and dfsctl with $JAVA_HOME (first run: a few minutes; Maven's output follows)..." >&2
    _bj_start=$(date +%s)
    ./mvnw -B -ntp -DskipTests -pl launcher,cli -am package >&2 \
      || { echo "dittofs: the build failed (see Maven's output above)" >&2; exit 1; }
    echo "dittofs: built in $(( $(date +%s) - _bj_start )) s" >&2
    DITTOFS_REBUILD=0
  fi
  exec 9>&-
}
