# Sourced (POSIX sh) by ./mvnw, ./dittofs, ./dfsctl and .ci/run: the one place that picks the JDK.
# DittoFS needs Java >= 21. Keeps JAVA_HOME when it already points at one; otherwise takes the
# `java` on PATH if that is new enough, else the newest JDK >= 21 under /usr/lib/jvm (or
# DITTOFS_JDK_DIRS, space-separated globs). Exports JAVA_HOME and puts its bin first on PATH; prints
# one line to stderr when it had to replace a too-old JAVA_HOME; exits 1 with the fix when none fits.

dittofs_jdk_major() {
  # $1 = a JDK home; prints its feature version (17, 21, 25) or nothing
  _dj_v=
  if [ -r "$1/release" ]; then
    _dj_v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1)
  fi
  if [ -z "$_dj_v" ] && [ -x "$1/bin/java" ]; then
    _dj_v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  printf '%s' "$_dj_v"
}

dittofs_jdk_ok() {
  # a usable JDK >= 21: java and javac present (Maven compiles)
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  _dj_m=$(dittofs_jdk_major "$1")
  [ -n "$_dj_m" ] && [ "$_dj_m" -ge 21 ] 2>/dev/null
}

dittofs_select_jdk() {
  if dittofs_jdk_ok "${JAVA_HOME:-}"; then
    return 0
  fi
  _dj_old=${JAVA_HOME:-}
  _dj_pick=
  # the java on PATH (resolved through symlinks such as /etc/alternatives)
  _dj_java=$(command -v java 2>/dev/null || true)
  if [ -n "$_dj_java" ]; then
    _dj_home=$(dirname "$(dirname "$(readlink -f "$_dj_java" 2>/dev/null || printf '%s' "$_dj_java")")")
    if dittofs_jdk_ok "$_dj_home"; then _dj_pick=$_dj_home; fi
  fi
  if [ -z "$_dj_pick" ]; then
    # newest first; globbing may be off (mvnw runs with set -f)
    case $- in *f*) _dj_noglob=1; set +f ;; *) _dj_noglob=0 ;; esac
    _dj_best=0
    for _dj_c in ${DITTOFS_JDK_DIRS:-/usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/*}; do
      if dittofs_jdk_ok "$_dj_c"; then
        _dj_m=$(dittofs_jdk_major "$_dj_c")
        if [ "$_dj_m" -gt "$_dj_best" ]; then _dj_best=$_dj_m; _dj_pick=$_dj_c; fi
      fi
    done
    if [ "$_dj_noglob" = 1 ]; then set -f; fi
  fi
  if [ -z "$_dj_pick" ]; then
    if [ -n "$_dj_old" ]; then
      _dj_what="JAVA_HOME=$_dj_old is Java $(dittofs_jdk_major "$_dj_old")"
    else
      _dj_what="java on PATH is Java $( [ -n "$_dj_java" ] && dittofs_jdk_major "$_dj_home")"
    fi
    echo "dittofs: needs a JDK >= 21 but $_dj_what and none was found under /usr/lib/jvm; install one (sudo apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it" >&2
    return 1
  fi
  if [ -n "$_dj_old" ]; then
    echo "dittofs: JAVA_HOME=$_dj_old is not a JDK >= 21; using $_dj_pick" >&2
  fi
  JAVA_HOME=$_dj_pick
  PATH="$JAVA_HOME/bin:$PATH"
  export JAVA_HOME PATH
}

dittofs_select_jdk || exit 1
