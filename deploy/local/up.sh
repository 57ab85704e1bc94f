#!/usr/bin/env bash
# deploy/local/up.sh - run the suite on this machine.
#
# Builds the jars if one is missing (or when --build is given), makes sure the schemas exist,
# picks a JDK >= 21 when one is installed (so virtual threads are on), starts user-service,
# passport-service, article-service, moments-service and the gateway (in that order) in the
# background against the local MySQL/MariaDB and Redis, waits until every /actuator/health says UP
# and prints the gateway URL. Logs and pid files go to the run directory (deploy/local/run/ by default);
# deploy/local/down.sh stops what this started. It refuses to start over a running copy. Works
# from any working directory.
#
# Each service runs from its jar extracted next to it (<module>/target/aot-cache/<size>-<mtime>/),
# and on a JDK 25+ with an AOT cache made there by a training run the first time that jar meets
# that JDK (2-3 minutes once per build on a 2-core machine; later starts take about half as long).
# That is opt-in (AOT_CACHE=auto): measured here it halves steady-state throughput (docs/startup.md);
# the default, AOT_CACHE=off, runs the executable jars as they are.
#
# Usage: deploy/local/up.sh [--build]
#
# Environment (all optional; defaults in brackets):
#   GATEWAY_PORT [10010], PASSPORT_PORT [10011], USER_SERVICE_PORT [10012], ARTICLE_SERVICE_PORT [10013],
#   MOMENTS_SERVICE_PORT [10014]
#                      each process gets its own SERVER_PORT from these
#   MYSQL_HOST [127.0.0.1], MYSQL_PORT [3306], MYSQL_USER [root], MYSQL_PASSWORD [empty]
#                      used here to create passport_db, user_db, article_db and moments_db, and passed to
#                      the services
#   PASSPORT_DB_URL, USER_DB_URL, ARTICLE_DB_URL, MOMENTS_DB_URL   whole JDBC URLs, passed through when set
#   REDIS_URL [redis://127.0.0.1:6379]  passed through when set
#   PASSPORT_URL [http://127.0.0.1:$PASSPORT_PORT], USER_SERVICE_URL [http://127.0.0.1:$USER_SERVICE_PORT],
#   ARTICLE_SERVICE_URL [http://127.0.0.1:$ARTICLE_SERVICE_PORT],
#   MOMENTS_SERVICE_URL [http://127.0.0.1:$MOMENTS_SERVICE_PORT]
#                      where the services and the gateway find each other
#   MOMENTS_STORAGE_DIR [$SUITE_RUN_DIR/moments-files]  where moments-service keeps the pictures of moments
#   MOMENTS_STORAGE_BASE_URL [http://127.0.0.1:$GATEWAY_PORT/files/]
#                      the public URL its pictures are answered under (the gateway routes
#                      /files/moments/** back to moments-service)
#   INTERNAL_AUTH_SECRET                passed through when set (the services fall back to their
#                                       development default, which the prod profile refuses)
#   Anything else a service reads from the environment is passed through unchanged, e.g.
#   SPRING_PROFILES_ACTIVE, the gateway's RATE_LIMIT_{LOGIN,REGISTER,CAPTCHA,CHECK_MOBILE}_PER_MINUTE,
#   passport's PASSPORT_BCRYPT_COST, PASSPORT_TOKEN_PRIVATE_KEY and PASSPORT_TOKEN_KEY_ID,
#   article-service's ARTICLE_DB_POOL_SIZE and ARTICLE_COMMENTS_PER_MINUTE, moments-service's
#   MOMENTS_STORAGE_TYPE
#   (docs/configuration.md lists them)
#   SUITE_JAVA         the java binary to run the services with, taken as it is (skips the choice below)
#   JAVA_HOME          used when it is a JDK >= 21; otherwise /usr/lib/jvm/*25*, then *21*, then `java`
#   AOT_CACHE [off]    auto: run the extracted jars, with an AOT cache on a JDK 25+ (trained when
#                      missing or made for another jar or JDK): starts in half the time, but measured
#                      at half the steady-state throughput (docs/startup.md); off: the executable jars
#   AOT_TRAIN_JOBS [number of CPUs]     training runs at once when caches are made
#   JAVA_OPTS          JVM options for all five processes (word-split on spaces)
#   GATEWAY_JAVA_OPTS, PASSPORT_JAVA_OPTS, USER_SERVICE_JAVA_OPTS, ARTICLE_JAVA_OPTS, MOMENTS_JAVA_OPTS
#                      extra JVM options per process
#   SUITE_VERSION [0.1.0-SNAPSHOT]      jar version: <module>/target/<module>-$SUITE_VERSION.jar
#   SUITE_RUN_DIR [deploy/local/run]    logs and pid files (down.sh must see the same value)
#   UP_TIMEOUT [120]   seconds to wait for all five to report UP
#   HEALTH_HOST [127.0.0.1]             where the health checks connect
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "${SCRIPT_DIR}/../.." && pwd)"
RUN_DIR="${SUITE_RUN_DIR:-${SCRIPT_DIR}/run}"
SUITE_VERSION="${SUITE_VERSION:-0.1.0-SNAPSHOT}"
UP_TIMEOUT="${UP_TIMEOUT:-120}"
HEALTH_HOST="${HEALTH_HOST:-127.0.0.1}"
AOT_CACHE="${AOT_CACHE:-off}"
AOT_TRAIN_JOBS="${AOT_TRAIN_JOBS:-$(nproc 2>/dev/null || echo 2)}"

