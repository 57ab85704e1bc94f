#!/usr/bin/env bash
# bench/run.sh - throughput figures of the suite on this machine, in one run:
#   cold  (a) for BENCH_COLD_DURATION seconds right after the suite reports UP, before any warm-up
#         (the first thing measured; see "Before the cold run" below)
#   (a) GET /users/me through the gateway (token verification, revocation lookup, signing, routing)
#   (b) GET /users/me straight to user-service with a valid internal signature (the service alone)
#   (n) the request of (b) through nginx: Debian's nginx as a keep-alive reverse proxy in front of
#       user-service (bench/nginx/nginx.conf: upstream keepalive, proxy_http_version 1.1,
#       Connection ""), on BENCH_NGINX_PORT, as its own master process with its own prefix, pid file
#       and error log in a temporary directory (not the system service); started after the seeding,
#       stopped at the end (also on failure). What a plain proxy hop costs, beside the gateway's
#   (c) POST /passport/login through the gateway (bcrypt-bound)
#   (d) bcrypt password checks per second at BCRYPT_COST on as many threads as cores (login's ceiling)
#   (e) PUT /articles/{articleID}/likes through the gateway, toggling status 1 and 0 (bench/like.lua)
#       over BENCH_ARTICLES articles of one seeded author and BENCH_LIKERS other users' tokens
#   (f) GET /articles/hot through the gateway (default size 20, as the seeded user) over those articles
#   (g) POST /chatx/moments/like through the gateway, like and cancel in turn (bench/like.lua in its
#       moments mode) over the posts of BENCH_FEED_AUTHORS authors, by the same BENCH_LIKERS users
#   (h) POST /chatx/moments/feed through the gateway (first page of 20) of a user who follows
#       BENCH_FEED_AUTHORS authors with BENCH_FEED_POSTS posts each
# and the ratios (a)/(b) (aim >= 0.6: what the gateway hop costs), (n)/(b) (no aim: what nginx's hop
# costs, for comparison), (c)/(d) (aim >= 0.8: how much of the bcrypt ceiling a login reaches), (e)/(a)
# and (f)/(a) (aim >= 0.8 each: an article write and an article list against the cheapest
# authenticated read), (g)/(a) (aim >= 0.8) and (h)/(a) (aim >= 0.5: a moments write and the feed
# against the same read), cold (a)/(a) (aim >= 0.7: how close to its steady rate the gateway is in its
# first seconds), and the CPU time per request of each process (utime+stime from /proc/<pid>/stat
# over each measured run, divided by its requests: the suite's four JVMs from the pid files, the
# nginx instance of (n) - its master and workers summed - and MariaDB/MySQL and Redis when they run
# on this host), with two figures of it judged on their own:
#   gateway CPU per request in (a) / nginx CPU per request in (n)   aim <= 4
#   user-service CPU per request in (b)                               aim <= 150 us
# and the seconds from launching deploy/local/up.sh to its return with every service UP, as this
# script measures them (aim <= 30 s; up.sh polls health once a second).
# A first table gives (b), (n), (a) and cold (a) as path | requests/s | CPU per request, the latter
# per process in microseconds ("700 us (gateway) + 540 us (user-service)"); the full tables follow.
#
# It builds the jars if needed, installs what is missing of wrk, curl, redis-tools and (for (n)) nginx
# with apt-get install -y (as root; no service of theirs is started on install), starts the suite
# with deploy/local/up.sh (on a JDK 25 when present, rate limits raised through the environment),
# seeds one user (captcha read from Redis, register, login), runs cold (a), then seeds
# what the other cases need (login accounts, the articles (e) and (f) read, the moments authors of (g)
# and (h)), runs wrk for (a), (b), (n), (c), (e)-(h) (a warm-up run before each measured run) and a
# single-file Java program for (d), prints the tables, saves them under bench/results/ and stops
# nginx and the suite again (also on failure).
#
# Before the cold run: the gateway and user-service have seen only up.sh's health checks and the
# seeding of one user through the gateway - GET /passport/image_code, POST /passport/register,
# POST /passport/login, and GET /users/me until passport's outbox has delivered the profile (usually
# one or two) - a login is unavoidable, as (a) needs a token. Nothing else comes before it: the other
# seeded users, articles and posts, the signed probe of (b), the SignHeader JVM and nginx all come
# after. A suite that was already running (BENCH_REUSE=1) is not cold: cold (a) and the start-up time
# are then skipped.
#
# A suite that is already running (deploy/local/run pid files alive) is measured and left running only
# with BENCH_REUSE=1 (it must have been started with raised rate limits); otherwise the script refuses.
#
# Usage: bench/run.sh
#   e.g. BENCH_CASES="a b n cold" bench/run.sh   the gateway-CPU loop: about 3.5 minutes with the
#        default warm-up and durations (start-up, 15 s cold, 3 x (30 s warm-up + 15 s), shut-down)
#
# Environment (optional; defaults in brackets):
#   BENCH_CASES [cold a b n c d e f g h]   the cases to run, separated by spaces or commas, in any order
#                              (they always run in the order cold a b n c e f g h d); only the seeding
#                              they need is done (a b n cold: the one user), and only the ratios
#                              whose cases ran are printed
#   BENCH_THREADS [2], BENCH_CONNECTIONS [32]  wrk -t / -c
#   BENCH_DURATION [15]        seconds of each measured wrk run (at most 20: the internal signature of
#                              (b) and (n) is good for 60 s and is made just before each run)
#   BENCH_WARMUP [30]          seconds of the warm-up run before each measured run (the JIT needs
#                              about half a minute of load on 2 cores before the figures settle)
#   BENCH_COLD_DURATION [15]   seconds of cold (a) (no warm-up before it)
#   BENCH_TIMEOUT [10]         wrk --timeout in seconds (logins queue behind bcrypt: with 32
#                              connections one waits well over wrk's default of 2 s)
#   BENCH_NGINX_PORT [10090]   where the nginx of (n) listens (127.0.0.1); must be free
#   BENCH_NGINX_WORKERS [auto] its worker_processes (auto: one per core)
#   BENCH_LOGIN_ACCOUNTS [BENCH_CONNECTIONS]  accounts (c) logs in as, in turn
#   BENCH_NOTIFY_RATE [200]    likes a second of (l), all on one article of the seeded author
#   BENCH_ARTICLES [200]       articles written (by one seeded author) for (e) and (f)
#   BENCH_LIKERS [4]           users whose tokens (e) and (g) like with: the seeded user and the first
#                              BENCH_LIKERS-1 login accounts (at most BENCH_LOGIN_ACCOUNTS+1)
#   BENCH_FEED_AUTHORS [200]   authors the seeded user follows for (h); their posts are what (g) likes
#   BENCH_FEED_POSTS [2]       posts each of them publishes
#   BCRYPT_COST [$PASSPORT_BCRYPT_COST or 10]  bcrypt cost for (d); passed to passport as
#                              PASSPORT_BCRYPT_COST so both use the same cost
#   BCRYPT_SECONDS [10]        seconds of the bcrypt measurement
#   BCRYPT_THREADS [nproc]     threads of the bcrypt measurement
#   INTERNAL_AUTH_SECRET       the suite's internal secret [the development default]
#   REDIS_URL [redis://127.0.0.1:6379]         where the captcha answer is read
#   GATEWAY_PORT [10010], USER_SERVICE_PORT [10012], PASSPORT_PORT [10011], ARTICLE_SERVICE_PORT [10013],
#   MOMENTS_SERVICE_PORT [10014]
#   RATE_LIMIT_{LOGIN,REGISTER,CAPTCHA,CHECK_MOBILE}_PER_MINUTE   gateway rate limits per client IP;
#                              raised to 1000000 unless set
#   JAVA_HOME                  JDK for the suite and the helper programs [/usr/lib/jvm/*25* when present]
#   JAVA_OPTS                  JVM options for the suite (see deploy/local/up.sh for the rest)
#   BENCH_REUSE [unset]        1: measure a suite that is already running instead of refusing
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "${ROOT}"
RESULTS_DIR="${ROOT}/bench/results"
SUITE_VERSION="${SUITE_VERSION:-0.1.0-SNAPSHOT}"

