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
#   JAVA_HOME          used when it is a JDK >= 21; otherwise /usr/lib/jvm/*25*, then *21*, then `java`
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

# True when pid $2 is alive and is a JVM running module $1's jar (guards against pid reuse).
pid_runs_module() {
  local module="$1" pid="$2" cmdline
  [[ "${pid}" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/${pid}/cmdline" ]] || return 1
  cmdline="$({ tr '\0' ' ' <"/proc/${pid}/cmdline"; } 2>/dev/null)" || return 1
  [[ "${cmdline}" == *"/${module}/target/${module}-"*".jar"* ]]
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

pick_java() {
  local candidate major
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

trap 'log "interrupted; stopping what this run started"; stop_started; exit 130' INT TERM

read -r -a common_opts <<<"${JAVA_OPTS:-}"
for module in "${MODULES[@]}"; do
  port="$(port_of "${module}")"
  read -r -a own_opts <<<"$(extra_opts_of "${module}")"
  log_file="${RUN_DIR}/${module}.log"
  {
    printf '\n===== %s starting %s on port %s with %s =====\n' "$(date -u +%FT%TZ)" "${module}" "${port}" "${JAVA_BIN}"
  } >>"${log_file}"
  SERVER_PORT="${port}" nohup "${JAVA_BIN}" "${common_opts[@]}" "${own_opts[@]}" \
    -jar "$(jar_of "${module}")" </dev/null >>"${log_file}" 2>&1 &
  echo "$!" >"${RUN_DIR}/${module}.pid"
  STARTED+=("${module}")
  log "started ${module} (pid $!, port ${port}, log ${log_file})"
done

# --- wait for health -----------------------------------------------------------------------------
is_up() {
  local body
  body="$(curl -fsS --max-time 3 "http://${HEALTH_HOST}:$1/actuator/health" 2>/dev/null)" || return 1
  [[ "${body}" == *'"status":"UP"'* ]]
}

deadline=$((SECONDS + UP_TIMEOUT))
pending=("${MODULES[@]}")
while ((${#pending[@]} > 0)); do
  still=()
  for module in "${pending[@]}"; do
    pid="$(cat "${RUN_DIR}/${module}.pid")"
    if ! pid_runs_module "${module}" "${pid}"; then
      fail_start "${module} exited during start-up" "${module}"
    fi
    if is_up "$(port_of "${module}")"; then
      log "${module} is UP on port $(port_of "${module}")"
    else
      still+=("${module}")
    fi
  done
  pending=("${still[@]+"${still[@]}"}")
  ((${#pending[@]} == 0)) && break
  if ((SECONDS >= deadline)); then
    fail_start "not UP within ${UP_TIMEOUT}s: ${pending[*]}" "${pending[@]}"
  fi
  sleep 1
done

trap - INT TERM
log "all up in ${SECONDS}s; gateway: http://${HEALTH_HOST}:${GATEWAY_PORT}"
log "stop with: ${SCRIPT_DIR}/down.sh"