GATEWAY_PORT="${GATEWAY_PORT:-10010}"
PASSPORT_PORT="${PASSPORT_PORT:-10011}"
USER_SERVICE_PORT="${USER_SERVICE_PORT:-10012}"
ARTICLE_SERVICE_PORT="${ARTICLE_SERVICE_PORT:-10013}"
MOMENTS_SERVICE_PORT="${MOMENTS_SERVICE_PORT:-10014}"

MYSQL_HOST="${MYSQL_HOST:-127.0.0.1}"
MYSQL_PORT="${MYSQL_PORT:-3306}"
MYSQL_USER="${MYSQL_USER:-root}"
MYSQL_PASSWORD="${MYSQL_PASSWORD:-}"
export MYSQL_HOST MYSQL_PORT MYSQL_USER MYSQL_PASSWORD

# The services find each other here; the defaults follow the ports chosen above.
export PASSPORT_URL="${PASSPORT_URL:-http://127.0.0.1:${PASSPORT_PORT}}"
export USER_SERVICE_URL="${USER_SERVICE_URL:-http://127.0.0.1:${USER_SERVICE_PORT}}"
export ARTICLE_SERVICE_URL="${ARTICLE_SERVICE_URL:-http://127.0.0.1:${ARTICLE_SERVICE_PORT}}"
export MOMENTS_SERVICE_URL="${MOMENTS_SERVICE_URL:-http://127.0.0.1:${MOMENTS_SERVICE_PORT}}"

# moments-service stores pictures on local disk by default and answers their URLs under the gateway.
export MOMENTS_STORAGE_DIR="${MOMENTS_STORAGE_DIR:-${RUN_DIR}/moments-files}"
export MOMENTS_STORAGE_BASE_URL="${MOMENTS_STORAGE_BASE_URL:-http://127.0.0.1:${GATEWAY_PORT}/files/}"

# Start order: the services before the gateway that routes to them (user-service first: passport,
# article-service and moments-service call it).
MODULES=(user-service passport-service article-service moments-service gateway)

log() { printf '[up] %s\n' "$*"; }
die() { printf '[up] ERROR: %s\n' "$*" >&2; exit 1; }

build=false
for arg in "$@"; do
  case "${arg}" in
    --build) build=true ;;
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d'; exit 0 ;;
    *) die "unknown argument: ${arg} (usage: up.sh [--build])" ;;
  esac
done

case "${AOT_CACHE}" in
  auto | off) ;;
  *) die "AOT_CACHE must be auto or off, not '${AOT_CACHE}'" ;;
esac
[[ "${AOT_TRAIN_JOBS}" =~ ^[1-9][0-9]*$ ]] || die "AOT_TRAIN_JOBS must be a positive number, not '${AOT_TRAIN_JOBS}'"