ALL_CASES="cold a b n c d e f g h l"
BENCH_CASES="${BENCH_CASES:-${ALL_CASES}}"
BENCH_CASES=" ${BENCH_CASES//,/ } "
BENCH_THREADS="${BENCH_THREADS:-2}"
BENCH_CONNECTIONS="${BENCH_CONNECTIONS:-32}"
BENCH_DURATION="${BENCH_DURATION:-15}"
BENCH_WARMUP="${BENCH_WARMUP:-30}"
BENCH_COLD_DURATION="${BENCH_COLD_DURATION:-15}"
BENCH_TIMEOUT="${BENCH_TIMEOUT:-10}"
BENCH_NGINX_PORT="${BENCH_NGINX_PORT:-10090}"
BENCH_NGINX_WORKERS="${BENCH_NGINX_WORKERS:-auto}"
BENCH_LOGIN_ACCOUNTS="${BENCH_LOGIN_ACCOUNTS:-${BENCH_CONNECTIONS}}"
BENCH_ARTICLES="${BENCH_ARTICLES:-200}"
BENCH_NOTIFY_RATE="${BENCH_NOTIFY_RATE:-200}"
BENCH_LIKERS="${BENCH_LIKERS:-4}"
BENCH_FEED_AUTHORS="${BENCH_FEED_AUTHORS:-200}"
BENCH_FEED_POSTS="${BENCH_FEED_POSTS:-2}"
if ((BENCH_LIKERS > BENCH_LOGIN_ACCOUNTS + 1)); then
  BENCH_LIKERS=$((BENCH_LOGIN_ACCOUNTS + 1))
fi
# like.lua shares the articles out among wrk's threads
export BENCH_THREADS
BCRYPT_COST="${BCRYPT_COST:-${PASSPORT_BCRYPT_COST:-10}}"
# passport's passport.password.bcrypt-cost placeholder: the suite hashes at the cost (d) measures
export PASSPORT_BCRYPT_COST="${BCRYPT_COST}"
BCRYPT_SECONDS="${BCRYPT_SECONDS:-10}"
BCRYPT_THREADS="${BCRYPT_THREADS:-$(nproc)}"
REDIS_URL_BENCH="${REDIS_URL:-redis://127.0.0.1:6379}"
export GATEWAY_PORT="${GATEWAY_PORT:-10010}"
export PASSPORT_PORT="${PASSPORT_PORT:-10011}"
export USER_SERVICE_PORT="${USER_SERVICE_PORT:-10012}"
export ARTICLE_SERVICE_PORT="${ARTICLE_SERVICE_PORT:-10013}"
export MOMENTS_SERVICE_PORT="${MOMENTS_SERVICE_PORT:-10014}"
GATEWAY="http://127.0.0.1:${GATEWAY_PORT}"
LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"
USER_SERVICE="http://127.0.0.1:${USER_SERVICE_PORT}"
NGINX_URL="http://127.0.0.1:${BENCH_NGINX_PORT}"

log() { printf '[bench] %s\n' "$*"; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

# wanted CASE: true when CASE is in BENCH_CASES; any_wanted CASE...: when one of them is
wanted() { [[ "${BENCH_CASES}" == *" $1 "* ]]; }
any_wanted() {
  local case_name
  for case_name in "$@"; do
    wanted "${case_name}" && return 0
  done
  return 1
}
for case_name in ${BENCH_CASES}; do
  [[ " ${ALL_CASES} " == *" ${case_name} "* ]] || die "unknown case '${case_name}' in BENCH_CASES (cases: ${ALL_CASES})"
done
[[ -n "${BENCH_CASES// /}" ]] || die "BENCH_CASES names no case (cases: ${ALL_CASES})"
cases_text() { echo ${BENCH_CASES}; }
log "cases: $(cases_text)"

if ((BENCH_DURATION > 20)); then
  log "BENCH_DURATION=${BENCH_DURATION} is over 20 s; using 20 (the internal signature of (b) and (n) lasts 60 s)"
  BENCH_DURATION=20
fi

# --- tools ---------------------------------------------------------------------------------------
# apt_install PACKAGE: Debian's package (as root, no sudo), without letting its post-install start a
# system service: a policy-rc.d that refuses every start is put in place for the install when none
# exists, and removed again (cleanup removes it too if the install is interrupted).
POLICY_RC_MADE=false
apt_install() {
  local package="$1" apt_log status=0
  if ((EUID != 0)) || ! command -v apt-get >/dev/null 2>&1; then
    return 1
  fi
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\n# bench/run.sh: no service starts while it installs a package\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    POLICY_RC_MADE=true
  fi
  apt_log="$(mktemp)"
  log "installing ${package} (apt-get install -y ${package})"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${package}" >"${apt_log}" 2>&1; then
    log "apt-get install failed; apt-get update, then once more"
    { DEBIAN_FRONTEND=noninteractive apt-get update -q \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${package}"; } >>"${apt_log}" 2>&1 || status=$?
  fi
  if [[ "${POLICY_RC_MADE}" == true ]]; then
    rm -f /usr/sbin/policy-rc.d
    POLICY_RC_MADE=false
  fi
  ((status == 0)) || tail -n 20 "${apt_log}" >&2
  rm -f "${apt_log}"
  return "${status}"
}
# need TOOL PACKAGE: TOOL on the PATH, installed from Debian's PACKAGE when missing
need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  apt_install "$2" && command -v "$1" >/dev/null 2>&1 \
    || die "$1 is needed and could not be installed (Debian: apt-get install $2)"
}
need wrk wrk
need curl curl
need redis-cli redis-tools
if wanted n; then
  need nginx nginx
fi
if command -v jq >/dev/null 2>&1; then
  json_get() { jq -r "$1 // empty"; }
elif command -v python3 >/dev/null 2>&1; then
  json_get() {
    python3 -c 'import json,sys
v=json.load(sys.stdin)
for k in sys.argv[1].lstrip(".").split("."):
    v=v.get(k) if isinstance(v,dict) else None
print("" if v is None else v)' "$1"
  }
else
  die "jq or python3 is needed to read JSON answers"
fi

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
if wanted n && port_in_use "${BENCH_NGINX_PORT}"; then
  die "port ${BENCH_NGINX_PORT} (nginx of (n)) is already taken; set BENCH_NGINX_PORT to a free one"
fi

# --- JDK 25 when present -------------------------------------------------------------------------
for candidate in /usr/lib/jvm/*25*; do
  if [[ -x "${candidate}/bin/java" ]]; then
    if [[ -z "${JAVA_HOME:-}" ]] || ! "${JAVA_HOME}/bin/java" -version 2>&1 | grep -q 'version "25'; then
      export JAVA_HOME="${candidate}"
    fi
    break
  fi
done
JAVA_BIN="${JAVA_HOME:+${JAVA_HOME}/bin/}java"
log "java for the suite and helpers: ${JAVA_BIN} ($("${JAVA_BIN}" -version 2>&1 | head -n 1))"

# --- rate limits out of the way (each can still be set from outside) ----------------------------
BIG=1000000
# (the placeholders of the gateway routes' RateLimit filters; the limiter itself stays on, so its
# Redis round trip is part of what (c) measures)
for name in RATE_LIMIT_LOGIN_PER_MINUTE RATE_LIMIT_REGISTER_PER_MINUTE RATE_LIMIT_CAPTCHA_PER_MINUTE \
  RATE_LIMIT_CHECK_MOBILE_PER_MINUTE; do
  export "${name}=${!name:-${BIG}}"
done

# --- build and start -----------------------------------------------------------------------------
COMMON_JAR="${ROOT}/common/target/common-${SUITE_VERSION}.jar"
if [[ ! -f "${COMMON_JAR}" || ! -f "${ROOT}/moments-service/target/moments-service-${SUITE_VERSION}.jar" ]]; then
  log "jars missing: building (./mvnw -q -B -DskipTests package)"
  ./mvnw -q -B -DskipTests package
fi

RUN_DIR="${SUITE_RUN_DIR:-${ROOT}/deploy/local/run}"
RAW=""
NGINX_DIR=""
NGINX_PID=""
started_here=false

# stop_nginx: the nginx of (n), and only it (the master is this script's child, so its pid cannot
# have been reused): QUIT (graceful), then TERM, then KILL of the master and its workers.
stop_nginx() {
  [[ -n "${NGINX_PID}" ]] || return 0
  local workers signal tries
  workers="$(pgrep -P "${NGINX_PID}" 2>/dev/null | tr '\n' ' ' || true)"
  for signal in QUIT TERM KILL; do
    kill -0 "${NGINX_PID}" 2>/dev/null || break
    [[ "$(cut -d' ' -f3 "/proc/${NGINX_PID}/stat" 2>/dev/null)" != Z ]] || break
    log "stopping nginx (master ${NGINX_PID}, SIG${signal})"
    kill "-${signal}" "${NGINX_PID}" 2>/dev/null || true
    [[ "${signal}" != KILL || -z "${workers}" ]] || kill -KILL ${workers} 2>/dev/null || true
    for ((tries = 0; tries < 20; tries++)); do
      [[ -d "/proc/${NGINX_PID}" && "$(cut -d' ' -f3 "/proc/${NGINX_PID}/stat" 2>/dev/null)" != Z ]] || break
      sleep 0.5
    done
  done
  wait "${NGINX_PID}" 2>/dev/null || true
  NGINX_PID=""
}

cleanup() {
  local status=$?
  trap - EXIT
  [[ -z "${RAW}" ]] || rm -f "${RAW}"
  [[ "${POLICY_RC_MADE}" != true ]] || rm -f /usr/sbin/policy-rc.d
  stop_nginx || true
  [[ -z "${NGINX_DIR}" ]] || rm -rf "${NGINX_DIR}"
  if [[ "${started_here}" == true ]]; then
    log "stopping the suite (deploy/local/down.sh)"
    "${ROOT}/deploy/local/down.sh" || true
  fi
  exit "${status}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

suite_running() {
  local module pid_file
  for module in gateway passport-service user-service article-service moments-service; do
    pid_file="${RUN_DIR}/${module}.pid"
    [[ -f "${pid_file}" ]] || return 1
    [[ -d "/proc/$(cat "${pid_file}")" ]] || return 1
  done
}

# The harness's own measure of the start-up: from launching up.sh to its return, when every service
# has answered UP (up.sh polls the health endpoints once a second).
UP_SECONDS=""
if suite_running; then
  if [[ "${BENCH_REUSE:-}" != 1 ]]; then
    die "the suite is already running (pid files in ${RUN_DIR}); stop it with deploy/local/down.sh, or set BENCH_REUSE=1 to measure it as it is (its rate limits must already be raised)"
  fi
  log "the suite is already running (pid files in ${RUN_DIR}); BENCH_REUSE=1: measuring it and leaving it running"
  if wanted cold; then
    log "cold (a) is skipped: a suite that was already running is not cold"
    BENCH_CASES="${BENCH_CASES/ cold / }"
  fi
else
  started_here=true
  up_started="$(date +%s%N)"
  "${ROOT}/deploy/local/up.sh"
  UP_SECONDS="$(awk -v ns="$(($(date +%s%N) - up_started))" 'BEGIN { printf "%.1f", ns / 1e9 }')"
  log "the suite was UP ${UP_SECONDS}s after launching deploy/local/up.sh"
fi

# --- seed a user ---------------------------------------------------------------------------------
# Only what cold (a) needs comes before it (see the header): one captcha, one register, one login and
# GET /users/me until the profile has arrived.
suffix="$(od -An -N5 -tx1 /dev/urandom | tr -d ' \n')"
captcha_id="bench-${suffix}-captcha"
username="bench_${suffix}"
password="Bench-${suffix}-pass-7Q"

log "seeding user ${username}"
curl -fsS -o /dev/null "${GATEWAY}/passport/image_code?cur_id=${captcha_id}" \
  || die "GET /passport/image_code failed"
captcha="$(redis-cli -u "${REDIS_URL_BENCH}" --no-auth-warning GET "passport:captcha:${captcha_id}")"
[[ -n "${captcha}" ]] || die "no captcha answer in Redis under passport:captcha:${captcha_id}"

post_json() {
  curl -sS -X POST "${GATEWAY}$1" -H 'Content-Type: application/json' -H "operationID: bench-seed-${suffix}" \
    --data "$2"
}

register_body="$(printf '{"username":"%s","password":"%s","img_code_id":"%s","img_code":"%s"}' \
  "${username}" "${password}" "${captcha_id}" "${captcha}")"
answer="$(post_json /passport/register "${register_body}")"
[[ "$(json_get .errCode <<<"${answer}")" == "0" ]] || die "register failed: ${answer}"

login_body="$(printf '{"account":"%s","password":"%s"}' "${username}" "${password}")"
answer="$(post_json /passport/login "${login_body}")"
[[ "$(json_get .errCode <<<"${answer}")" == "0" ]] || die "login failed: ${answer}"
token="$(json_get .data.accessToken <<<"${answer}")"
user_id="$(json_get .data.userID <<<"${answer}")"
[[ -n "${token}" && -n "${user_id}" ]] || die "login answered no accessToken/userID: ${answer}"
log "user ${user_id} logged in"

# The profile arrives through passport's outbox; wait until user-service has it.
deadline=$((SECONDS + 30))
until [[ "$(curl -sS -H "operationID: bench-check-${suffix}" -H "token: ${token}" "${GATEWAY}/users/me" \
  | json_get .errCode)" == "0" ]]; do
  ((SECONDS < deadline)) || die "GET /users/me through the gateway does not succeed for the seeded user"
  sleep 1
done

# --- CPU per request -----------------------------------------------------------------------------
# The processes whose CPU time each measured run reads: the suite's JVMs, the nginx of (n) once it
# runs, and the database and Redis when they run on this host (another container or host is not
# visible here).
CLK_TCK="$(getconf CLK_TCK 2>/dev/null || echo 100)"
CPU_NAMES=()
CPU_PIDS=()
for module in gateway passport-service user-service article-service moments-service; do
  pid_file="${RUN_DIR}/${module}.pid"
  if [[ -f "${pid_file}" && -r "/proc/$(cat "${pid_file}")/stat" ]]; then
    CPU_NAMES+=("${module}")
    CPU_PIDS+=("$(cat "${pid_file}")")
  fi
done
if wanted n; then
  # filled in when nginx has started: "nginx:MASTER_PID" (the master and its workers, summed)
  CPU_NAMES+=(nginx)
  CPU_PIDS+=("nginx:")
fi
for process in mariadbd mysqld redis-server; do
  pid="$(pgrep -x -o "${process}" 2>/dev/null || true)"
  if [[ -n "${pid}" && -r "/proc/${pid}/stat" ]]; then
    CPU_NAMES+=("${process}")
    CPU_PIDS+=("${pid}")
  fi
done
# cpu_ticks PID: its utime+stime in clock ticks (fields 14 and 15 of /proc/PID/stat; the command
# name in field 2 may hold spaces, so the fields are counted from the closing parenthesis).
# cpu_ticks nginx:MASTER: the sum over the master and its children (the workers).
cpu_ticks() {
  local stat fields pid sum
  if [[ "$1" == nginx:* ]]; then
    sum=0
    if [[ -n "${1#nginx:}" ]]; then
      for pid in "${1#nginx:}" $(pgrep -P "${1#nginx:}" 2>/dev/null || true); do
        sum=$((sum + $(cpu_ticks "${pid}")))
      done
    fi
    echo "${sum}"
    return
  fi
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || { echo 0; return; }
  read -r -a fields <<<"${stat##*) }"
  echo $((fields[11] + fields[12]))
}
cpu_snapshot() {
  local pid snapshot=()
  for pid in "${CPU_PIDS[@]}"; do
    snapshot+=("$(cpu_ticks "${pid}")")
  done
  echo "${snapshot[*]}"
}
CPU_ROWS=()
# CPU_US[CASE:PROCESS]: microseconds of PROCESS's CPU per request in the measured run of CASE
declare -A CPU_US=() RPS_OF=() BAD_OF=() P99_OF=()

# --- wrk runs ------------------------------------------------------------------------------------
RAW="$(mktemp)"

# run_wrk CASE NAME WARMUP_SECONDS DURATION_SECONDS URL [wrk args...]: a warm-up run (none when
# WARMUP_SECONDS is 0), then the measured run; sets RPS, NON2XX, ERRORS, LATENCY and
# RPS_OF/BAD_OF/P99_OF/CPU_US of CASE.
run_wrk() {
  local case_name="$1" name="$2" warmup_seconds="$3" duration="$4" url="$5" output warmup
  shift 5
  if ((warmup_seconds > 0)); then
    log "${name}: warm-up ${warmup_seconds}s"
    warmup="$(wrk -t"${BENCH_THREADS}" -c"${BENCH_CONNECTIONS}" -d"${warmup_seconds}s" --timeout "${BENCH_TIMEOUT}s" \
      "$@" "${url}")"
    if grep -qE 'Non-2xx|Socket errors' <<<"${warmup}"; then
      log "${name}: the warm-up saw failures: $(grep -E 'Non-2xx|Socket errors' <<<"${warmup}" | tr -s ' ' | tr '\n' ';')"
    fi
  fi
  if [[ "${case_name}" == b || "${case_name}" == n ]]; then
    # Re-sign just before the measured run (a signature is good for 60 s): (b) and (n) pass their
    # "-H X-Internal-Auth: ..." pair last, so it is replaced here.
    set -- "${@:1:$(($# - 2))}" -H "X-Internal-Auth: $(sign "${direct_operation}")"
  fi
  log "${name}: measuring ${duration}s (wrk -t${BENCH_THREADS} -c${BENCH_CONNECTIONS})"
  local load_before cpu_before cpu_after
  load_before="$(cut -d' ' -f1 /proc/loadavg)"
  cpu_before="$(cpu_snapshot)"
  output="$(wrk -t"${BENCH_THREADS}" -c"${BENCH_CONNECTIONS}" -d"${duration}s" --timeout "${BENCH_TIMEOUT}s" \
    --latency "$@" "${url}")"
  cpu_after="$(cpu_snapshot)"
  printf '%s\n\n' "===== ${name} (load average before: ${load_before}, after: $(cut -d' ' -f1 /proc/loadavg)) =====" \
    "${output}" >>"${RAW}"
  RPS="$(awk '/^Requests\/sec:/ { print $2 }' <<<"${output}")"
  NON2XX="$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"${output}")"
  NON2XX="${NON2XX:-0}"
  ERRORS="$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"${output}")"
  ERRORS="${ERRORS:-0}"
  LATENCY="$(awk '$1 == "99%" { print $2 }' <<<"${output}")"
  [[ -n "${RPS}" ]] || die "wrk printed no Requests/sec for ${name}: ${output}"
  RPS_OF[${case_name}]="${RPS}"
  BAD_OF[${case_name}]="$((NON2XX + ERRORS))"
  P99_OF[${case_name}]="${LATENCY}"
  # ms of CPU per request of each process, then of all of them together (the row of the full table),
  # and on a second line the microseconds of each process
  local requests cpu_lines i
  requests="$(awk '/ requests in / { print $1 }' <<<"${output}")"
  mapfile -t cpu_lines < <(awk -v name="${name}" -v before="${cpu_before}" -v after="${cpu_after}" \
    -v requests="${requests:-0}" -v tck="${CLK_TCK}" 'BEGIN {
      n = split(before, b, " "); split(after, a, " "); total = 0; us = ""
      row = sprintf("| %-44s |", name)
      for (i = 1; i <= n; i++) {
        ms = (requests > 0) ? (a[i] - b[i]) * 1000 / tck / requests : 0; total += ms
        row = row sprintf(" %16.3f |", ms)
        us = us sprintf("%s%.0f", (i > 1) ? " " : "", ms * 1000)
      }
      printf "%s %16.3f |\n%s\n", row, total, us
    }')
  CPU_ROWS+=("${cpu_lines[0]}")
  read -r -a cpu_lines <<<"${cpu_lines[1]:-}"
  for i in "${!CPU_NAMES[@]}"; do
    CPU_US[${case_name}:${CPU_NAMES[i]}]="${cpu_lines[i]:-0}"
  done
}

# --- cold (a): the first seconds after UP ---------------------------------------------------------
if wanted cold; then
  run_wrk cold "(a) cold: first ${BENCH_COLD_DURATION}s after UP" 0 "${BENCH_COLD_DURATION}" "${GATEWAY}/users/me" \
    -H "operationID: bench-cold-${suffix}" -H "token: ${token}"
fi

# --- seed the rest -------------------------------------------------------------------------------
# (c) logs in as many accounts in turn: one account is never checked more than five times at once
# (passport reserves a lockout attempt per check in flight), and a real login load is many users.
# The likers of (e) and (g) are the first of these accounts.
login_accounts=()
if any_wanted c e g l; then
  for ((i = 1; i <= BENCH_LOGIN_ACCOUNTS; i++)); do
    account="${username:0:16}x${i}"
    seed_id="${captcha_id:0:40}-l${i}"
    curl -fsS -o /dev/null "${GATEWAY}/passport/image_code?cur_id=${seed_id}" || die "GET /passport/image_code failed"
    seed_captcha="$(redis-cli -u "${REDIS_URL_BENCH}" --no-auth-warning GET "passport:captcha:${seed_id}")"
    answer="$(post_json /passport/register "$(printf '{"username":"%s","password":"%s","img_code_id":"%s","img_code":"%s"}' \
      "${account}" "${password}" "${seed_id}" "${seed_captcha}")")"
    [[ "$(json_get .errCode <<<"${answer}")" == "0" ]] || die "register of login account ${account} failed: ${answer}"
    login_accounts+=("${account}")
  done
  log "seeded ${#login_accounts[@]} accounts for the login measurement"
fi
BENCH_ACCOUNTS="$(IFS=,; echo "${login_accounts[*]}")"
export BENCH_ACCOUNTS BENCH_PASSWORD="${password}"

sign() {
  "${JAVA_BIN}" -cp "${COMMON_JAR}" "${ROOT}/bench/SignHeader.java" GET /users/me "${user_id}" "$1"
}
direct_operation="bench-direct-${suffix}"
if any_wanted b n; then
  probe="$(curl -sS -w '\n%{http_code}' -H "operationID: ${direct_operation}" \
    -H "X-User-ID: ${user_id}" -H "X-Internal-Auth: $(sign "${direct_operation}")" "${USER_SERVICE}/users/me")"
  [[ "${probe##*$'\n'}" == "200" && "$(json_get .data.userID <<<"${probe%$'\n'*}")" == "${user_id}" ]] \
    || die "a signed direct GET /users/me did not answer the seeded user's profile: ${probe}"
fi

send_json() {
  curl -sS -X "$1" "${GATEWAY}$2" -H 'Content-Type: application/json' -H "operationID: bench-seed-${suffix}" \
    -H "token: $3" --data "$4"
}

# Articles for (e) and (f). One author writes them; the likers are other users, whom the author has
# not blacklisted (a like asks user-service whether the author blacklisted the liker, as it would in
# production).
article_ids=()
if any_wanted e f l; then
  author="${username:0:16}au"
  author_captcha_id="${captcha_id:0:40}-au"
  curl -fsS -o /dev/null "${GATEWAY}/passport/image_code?cur_id=${author_captcha_id}" \
    || die "GET /passport/image_code failed"
  author_captcha="$(redis-cli -u "${REDIS_URL_BENCH}" --no-auth-warning GET "passport:captcha:${author_captcha_id}")"
  answer="$(post_json /passport/register "$(printf '{"username":"%s","password":"%s","img_code_id":"%s","img_code":"%s"}' \
    "${author}" "${password}" "${author_captcha_id}" "${author_captcha}")")"
  [[ "$(json_get .errCode <<<"${answer}")" == "0" ]] || die "register of the author ${author} failed: ${answer}"
  answer="$(post_json /passport/login "$(printf '{"account":"%s","password":"%s"}' "${author}" "${password}")")"
  author_token="$(json_get .data.accessToken <<<"${answer}")"
  [[ -n "${author_token}" ]] || die "login of the author ${author} failed: ${answer}"
  deadline=$((SECONDS + 30))
  until [[ "$(curl -sS -H "operationID: bench-check-${suffix}" -H "token: ${author_token}" "${GATEWAY}/users/me" \
    | json_get .errCode)" == "0" ]]; do
    ((SECONDS < deadline)) || die "the author's profile did not reach user-service"
    sleep 1
  done

  log "seeding ${BENCH_ARTICLES} articles by ${author}"
  article_content='## A benchmark article\n\nSome **Markdown** text: a paragraph long enough to fill the summary of a list, with a [link](https://example.com) and a list:\n\n- one item\n- another item\n\nThe end of the article, written by bench/run.sh.'
  for ((i = 1; i <= BENCH_ARTICLES; i++)); do
    answer="$(send_json POST /articles "${author_token}" \
      "$(printf '{"title":"Benchmark article %d","content":"%s"}' "${i}" "${article_content}")")"
    article_id="$(json_get .data.articleID <<<"${answer}")"
    [[ -n "${article_id}" ]] || die "POST /articles failed: ${answer}"
    article_ids+=("${article_id}")
  done
  BENCH_LIKE_ARTICLES="$(IFS=,; echo "${article_ids[*]}")"
  export BENCH_LIKE_ARTICLES

  probe="$(send_json PUT "/articles/${article_ids[0]}/likes" "${token}" '{"status":1}')"
  [[ "$(json_get .errCode <<<"${probe}")" == "0" ]] || die "a like of a seeded article failed: ${probe}"
  send_json PUT "/articles/${article_ids[0]}/likes" "${token}" '{"status":0}' >/dev/null
  probe="$(curl -sS -H "operationID: bench-check-${suffix}" -H "token: ${token}" "${GATEWAY}/articles/hot")"
  [[ "$(json_get .errCode <<<"${probe}")" == "0" && "${probe}" == *'"articleID"'* ]] \
    || die "GET /articles/hot did not list the seeded articles: ${probe}"
  log "seeded ${#article_ids[@]} articles"
fi

# The likers of (e) and (g): the seeded user and the first BENCH_LIKERS-1 login accounts.
like_tokens=("${token}")
if any_wanted e g l; then
  for ((i = 0; i < BENCH_LIKERS - 1; i++)); do
    answer="$(post_json /passport/login "$(printf '{"account":"%s","password":"%s"}' "${login_accounts[i]}" "${password}")")"
    liker_token="$(json_get .data.accessToken <<<"${answer}")"
    [[ -n "${liker_token}" ]] || die "login of liker ${login_accounts[i]} failed: ${answer}"
    like_tokens+=("${liker_token}")
  done
  log "logged in ${#like_tokens[@]} likers"
fi
BENCH_LIKE_TOKENS="$(IFS=,; echo "${like_tokens[*]}")"
export BENCH_LIKE_TOKENS

# Moments for (g) and (h): BENCH_FEED_AUTHORS authors, each registered and logged in (bcrypt twice:
# the slow part of the seeding), each publishing BENCH_FEED_POSTS posts for everyone; the seeded user
# follows them all. (g) likes these posts as the likers of (e): the seeded user (who follows the
# authors) and three who do not; none is blacklisted, and every like asks user-service for the
# relation, as a like of anyone else's post does.
post_ids=()
feed_body='{"pagination":{"pageNumber":1,"showNumber":20}}'
if any_wanted g h; then
  log "seeding ${BENCH_FEED_AUTHORS} moments authors with ${BENCH_FEED_POSTS} posts each"
  for ((i = 1; i <= BENCH_FEED_AUTHORS; i++)); do
    feed_author="${username:0:14}f${i}"
    feed_captcha_id="${captcha_id:0:40}-f${i}"
    curl -fsS -o /dev/null "${GATEWAY}/passport/image_code?cur_id=${feed_captcha_id}" \
      || die "GET /passport/image_code failed"
    feed_captcha="$(redis-cli -u "${REDIS_URL_BENCH}" --no-auth-warning GET "passport:captcha:${feed_captcha_id}")"
    answer="$(post_json /passport/register "$(printf '{"username":"%s","password":"%s","img_code_id":"%s","img_code":"%s"}' \
      "${feed_author}" "${password}" "${feed_captcha_id}" "${feed_captcha}")")"
    feed_author_id="$(json_get .data.userID <<<"${answer}")"
    [[ -n "${feed_author_id}" ]] || die "register of the moments author ${feed_author} failed: ${answer}"
    answer="$(post_json /passport/login "$(printf '{"account":"%s","password":"%s"}' "${feed_author}" "${password}")")"
    feed_token="$(json_get .data.accessToken <<<"${answer}")"
    [[ -n "${feed_token}" ]] || die "login of the moments author ${feed_author} failed: ${answer}"
    for ((p = 1; p <= BENCH_FEED_POSTS; p++)); do
      answer="$(send_json POST /chatx/moments/publish "${feed_token}" \
        "$(printf '{"content":"Moment %d of author %d, written by bench/run.sh","images":["https://img.example.com/%d/%d.jpg"]}' \
          "${p}" "${i}" "${i}" "${p}")")"
      post_id="$(json_get .data.postID <<<"${answer}")"
      [[ -n "${post_id}" ]] || die "POST /chatx/moments/publish failed: ${answer}"
      post_ids+=("${post_id}")
    done
    # The follow needs the author's profile in user-service (passport's outbox delivers it).
    deadline=$((SECONDS + 30))
    until [[ "$(send_json POST /users/followings "${token}" "{\"target\":\"${feed_author_id}\"}" \
      | json_get .errCode)" == "0" ]]; do
      ((SECONDS < deadline)) || die "the seeded user cannot follow ${feed_author_id}"
      sleep 1
    done
  done
  BENCH_LIKE_POSTS="$(IFS=,; echo "${post_ids[*]}")"
  export BENCH_LIKE_POSTS
  probe="$(send_json POST /chatx/moments/like "${like_tokens[-1]}" "{\"postID\":\"${post_ids[0]}\"}")"
  [[ "$(json_get .errCode <<<"${probe}")" == "0" ]] || die "a like of a seeded post failed: ${probe}"
  send_json POST /chatx/moments/like "${like_tokens[-1]}" "{\"postID\":\"${post_ids[0]}\",\"cancel\":true}" >/dev/null
  probe="$(send_json POST /chatx/moments/feed "${token}" "${feed_body}")"
  [[ "$(json_get .errCode <<<"${probe}")" == "0" && "$(grep -o '"postID"' <<<"${probe}" | wc -l)" -ge 20 ]] \
    || die "POST /chatx/moments/feed did not answer a page of 20 followed posts: ${probe:0:500}"
  log "seeded ${#post_ids[@]} posts by ${BENCH_FEED_AUTHORS} followed authors"
fi

# --- nginx for (n) -------------------------------------------------------------------------------
# bench/nginx/nginx.conf filled in under a temporary prefix; the master runs in the foreground of a
# background job of this script (daemon off), so its pid is known and cleanup stops it.
if wanted n; then
  NGINX_DIR="$(mktemp -d "${TMPDIR:-/tmp}/bench-nginx.XXXXXX")"
  chmod 755 "${NGINX_DIR}"
  user_line=""
  if ((EUID == 0)); then
    user_line="user nobody $(id -gn nobody 2>/dev/null || echo nogroup);"
  fi
  sed -e "s|@USER_LINE@|${user_line}|" -e "s|@WORKERS@|${BENCH_NGINX_WORKERS}|" -e "s|@PREFIX@|${NGINX_DIR}|g" \
    -e "s|@LISTEN@|127.0.0.1:${BENCH_NGINX_PORT}|" -e "s|@UPSTREAM@|127.0.0.1:${USER_SERVICE_PORT}|" \
    "${ROOT}/bench/nginx/nginx.conf" >"${NGINX_DIR}/nginx.conf"
  nginx_cmd=(nginx -p "${NGINX_DIR}/" -e "${NGINX_DIR}/error.log" -c "${NGINX_DIR}/nginx.conf")
  "${nginx_cmd[@]}" -t -q 2>"${NGINX_DIR}/test.log" \
    || die "nginx refuses ${NGINX_DIR}/nginx.conf: $(cat "${NGINX_DIR}/test.log" "${NGINX_DIR}/error.log" 2>/dev/null)"
  "${nginx_cmd[@]}" -g 'daemon off;' </dev/null >>"${NGINX_DIR}/stdout.log" 2>&1 &
  NGINX_PID=$!
  for i in "${!CPU_PIDS[@]}"; do
    [[ "${CPU_PIDS[i]}" != nginx: ]] || CPU_PIDS[i]="nginx:${NGINX_PID}"
  done
  deadline=$((SECONDS + 15))
  until [[ "$(curl -sS --max-time 3 "${NGINX_URL}/actuator/health" 2>/dev/null)" == *'"status":"UP"'* ]]; do
    kill -0 "${NGINX_PID}" 2>/dev/null \
      || die "nginx exited: $(cat "${NGINX_DIR}/stdout.log" "${NGINX_DIR}/error.log" 2>/dev/null)"
    ((SECONDS < deadline)) || die "nginx on ${BENCH_NGINX_PORT} does not pass user-service's health through: $(tail -n 20 "${NGINX_DIR}/error.log" 2>/dev/null)"
    sleep 0.5
  done
  probe="$(curl -sS -w '\n%{http_code}' -H "operationID: ${direct_operation}" \
    -H "X-User-ID: ${user_id}" -H "X-Internal-Auth: $(sign "${direct_operation}")" "${NGINX_URL}/users/me")"
  [[ "${probe##*$'\n'}" == "200" && "$(json_get .data.userID <<<"${probe%$'\n'*}")" == "${user_id}" ]] \
    || die "a signed GET /users/me through nginx did not answer the seeded user's profile: ${probe}"
  log "nginx $(nginx -v 2>&1 | sed 's/^nginx version: //') on ${NGINX_URL}: master ${NGINX_PID}, workers $(pgrep -P "${NGINX_PID}" | tr '\n' ' ')(${NGINX_DIR})"
fi

# --- measured cases ------------------------------------------------------------------------------
if wanted a; then
  run_wrk a "(a) GET /users/me via gateway" "${BENCH_WARMUP}" "${BENCH_DURATION}" "${GATEWAY}/users/me" \
    -H "operationID: bench-gw-${suffix}" -H "token: ${token}"
fi

if wanted b; then
  run_wrk b "(b) GET /users/me direct" "${BENCH_WARMUP}" "${BENCH_DURATION}" "${USER_SERVICE}/users/me" \
    -H "operationID: ${direct_operation}" -H "X-User-ID: ${user_id}" \
    -H "X-Internal-Auth: $(sign "${direct_operation}")"
fi

if wanted n; then
  run_wrk n "(n) GET /users/me via nginx, signed" "${BENCH_WARMUP}" "${BENCH_DURATION}" "${NGINX_URL}/users/me" \
    -H "operationID: ${direct_operation}" -H "X-User-ID: ${user_id}" \
    -H "X-Internal-Auth: $(sign "${direct_operation}")"
fi

if wanted c; then
  run_wrk c "(c) POST /passport/login via gateway" "${BENCH_WARMUP}" "${BENCH_DURATION}" \
    "${GATEWAY}/passport/login" -s "${ROOT}/bench/login.lua"
fi

if wanted e; then
  run_wrk e "(e) PUT /articles/{id}/likes via gateway" "${BENCH_WARMUP}" "${BENCH_DURATION}" \
    "${GATEWAY}/articles/${article_ids[0]}/likes" -s "${ROOT}/bench/like.lua"
fi

# (l) a popular author: BENCH_NOTIFY_RATE likes a second (wrk's per-request delay) on ONE article,
# toggled by the likers; every like that adds a row writes a notification event in its transaction.
# Afterwards: how long each event took from the like's commit to its delivery to user-service (stored),
# read from article-service's outbox (created_at -> delivered_at).
if wanted l; then
  notify_start="$(mysql -uroot -N -e "SELECT UTC_TIMESTAMP(3)")"
  export BENCH_LIKE_DELAY_MS=$((1000 * BENCH_CONNECTIONS / BENCH_NOTIFY_RATE))
  BENCH_LIKE_ARTICLES="${article_ids[0]}" run_wrk l "(l) ${BENCH_NOTIFY_RATE} likes/s on one article" 0 \
    "${BENCH_DURATION}" "${GATEWAY}/articles/${article_ids[0]}/likes" -s "${ROOT}/bench/like.lua"
  unset BENCH_LIKE_DELAY_MS
  for _ in $(seq 1 60); do
    notify_pending="$(mysql -uroot -N -e "SELECT COUNT(*) FROM ${ARTICLE_DB:-article_db}.outbox_event
      WHERE topic = 'notification' AND delivered_at IS NULL AND created_at >= '${notify_start}'")"
    [[ "${notify_pending}" == "0" ]] && break
    sleep 1
  done
  NOTIFY_DELAYS="$(mysql -uroot -N -e "SELECT TIMESTAMPDIFF(MICROSECOND, created_at, delivered_at) / 1000
    FROM ${ARTICLE_DB:-article_db}.outbox_event WHERE topic = 'notification' AND created_at >= '${notify_start}'
    AND delivered_at IS NOT NULL ORDER BY 1" | awk '{ v[NR] = $1 } END {
      if (NR == 0) { print "no events"; exit }
      printf "%d events, delay ms p50 %.0f, p99 %.0f, max %.0f", NR, v[int(NR * 0.5) + 1], v[int(NR * 0.99) + (NR * 0.99 == int(NR * 0.99) ? 0 : 1)], v[NR] }')"
  NOTIFY_DELAYS="${NOTIFY_DELAYS}; undelivered after 60 s: ${notify_pending}"
  log "(l) relay: ${NOTIFY_DELAYS}"
fi

if wanted f; then
  run_wrk f "(f) GET /articles/hot via gateway" "${BENCH_WARMUP}" "${BENCH_DURATION}" "${GATEWAY}/articles/hot" \
    -H "operationID: bench-hot-${suffix}" -H "token: ${token}"
fi

if wanted g; then
  export BENCH_LIKE_MODE=moments
  run_wrk g "(g) POST /chatx/moments/like via gateway" "${BENCH_WARMUP}" "${BENCH_DURATION}" \
    "${GATEWAY}/chatx/moments/like" -s "${ROOT}/bench/like.lua"
  unset BENCH_LIKE_MODE
fi

if wanted h; then
  export BENCH_POST_TOKEN="${token}" BENCH_POST_BODY="${feed_body}" BENCH_POST_OPERATION="bench-feed-${suffix}"
  run_wrk h "(h) POST /chatx/moments/feed via gateway" "${BENCH_WARMUP}" "${BENCH_DURATION}" \
    "${GATEWAY}/chatx/moments/feed" -s "${ROOT}/bench/post.lua"
fi

# --- bcrypt ceiling ------------------------------------------------------------------------------
if wanted d; then
  newest_jar() {
    find "$1" -name "$2" ! -name '*-sources.jar' ! -name '*-javadoc.jar' 2>/dev/null | sort -V | tail -n 1
  }
  M2="${MAVEN_REPOSITORY:-${HOME}/.m2/repository}"
  CRYPTO_JAR="$(newest_jar "${M2}/org/springframework/security/spring-security-crypto" 'spring-security-crypto-*.jar')"
  LOGGING_JAR="$(newest_jar "${M2}/commons-logging/commons-logging" 'commons-logging-*.jar')"
  [[ -n "${CRYPTO_JAR}" ]] || die "spring-security-crypto not found under ${M2} (build passport-service once)"
  [[ -n "${LOGGING_JAR}" ]] || die "commons-logging not found under ${M2} (BCryptPasswordEncoder logs through it)"
  log "(d) bcrypt cost ${BCRYPT_COST}: ${BCRYPT_THREADS} threads for ${BCRYPT_SECONDS}s ($(basename "${CRYPTO_JAR}"))"
  bcrypt_output="$("${JAVA_BIN}" -cp "${CRYPTO_JAR}:${LOGGING_JAR}" "${ROOT}/bench/BcryptRate.java" \
    "${BCRYPT_COST}" "${BCRYPT_THREADS}" "${BCRYPT_SECONDS}")" || die "the bcrypt measurement failed"
  read -r D_RPS _ <<<"${bcrypt_output}"
  [[ -n "${D_RPS:-}" ]] || die "the bcrypt measurement printed nothing"
  RPS_OF[d]="${D_RPS}"
fi
stop_nginx

# --- tables --------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
verdict() { awk -v r="$1" -v aim="$2" 'BEGIN { print (r == "n/a") ? "n/a" : (r + 0 >= aim) ? "meets" : "BELOW" }'; }
verdict_max() { awk -v r="$1" -v aim="$2" 'BEGIN { print (r == "n/a") ? "n/a" : (r + 0 <= aim) ? "meets" : "ABOVE" }'; }
# cpu_of CASE PROCESS...: "700 us (gateway) + 540 us (user-service)"
cpu_of() {
  local case_name="$1" process text=""
  shift
  for process in "$@"; do
    [[ -n "${CPU_US[${case_name}:${process}]:-}" ]] || continue
    text+="${text:+ + }${CPU_US[${case_name}:${process}]} us (${process})"
  done
  echo "${text:-n/a}"
}
# ratio_line A B AIM LABEL: "(a)/(b) = 0.61 (aim >= 0.6: meets)" when both cases ran
ratio_line() {
  [[ -n "${RPS_OF[$1]:-}" && -n "${RPS_OF[$2]:-}" ]] || return 0
  local value
  value="$(ratio "${RPS_OF[$1]}" "${RPS_OF[$2]}")"
  if [[ -n "$3" ]]; then
    printf '%s = %s (aim >= %s: %s)\n' "$4" "${value}" "$3" "$(verdict "${value}" "$3")"
  else
    printf '%s = %s (%s)\n' "$4" "${value}" "$5"
  fi
}
ALL_BAD=0
for case_name in "${!BAD_OF[@]}"; do
  ALL_BAD=$((ALL_BAD + BAD_OF[${case_name}]))
done

mkdir -p "${RESULTS_DIR}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
result_file="${RESULTS_DIR}/bench-${stamp}.txt"
{
  printf 'content-suite benchmark %s on %s (%s cores), %s\n' "${stamp}" "$(hostname)" "$(nproc)" \
    "$("${JAVA_BIN}" -version 2>&1 | head -n 1)"
  printf 'cases: %s\n' "$(cases_text)"
  printf 'wrk -t%s -c%s -d%ss --timeout %ss after a %ss warm-up' "${BENCH_THREADS}" "${BENCH_CONNECTIONS}" \
    "${BENCH_DURATION}" "${BENCH_TIMEOUT}" "${BENCH_WARMUP}"
  if wanted cold; then
    printf '; cold (a): %ss right after UP, no warm-up' "${BENCH_COLD_DURATION}"
  fi
  if wanted d; then
    printf '; bcrypt cost %s on %s threads for %ss' "${BCRYPT_COST}" "${BCRYPT_THREADS}" "${BCRYPT_SECONDS}"
  fi
  printf '\n'
  if wanted n; then
    printf 'nginx of (n): %s, worker_processes %s, on port %s (bench/nginx/nginx.conf)\n' \
      "$(nginx -v 2>&1 | sed 's/^nginx version: //')" "${BENCH_NGINX_WORKERS}" "${BENCH_NGINX_PORT}"
  fi
  printf 'load average at the start: %s, at the end: %s (anything else running on these cores skews every figure)\n\n' \
    "${LOAD_AT_START}" "$(cut -d' ' -f1-3 /proc/loadavg)"

  if wanted l; then
    printf '(l) %s likes/s on one article: %s req/s; CPU per request %s\n' "${BENCH_NOTIFY_RATE}" "${RPS_OF[l]}" \
      "$(cpu_of l gateway article-service user-service)"
    printf '(l) notification relay (like commit -> stored in user-service): %s\n\n' "${NOTIFY_DELAYS}"
  fi
  if any_wanted a b n cold; then
    printf '| %-44s | %10s | %-50s |\n' "path (GET /users/me)" "requests/s" "CPU per request"
    printf '| %-44s | %10s | %-50s |\n' "--------------------------------------------" "---------:" \
      "--------------------------------------------------"
    if wanted b; then
      printf '| %-44s | %10s | %-50s |\n' "(b) straight to user-service, signed" "${RPS_OF[b]}" "$(cpu_of b user-service)"
    fi
    if wanted n; then
      printf '| %-44s | %10s | %-50s |\n' "(n) through nginx (keep-alive upstream)" "${RPS_OF[n]}" \
        "$(cpu_of n nginx user-service)"
    fi
    if wanted a; then
      printf '| %-44s | %10s | %-50s |\n' "(a) through the gateway" "${RPS_OF[a]}" "$(cpu_of a gateway user-service)"
    fi
    if wanted cold; then
      printf '| %-44s | %10s | %-50s |\n' "(a) cold: first ${BENCH_COLD_DURATION}s after UP" "${RPS_OF[cold]}" \
        "$(cpu_of cold gateway user-service)"
    fi
    printf '\n'
  fi

  printf '| %-44s | %12s | %10s | %12s |\n' "measurement" "per second" "p99" "bad answers"
  printf '| %-44s | %12s | %10s | %12s |\n' "--------------------------------------------" "-----------:" \
    "---------:" "-----------:"
  row() {
    [[ -n "${RPS_OF[$1]:-}" ]] || return 0
    printf '| %-44s | %12s | %10s | %12s |\n' "$2" "${RPS_OF[$1]}" "${P99_OF[$1]:-}" "${BAD_OF[$1]:-}"
  }
  row cold "(a) cold: first ${BENCH_COLD_DURATION}s after UP"
  row a "(a) GET /users/me via gateway"
  row b "(b) GET /users/me direct to user-service"
  row n "(n) GET /users/me via nginx to user-service"
  row c "(c) POST /passport/login via gateway"
  row d "(d) bcrypt checks (cost ${BCRYPT_COST}, ${BCRYPT_THREADS} threads)"
  row e "(e) PUT /articles/{id}/likes via gateway"
  row f "(f) GET /articles/hot via gateway"
  row g "(g) POST /chatx/moments/like via gateway"
  row h "(h) POST /chatx/moments/feed via gateway"
  printf '\n'
  ratio_line a b 0.6 '(a)/(b)'
  ratio_line n b '' '(n)/(b)' 'no aim: the nginx hop, beside (a)/(b)'
  ratio_line cold a 0.7 'cold (a)/(a)'
  ratio_line c d 0.8 '(c)/(d)'
  ratio_line e a 0.8 '(e)/(a)'
  ratio_line f a 0.8 '(f)/(a)'
  ratio_line g a 0.8 '(g)/(a)'
  ratio_line h a 0.5 '(h)/(a)'
  if [[ -n "${CPU_US[a:gateway]:-}" && -n "${CPU_US[n:nginx]:-}" ]]; then
    value="$(ratio "${CPU_US[a:gateway]}" "${CPU_US[n:nginx]}")"
    printf 'gateway CPU per request (a) / nginx CPU per request (n) = %s us / %s us = %s (aim <= 4: %s)\n' \
      "${CPU_US[a:gateway]}" "${CPU_US[n:nginx]}" "${value}" "$(verdict_max "${value}" 4)"
  fi
  if [[ -n "${CPU_US[b:user-service]:-}" ]]; then
    printf 'user-service CPU per request (b) = %s us (aim <= 150 us: %s)\n' "${CPU_US[b:user-service]}" \
      "$(verdict_max "${CPU_US[b:user-service]}" 150)"
  fi
  if [[ -n "${UP_SECONDS}" ]]; then
    printf 'start-up: deploy/local/up.sh launched to all services UP in %s s (aim <= 30 s: %s)\n' "${UP_SECONDS}" \
      "$(verdict_max "${UP_SECONDS}" 30)"
  else
    printf 'start-up: not measured (BENCH_REUSE=1: the suite was already running)\n'
  fi
  printf '\nCPU per request in ms (utime+stime over the measured run / its requests; nginx: master and workers; %s articles, %s likers, %s followed authors, %s posts):\n' \
    "${#article_ids[@]}" "${#like_tokens[@]}" "$(any_wanted g h && echo "${BENCH_FEED_AUTHORS}" || echo 0)" "${#post_ids[@]}"
  header="$(printf '| %-44s |' "measurement")" rule="$(printf '| %-44s |' "--------------------------------------------")"
  for process in "${CPU_NAMES[@]}" "all of them"; do
    header+="$(printf ' %16s |' "${process}")"
    rule+="$(printf ' %16s |' "---------------:")"
  done
  printf '%s\n%s\n' "${header}" "${rule}"
  if ((${#CPU_ROWS[@]} > 0)); then
    printf '%s\n' "${CPU_ROWS[@]}"
  fi
  if ((ALL_BAD > 0)); then
    printf '\nWARNING: some answers were not 2xx or failed at the socket: those figures are not valid.\n'
  fi
  printf '\n----- raw wrk output -----\n'
  cat "${RAW}"
} >"${result_file}"

sed '/^----- raw wrk output -----$/,$d' "${result_file}"
log "saved ${result_file}"
if ((ALL_BAD > 0)); then
  exit 2
fi