port_of() {
  case "$1" in
    gateway) echo "${GATEWAY_PORT}" ;;
    passport-service) echo "${PASSPORT_PORT}" ;;
    user-service) echo "${USER_SERVICE_PORT}" ;;
    article-service) echo "${ARTICLE_SERVICE_PORT}" ;;
    moments-service) echo "${MOMENTS_SERVICE_PORT}" ;;
    *) die "unknown module $1" ;;
  esac
}

extra_opts_of() {
  case "$1" in
    gateway) echo "${GATEWAY_JAVA_OPTS:-}" ;;
    passport-service) echo "${PASSPORT_JAVA_OPTS:-}" ;;
    user-service) echo "${USER_SERVICE_JAVA_OPTS:-}" ;;
    article-service) echo "${ARTICLE_JAVA_OPTS:-}" ;;
    moments-service) echo "${MOMENTS_JAVA_OPTS:-}" ;;
  esac
}

jar_of() { echo "${ROOT}/$1/target/$1-${SUITE_VERSION}.jar"; }

# True when pid $2 is alive and is a JVM running module $1's jar, the executable one or its extracted
# copy under target/aot-cache/ (guards against pid reuse).
pid_runs_module() {
  local module="$1" pid="$2" cmdline
  [[ "${pid}" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/${pid}/cmdline" ]] || return 1
  cmdline="$({ tr '\0' ' ' <"/proc/${pid}/cmdline"; } 2>/dev/null)" || return 1
  [[ "${cmdline}" == *"/${module}/target/${module}-"*".jar"* ||
    "${cmdline}" == *"/${module}/target/aot-cache/"*"/${module}-"*".jar"* ]]
}

port_in_use() {
  (exec 3<>"/dev/tcp/${HEALTH_HOST}/$1") 2>/dev/null
}

# --- refuse to start over a running copy --------------------------------------------------------
mkdir -p "${RUN_DIR}"
for module in "${MODULES[@]}"; do
  pid_file="${RUN_DIR}/${module}.pid"
  if [[ -f "${pid_file}" ]]; then
    pid="$(cat "${pid_file}")"
    if pid_runs_module "${module}" "${pid}"; then
      die "${module} is already running (pid ${pid}, ${pid_file}); stop it with deploy/local/down.sh first"
    fi
    log "removing stale pid file ${pid_file}"
    rm -f "${pid_file}"
  fi
done
for module in "${MODULES[@]}"; do
  port="$(port_of "${module}")"
  if port_in_use "${port}"; then
    die "port ${port} (${module}) is already taken by another process; free it or set the *_PORT variables"
  fi
done

# --- build ---------------------------------------------------------------------------------------
for module in "${MODULES[@]}"; do
  [[ -f "$(jar_of "${module}")" ]] || build=true
done
if [[ "${build}" == true ]]; then
  log "building the jars: ./mvnw -q -B -DskipTests package"
  (cd "${ROOT}" && ./mvnw -q -B -DskipTests package)
  for module in "${MODULES[@]}"; do
    [[ -f "$(jar_of "${module}")" ]] || die "the build did not produce $(jar_of "${module}")"
  done
fi

# --- schemas -------------------------------------------------------------------------------------
# Best effort: the services also create their schema through their JDBC URL.
db_client=""
for candidate in mariadb mysql; do
  if command -v "${candidate}" >/dev/null 2>&1; then
    db_client="${candidate}"
    break
  fi
done
if [[ -n "${db_client}" ]]; then
  if MYSQL_PWD="${MYSQL_PASSWORD}" "${db_client}" --protocol=TCP -h "${MYSQL_HOST}" -P "${MYSQL_PORT}" \
    -u "${MYSQL_USER}" --connect-timeout=5 \
    -e 'CREATE DATABASE IF NOT EXISTS passport_db; CREATE DATABASE IF NOT EXISTS user_db; CREATE DATABASE IF NOT EXISTS article_db; CREATE DATABASE IF NOT EXISTS moments_db;' \
    2>"${RUN_DIR}/db-init.err"; then
    log "schemas passport_db, user_db, article_db and moments_db present on ${MYSQL_HOST}:${MYSQL_PORT}"
    rm -f "${RUN_DIR}/db-init.err"
  else
    log "WARNING: could not create the schemas with ${db_client} ($(head -c 300 "${RUN_DIR}/db-init.err")); the services will try themselves"
  fi
else
  log "no mariadb/mysql client found; the services create their schemas themselves"
fi

# --- JDK -----------------------------------------------------------------------------------------
java_major() {
  local version
  version="$("$1" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }')" || return 1
  [[ -n "${version}" ]] || return 1
  version="${version%%[.+-]*}"
  [[ "${version}" =~ ^[0-9]+$ ]] || return 1
  echo "${version}"
}

# The build of a JVM as `java -version` prints it, e.g. 25.0.3+9-LTS (its java.runtime.version).
java_runtime_version() {
  "$1" -version 2>&1 | sed -n 's/.*Runtime Environment.*(build \([^)]*\)).*/\1/p' | head -n 1
}

pick_java() {
  local candidate major
  if [[ -n "${SUITE_JAVA:-}" ]]; then
    [[ -x "${SUITE_JAVA}" ]] || die "SUITE_JAVA=${SUITE_JAVA} is not an executable"
    echo "${SUITE_JAVA}"
    return
  fi
  if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
    major="$(java_major "${JAVA_HOME}/bin/java" || echo 0)"
    if ((major >= 21)); then
      echo "${JAVA_HOME}/bin/java"
      return
    fi
  fi
  for pattern in '*25*' '*21*'; do
    for candidate in /usr/lib/jvm/${pattern}/bin/java; do
      [[ -x "${candidate}" ]] || continue
      major="$(java_major "${candidate}" || echo 0)"
      if ((major >= 21)); then
        echo "${candidate}"
        return
      fi
    done
  done
  if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
    echo "${JAVA_HOME}/bin/java"
  elif command -v java >/dev/null 2>&1; then
    command -v java
  else
    die "no java found (set JAVA_HOME)"
  fi
}

JAVA_BIN="$(pick_java)"
JAVA_MAJOR="$(java_major "${JAVA_BIN}" || echo '?')"
if [[ "${JAVA_MAJOR}" =~ ^[0-9]+$ ]] && ((JAVA_MAJOR >= 21)); then
  log "java ${JAVA_MAJOR}: ${JAVA_BIN} (virtual threads on)"
else
  log "java ${JAVA_MAJOR}: ${JAVA_BIN} (below 21: virtual threads stay off)"
fi

# --- start ---------------------------------------------------------------------------------------
STARTED=()

stop_started() {
  local module pid_file pid
  for module in "${STARTED[@]}"; do
    pid_file="${RUN_DIR}/${module}.pid"
    [[ -f "${pid_file}" ]] || continue
    pid="$(cat "${pid_file}")"
    if pid_runs_module "${module}" "${pid}"; then
      kill -TERM "${pid}" 2>/dev/null || true
    fi
  done
  local deadline=$((SECONDS + 20))
  for module in "${STARTED[@]}"; do
    pid_file="${RUN_DIR}/${module}.pid"
    [[ -f "${pid_file}" ]] || continue
    pid="$(cat "${pid_file}")"
    while pid_runs_module "${module}" "${pid}" && ((SECONDS < deadline)); do
      sleep 0.5
    done
    if pid_runs_module "${module}" "${pid}"; then
      kill -KILL "${pid}" 2>/dev/null || true
    fi
    rm -f "${pid_file}"
  done
}

# fail_start "reason" module...: prints the tail of each named module's log, stops everything this
# run started and exits non-zero.
fail_start() {
  local reason="$1" module
  shift
  printf '[up] ERROR: %s\n' "${reason}" >&2
  for module in "$@"; do
    printf '[up] ----- last lines of %s -----\n' "${RUN_DIR}/${module}.log" >&2
    tail -n 60 "${RUN_DIR}/${module}.log" >&2 || true
  done
  log "stopping what this run started"
  stop_started
  exit 1
}

# --- extracted jars and AOT caches ---------------------------------------------------------------
# A service starts faster from its executable jar extracted (`java -Djarmode=tools -jar ... extract`:
# the application jar and lib/, plain jars on the class path) than from the nested jars, and an AOT
# cache (JDK 25+: JEP 483, 514 and 515) needs that form. Each jar is extracted once, into
# <module>/target/aot-cache/<size>-<mtime>/ (what the JVM checks of a class path jar); a rebuilt
# jar gets a new directory, and the older ones go unless a process still runs from them. On a
# JDK 25+ that directory also holds jdk-<java.runtime.version>.aot, written by a training run: the
# service with the options it runs with, -XX:AOTCacheOutput and -Dspring.context.exit=onRefresh,
# which makes it exit once its context has refreshed (beans created, Flyway applied; no port
# bound, no scheduled work started) and the JVM write the cache on the way out. A cache is used
# only once its training finished (.ok beside it); one the JVM refuses at start-up is dropped and
# trained again the next time. A <dir>.lock/ (holding the pid) keeps two runs from preparing the
# same directory at once; the end-to-end tests' launcher shares these directories.

declare -A LAUNCH_JAR=() AOT_FILE=() TRAINING=() TRAIN_STARTED=() LOG_OFFSET=()
LOCKED=()

aot_root_of() { echo "${ROOT}/$1/target/aot-cache"; }

# True when some process has a command-line argument inside directory $1 (a JVM running from it).
dir_in_use() {
  local cmdline arg
  local -a args
  for cmdline in /proc/[0-9]*/cmdline; do
    mapfile -d '' -t args <"${cmdline}" 2>/dev/null || continue
    for arg in "${args[@]}"; do
      [[ "${arg}" == *"$1/"* ]] && return 0
    done
  done
  return 1
}

# True when lock directory $1 holds the pid of a live process.
lock_alive() {
  local pid
  pid="$(cat "$1/pid" 2>/dev/null)" || return 1
  [[ "${pid}" =~ ^[0-9]+$ ]] && kill -0 "${pid}" 2>/dev/null
}

# Takes <dir>.lock for this run; false when a live process holds it.
aot_lock() {
  local lock="$1.lock"
  mkdir -p "$(dirname "$1")"
  if ! mkdir "${lock}" 2>/dev/null; then
    lock_alive "${lock}" && return 1
    rm -rf "${lock}"
    mkdir "${lock}" 2>/dev/null || return 1
  fi
  echo "$$" >"${lock}/pid"
  LOCKED+=("$1")
}

aot_unlock() {
  rm -rf "$1.lock"
}

# Removes module $1's extracted copies other than $2, unless in use or being prepared.
remove_old_extracts() {
  local entry
  for entry in "$(aot_root_of "$1")"/*; do
    [[ -d "${entry}" && "${entry}" != "$2" && "${entry}" != "$2.lock" ]] || continue
    if [[ "${entry}" == *.lock ]]; then
      lock_alive "${entry}" || rm -rf "${entry}"
      continue
    fi
    if [[ -d "${entry}.lock" ]] || dir_in_use "${entry}"; then
      continue
    fi
    rm -rf "${entry}"
  done
  return 0
}

# An interrupted training run is worth nothing: SIGKILL, so its JVM does not go on to write a
# cache of half a run on the way out (SIGTERM would).
stop_training() {
  local module
  for module in "${!TRAINING[@]}"; do
    kill -KILL "${TRAINING[${module}]}" 2>/dev/null || true
  done
  for module in "${!TRAINING[@]}"; do
    wait "${TRAINING[${module}]}" 2>/dev/null || true
  done
  TRAINING=()
}

release_locks() {
  local dir
  for dir in "${LOCKED[@]+"${LOCKED[@]}"}"; do
    aot_unlock "${dir}"
  done
  LOCKED=()
}

trap 'log "interrupted; stopping what this run started"; stop_training; stop_started; release_locks; exit 130' INT TERM

read -r -a common_opts <<<"${JAVA_OPTS:-}"

use_aot=false
JAVA_RUNTIME="$(java_runtime_version "${JAVA_BIN}" | tr -c 'A-Za-z0-9._+\n-' '_')"
if [[ "${AOT_CACHE}" == off ]]; then
  log "AOT_CACHE=off: running the executable jars"
elif [[ "${JAVA_MAJOR}" =~ ^[0-9]+$ ]] && ((JAVA_MAJOR >= 25)) && [[ -n "${JAVA_RUNTIME}" ]]; then
  use_aot=true
  log "AOT cache on (java ${JAVA_RUNTIME}); AOT_CACHE=off runs the executable jars"
else
  log "no AOT cache below java 25: running the extracted jars without one"
fi

to_train=()
for module in "${MODULES[@]}"; do
  LAUNCH_JAR[${module}]="$(jar_of "${module}")"
  [[ "${AOT_CACHE}" == auto ]] || continue
  jar="$(jar_of "${module}")"
  dir="$(aot_root_of "${module}")/$(stat -c '%s-%Y' "${jar}")"
  if ! aot_lock "${dir}"; then
    log "${module}: ${dir} is being prepared by another run (pid $(cat "${dir}.lock/pid" 2>/dev/null)); starting the executable jar"
    continue
  fi
  remove_old_extracts "${module}" "${dir}"
  if [[ ! -f "${dir}/.extracted" ]]; then
    rm -rf "${dir}"
    if ! "${JAVA_BIN}" -Djarmode=tools -jar "${jar}" extract --destination "${dir}" \
      >"${RUN_DIR}/${module}-extract.log" 2>&1; then
      log "WARNING: could not extract ${jar} (${RUN_DIR}/${module}-extract.log); starting the executable jar"
      rm -rf "${dir}"
      aot_unlock "${dir}"
      continue
    fi
    touch "${dir}/.extracted"
    rm -f "${RUN_DIR}/${module}-extract.log"
  fi
  LAUNCH_JAR[${module}]="${dir}/$(basename "${jar}")"
  if [[ "${use_aot}" == true ]]; then
    aot="${dir}/jdk-${JAVA_RUNTIME}.aot"
    if [[ -f "${aot}.ok" && -s "${aot}" ]]; then
      AOT_FILE[${module}]="${aot}"
    else
      rm -f "${aot}" "${aot}.ok" "${aot}.config"
      to_train+=("${module}")
      continue
    fi
  fi
  aot_unlock "${dir}"
done

start_training() {
  local module="$1" dir aot log_file
  local -a own_opts
  dir="$(dirname "${LAUNCH_JAR[${module}]}")"
  aot="${dir}/jdk-${JAVA_RUNTIME}.aot"
  log_file="${RUN_DIR}/${module}-aot-training.log"
  read -r -a own_opts <<<"$(extra_opts_of "${module}")"
  printf '\n===== %s training %s: %s =====\n' "$(date -u +%FT%TZ)" "${module}" "${aot}" >>"${log_file}"
  # In the extracted directory, so whatever the run writes to a relative path stays there.
  (cd "${dir}" && SERVER_PORT="$(port_of "${module}")" exec "${JAVA_BIN}" "${common_opts[@]}" "${own_opts[@]}" \
    -XX:AOTCacheOutput="${aot}" -Dspring.context.exit=onRefresh -jar "${LAUNCH_JAR[${module}]}") \
    </dev/null >>"${log_file}" 2>&1 &
  TRAINING[${module}]=$!
  TRAIN_STARTED[${module}]=${SECONDS}
}

finish_training() {
  local module="$1" rc="$2" dir aot
  dir="$(dirname "${LAUNCH_JAR[${module}]}")"
  aot="${dir}/jdk-${JAVA_RUNTIME}.aot"
  if [[ "${rc}" == 0 && -s "${aot}" ]]; then
    touch "${aot}.ok"
    AOT_FILE[${module}]="${aot}"
    log "${module}: AOT cache trained in $((SECONDS - TRAIN_STARTED[${module}]))s ($(du -m "${aot}" | cut -f1) MB)"
  else
    rm -f "${aot}" "${aot}.config"
    log "WARNING: ${module}'s training run failed (exit ${rc}, ${RUN_DIR}/${module}-aot-training.log); starting it without an AOT cache"
  fi
  aot_unlock "${dir}"
}

if ((${#to_train[@]} > 0)); then
  log "training AOT caches (once per build and JDK; up to ${AOT_TRAIN_JOBS} at a time): ${to_train[*]}"
  train_started_at=${SECONDS}
  queue=("${to_train[@]}")
  while ((${#queue[@]} > 0 || ${#TRAINING[@]} > 0)); do
    while ((${#queue[@]} > 0 && ${#TRAINING[@]} < AOT_TRAIN_JOBS)); do
      start_training "${queue[0]}"
      queue=("${queue[@]:1}")
    done
    sleep 1
    for module in "${!TRAINING[@]}"; do
      pid="${TRAINING[${module}]}"
      if ! kill -0 "${pid}" 2>/dev/null; then
        rc=0
        wait "${pid}" || rc=$?
        unset "TRAINING[${module}]"
        finish_training "${module}" "${rc}"
      fi
    done
  done
  log "training done in $((SECONDS - train_started_at))s"
fi

# --- start ---------------------------------------------------------------------------------------
for module in "${MODULES[@]}"; do
  port="$(port_of "${module}")"
  read -r -a own_opts <<<"$(extra_opts_of "${module}")"
  aot_opts=()
  if [[ -n "${AOT_FILE[${module}]:-}" ]]; then
    aot_opts=("-XX:AOTCache=${AOT_FILE[${module}]}")
  fi
  log_file="${RUN_DIR}/${module}.log"
  {
    printf '\n===== %s starting %s on port %s with %s %s=====\n' "$(date -u +%FT%TZ)" "${module}" "${port}" \
      "${JAVA_BIN}" "${aot_opts[*]+"${aot_opts[*]} "}"
  } >>"${log_file}"
  LOG_OFFSET[${module}]="$(stat -c '%s' "${log_file}")"
  SERVER_PORT="${port}" nohup "${JAVA_BIN}" "${common_opts[@]}" "${own_opts[@]}" "${aot_opts[@]}" \
    -jar "${LAUNCH_JAR[${module}]}" </dev/null >>"${log_file}" 2>&1 &
  echo "$!" >"${RUN_DIR}/${module}.pid"
  STARTED+=("${module}")
  log "started ${module} (pid $!, port ${port}, log ${log_file}${aot_opts[*]+", AOT cache"})"
done

# The JVM goes on without a cache it cannot use (another JVM build, options it was not made
# with) and says so at the top of the log; such a cache is dropped, the next start trains anew.
check_aot_used() {
  local module="$1" aot="${AOT_FILE[$1]:-}"
  [[ -n "${aot}" ]] || return 0
  if tail -c +"$((LOG_OFFSET[${module}] + 1))" "${RUN_DIR}/${module}.log" |
    grep -q 'error has occurred while processing the AOT cache'; then
    log "WARNING: the JVM refused ${module}'s AOT cache (see ${RUN_DIR}/${module}.log); removed, the next start trains a new one"
    rm -f "${aot}" "${aot}.ok" "${aot}.config"
  fi
  return 0
}

# --- wait for health -----------------------------------------------------------------------------
is_up() {
  local body
  body="$(curl -fsS --max-time 3 "http://${HEALTH_HOST}:$1/actuator/health" 2>/dev/null)" || return 1
  [[ "${body}" == *'"status":"UP"'* ]]
}

deadline=$((SECONDS + UP_TIMEOUT))
started_at=${SECONDS}
pending=("${MODULES[@]}")
while ((${#pending[@]} > 0)); do
  still=()
  for module in "${pending[@]}"; do
    pid="$(cat "${RUN_DIR}/${module}.pid")"
    if ! pid_runs_module "${module}" "${pid}"; then
      fail_start "${module} exited during start-up" "${module}"
    fi
    if is_up "$(port_of "${module}")"; then
      log "${module} is UP on port $(port_of "${module}") ($((SECONDS - started_at))s)"
      check_aot_used "${module}"
    else
      still+=("${module}")
    fi
  done
  pending=("${still[@]+"${still[@]}"}")
  ((${#pending[@]} == 0)) && break
  if ((SECONDS >= deadline)); then
    fail_start "not UP within ${UP_TIMEOUT}s: ${pending[*]}" "${pending[@]}"
  fi
  sleep 0.5
done

trap - INT TERM
log "all up in ${SECONDS}s ($((SECONDS - started_at))s after the start); gateway: http://${HEALTH_HOST}:${GATEWAY_PORT}"
log "stop with: ${SCRIPT_DIR}/down.sh"
