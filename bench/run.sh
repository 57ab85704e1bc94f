#!/usr/bin/env bash
# bench/run.sh - throughput figures of the suite on this machine, in one run:
#   (a) GET /users/me through the gateway (token verification, revocation lookup, signing, routing)
#   (b) GET /users/me straight to user-service with a valid internal signature (the service alone)
#   (c) POST /passport/login through the gateway (bcrypt-bound)
#   (d) bcrypt password checks per second at BCRYPT_COST on as many threads as cores (login's ceiling)
#   (e) PUT /articles/{articleID}/likes through the gateway, toggling status 1 and 0 (bench/like.lua)
#       over BENCH_ARTICLES articles of one seeded author and BENCH_LIKERS other users' tokens
#   (f) GET /articles/hot through the gateway (default size 20, as the seeded user) over those articles
#   (g) POST /chatx/moments/like through the gateway, like and cancel in turn (bench/like.lua in its
#       moments mode) over the posts of BENCH_FEED_AUTHORS authors, by the same BENCH_LIKERS users
#   (h) POST /chatx/moments/feed through the gateway (first page of 20) of a user who follows
#       BENCH_FEED_AUTHORS authors with BENCH_FEED_POSTS posts each
# and the ratios (a)/(b) (aim >= 0.6: what the gateway hop costs), (c)/(d) (aim >= 0.8: how much
# of the bcrypt ceiling a login reaches), (e)/(a) and (f)/(a) (aim >= 0.8 each: an article write and
# an article list against the cheapest authenticated read), (g)/(a) (aim >= 0.8) and (h)/(a) (aim >=
# 0.5: a moments write and the feed against the same read), and the CPU time per request of each
# process (utime+stime from /proc/<pid>/stat over each measured run, divided by its requests: the
# suite's four JVMs from the pid files, and MariaDB/MySQL and Redis when they run on this host).
#
# It builds the jars if needed, starts the suite with deploy/local/up.sh (on a JDK 25 when present,
# rate limits raised through the environment), seeds one user (captcha read from Redis, register,
# login), writes the articles (e) and (f) read, runs wrk for (a)-(c), (e) and (f) (a warm-up run before
# each measured run) and a single-file Java program for (d), prints a table, saves it under
# bench/results/ and stops the suite again (also on failure).
# A suite that is already running (deploy/local/run pid files alive) is measured and left running only
# with BENCH_REUSE=1 (it must have been started with raised rate limits); otherwise the script refuses.
#
# Usage: bench/run.sh
#
# Environment (optional; defaults in brackets):
#   BENCH_THREADS [2], BENCH_CONNECTIONS [32]  wrk -t / -c
#   BENCH_DURATION [15]        seconds of each measured wrk run (at most 20: the internal signature of
#                              (b) is good for 60 s and is made just before each run)
#   BENCH_WARMUP [30]          seconds of the warm-up run before each measured run (the JIT needs
#                              about half a minute of load on 2 cores before the figures settle)
#   BENCH_TIMEOUT [10]         wrk --timeout in seconds (logins queue behind bcrypt: with 32
#                              connections one waits well over wrk's default of 2 s)
#   BENCH_LOGIN_ACCOUNTS [BENCH_CONNECTIONS]  accounts (c) logs in as, in turn
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

BENCH_THREADS="${BENCH_THREADS:-2}"
BENCH_CONNECTIONS="${BENCH_CONNECTIONS:-32}"
BENCH_DURATION="${BENCH_DURATION:-15}"
BENCH_WARMUP="${BENCH_WARMUP:-30}"
BENCH_TIMEOUT="${BENCH_TIMEOUT:-10}"
BENCH_LOGIN_ACCOUNTS="${BENCH_LOGIN_ACCOUNTS:-${BENCH_CONNECTIONS}}"
BENCH_ARTICLES="${BENCH_ARTICLES:-200}"
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

log() { printf '[bench] %s\n' "$*"; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

if ((BENCH_DURATION > 20)); then
  log "BENCH_DURATION=${BENCH_DURATION} is over 20 s; using 20 (the internal signature of (b) lasts 60 s)"
  BENCH_DURATION=20
fi

for tool in wrk curl redis-cli; do
  command -v "${tool}" >/dev/null 2>&1 || die "${tool} is needed (Debian: apt-get install ${tool/redis-cli/redis-tools})"
done
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
started_here=false
cleanup() {
  local status=$?
  [[ -z "${RAW}" ]] || rm -f "${RAW}"
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

if suite_running; then
  if [[ "${BENCH_REUSE:-}" != 1 ]]; then
    die "the suite is already running (pid files in ${RUN_DIR}); stop it with deploy/local/down.sh, or set BENCH_REUSE=1 to measure it as it is (its rate limits must already be raised)"
  fi
  log "the suite is already running (pid files in ${RUN_DIR}); BENCH_REUSE=1: measuring it and leaving it running"
else
  started_here=true
  "${ROOT}/deploy/local/up.sh"
fi

# --- seed a user ---------------------------------------------------------------------------------
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

# (c) logs in as many accounts in turn: one account is never checked more than five times at once
# (passport reserves a lockout attempt per check in flight), and a real login load is many users.
login_accounts=()
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
BENCH_ACCOUNTS="$(IFS=,; echo "${login_accounts[*]}")"
export BENCH_ACCOUNTS BENCH_PASSWORD="${password}"

# The profile arrives through passport's outbox; wait until user-service has it.
deadline=$((SECONDS + 30))
until [[ "$(curl -sS -H "operationID: bench-check-${suffix}" -H "token: ${token}" "${GATEWAY}/users/me" \
  | json_get .errCode)" == "0" ]]; do
  ((SECONDS < deadline)) || die "GET /users/me through the gateway does not succeed for the seeded user"
  sleep 1
done

sign() {
  "${JAVA_BIN}" -cp "${COMMON_JAR}" "${ROOT}/bench/SignHeader.java" GET /users/me "${user_id}" "$1"
}
direct_operation="bench-direct-${suffix}"
probe="$(curl -sS -w '\n%{http_code}' -H "operationID: ${direct_operation}" \
  -H "X-User-ID: ${user_id}" -H "X-Internal-Auth: $(sign "${direct_operation}")" "${USER_SERVICE}/users/me")"
[[ "${probe##*$'\n'}" == "200" && "$(json_get .data.userID <<<"${probe%$'\n'*}")" == "${user_id}" ]] \
  || die "a signed direct GET /users/me did not answer the seeded user's profile: ${probe}"

# --- seed articles for (e) and (f) ---------------------------------------------------------------
# One author writes them; the likers are other users, whom the author has not blacklisted (a like
# asks user-service whether the author blacklisted the liker, as it would in production).
send_json() {
  curl -sS -X "$1" "${GATEWAY}$2" -H 'Content-Type: application/json' -H "operationID: bench-seed-${suffix}" \
    -H "token: $3" --data "$4"
}
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
article_ids=()
article_content='## A benchmark article\n\nSome **Markdown** text: a paragraph long enough to fill the summary of a list, with a [link](https://example.com) and a list:\n\n- one item\n- another item\n\nThe end of the article, written by bench/run.sh.'
for ((i = 1; i <= BENCH_ARTICLES; i++)); do
  answer="$(send_json POST /articles "${author_token}" \
    "$(printf '{"title":"Benchmark article %d","content":"%s"}' "${i}" "${article_content}")")"
  article_id="$(json_get .data.articleID <<<"${answer}")"
  [[ -n "${article_id}" ]] || die "POST /articles failed: ${answer}"
  article_ids+=("${article_id}")
done

like_tokens=("${token}")
for ((i = 0; i < BENCH_LIKERS - 1; i++)); do
  answer="$(post_json /passport/login "$(printf '{"account":"%s","password":"%s"}' "${login_accounts[i]}" "${password}")")"
  liker_token="$(json_get .data.accessToken <<<"${answer}")"
  [[ -n "${liker_token}" ]] || die "login of liker ${login_accounts[i]} failed: ${answer}"
  like_tokens+=("${liker_token}")
done
BENCH_LIKE_ARTICLES="$(IFS=,; echo "${article_ids[*]}")"
BENCH_LIKE_TOKENS="$(IFS=,; echo "${like_tokens[*]}")"
export BENCH_LIKE_ARTICLES BENCH_LIKE_TOKENS

probe="$(send_json PUT "/articles/${article_ids[0]}/likes" "${token}" '{"status":1}')"
[[ "$(json_get .errCode <<<"${probe}")" == "0" ]] || die "a like of a seeded article failed: ${probe}"
send_json PUT "/articles/${article_ids[0]}/likes" "${token}" '{"status":0}' >/dev/null
probe="$(curl -sS -H "operationID: bench-check-${suffix}" -H "token: ${token}" "${GATEWAY}/articles/hot")"
[[ "$(json_get .errCode <<<"${probe}")" == "0" && "${probe}" == *'"articleID"'* ]] \
  || die "GET /articles/hot did not list the seeded articles: ${probe}"
log "seeded ${#article_ids[@]} articles and ${#like_tokens[@]} likers"

# --- seed moments for (g) and (h) ----------------------------------------------------------------
# BENCH_FEED_AUTHORS authors, each registered and logged in (bcrypt twice: the slow part of the
# seeding), each publishing BENCH_FEED_POSTS posts for everyone; the seeded user follows them all.
# (g) likes these posts as the likers of (e): the seeded user (who follows the authors) and three who
# do not; none is blacklisted, and every like asks user-service for the relation, as a like of anyone
# else's post does.
log "seeding ${BENCH_FEED_AUTHORS} moments authors with ${BENCH_FEED_POSTS} posts each"
post_ids=()
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
feed_body='{"pagination":{"pageNumber":1,"showNumber":20}}'
probe="$(send_json POST /chatx/moments/feed "${token}" "${feed_body}")"
[[ "$(json_get .errCode <<<"${probe}")" == "0" && "$(grep -o '"postID"' <<<"${probe}" | wc -l)" -ge 20 ]] \
  || die "POST /chatx/moments/feed did not answer a page of 20 followed posts: ${probe:0:500}"
log "seeded ${#post_ids[@]} posts by ${BENCH_FEED_AUTHORS} followed authors"

# --- CPU per request -----------------------------------------------------------------------------
# The processes whose CPU time each measured run reads: the suite's JVMs, and the database and Redis
# when they run on this host (another container or host is not visible here).
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
for process in mariadbd mysqld redis-server; do
  pid="$(pgrep -x -o "${process}" 2>/dev/null || true)"
  if [[ -n "${pid}" && -r "/proc/${pid}/stat" ]]; then
    CPU_NAMES+=("${process}")
    CPU_PIDS+=("${pid}")
  fi
done
# cpu_ticks PID: its utime+stime in clock ticks (fields 14 and 15 of /proc/PID/stat; the command
# name in field 2 may hold spaces, so the fields are counted from the closing parenthesis).
cpu_ticks() {
  local stat fields
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

# --- wrk runs ------------------------------------------------------------------------------------
RAW="$(mktemp)"

# run_wrk NAME URL [wrk args...]: warm-up, then the measured run; sets RPS, NON2XX, ERRORS, LATENCY.
run_wrk() {
  local name="$1" url="$2" output warmup
  shift 2
  log "${name}: warm-up ${BENCH_WARMUP}s"
  warmup="$(wrk -t"${BENCH_THREADS}" -c"${BENCH_CONNECTIONS}" -d"${BENCH_WARMUP}s" --timeout "${BENCH_TIMEOUT}s" \
    "$@" "${url}")"
  if grep -qE 'Non-2xx|Socket errors' <<<"${warmup}"; then
    log "${name}: the warm-up saw failures: $(grep -E 'Non-2xx|Socket errors' <<<"${warmup}" | tr -s ' ' | tr '\n' ';')"
  fi
  if [[ "${name}" == "(b)"* ]]; then
    # Re-sign just before the measured run (a signature is good for 60 s): (b) passes its
    # "-H X-Internal-Auth: ..." pair last, so it is replaced here.
    set -- "${@:1:$(($# - 2))}" -H "X-Internal-Auth: $(sign "${direct_operation}")"
  fi
  log "${name}: measuring ${BENCH_DURATION}s (wrk -t${BENCH_THREADS} -c${BENCH_CONNECTIONS})"
  local load_before cpu_before cpu_after
  load_before="$(cut -d' ' -f1 /proc/loadavg)"
  cpu_before="$(cpu_snapshot)"
  output="$(wrk -t"${BENCH_THREADS}" -c"${BENCH_CONNECTIONS}" -d"${BENCH_DURATION}s" --timeout "${BENCH_TIMEOUT}s" \
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
  # ms of CPU per request of each process, then of all of them together
  local requests
  requests="$(awk '/ requests in / { print $1 }' <<<"${output}")"
  CPU_ROWS+=("$(awk -v name="${name}" -v before="${cpu_before}" -v after="${cpu_after}" -v requests="${requests:-0}" \
    -v tck="${CLK_TCK}" 'BEGIN {
      n = split(before, b, " "); split(after, a, " "); total = 0
      row = sprintf("| %-44s |", name)
      for (i = 1; i <= n; i++) {
        ms = (requests > 0) ? (a[i] - b[i]) * 1000 / tck / requests : 0; total += ms
        row = row sprintf(" %16.3f |", ms)
      }
      printf "%s %16.3f |", row, total
    }')")
}

run_wrk "(a) GET /users/me via gateway" "${GATEWAY}/users/me" \
  -H "operationID: bench-gw-${suffix}" -H "token: ${token}"
A_RPS="${RPS}" A_BAD="$((NON2XX + ERRORS))" A_P99="${LATENCY}"

run_wrk "(b) GET /users/me direct" "${USER_SERVICE}/users/me" \
  -H "operationID: ${direct_operation}" -H "X-User-ID: ${user_id}" \
  -H "X-Internal-Auth: $(sign "${direct_operation}")"
B_RPS="${RPS}" B_BAD="$((NON2XX + ERRORS))" B_P99="${LATENCY}"

run_wrk "(c) POST /passport/login via gateway" "${GATEWAY}/passport/login" -s "${ROOT}/bench/login.lua"
C_RPS="${RPS}" C_BAD="$((NON2XX + ERRORS))" C_P99="${LATENCY}"

run_wrk "(e) PUT /articles/{id}/likes via gateway" "${GATEWAY}/articles/${article_ids[0]}/likes" \
  -s "${ROOT}/bench/like.lua"
E_RPS="${RPS}" E_BAD="$((NON2XX + ERRORS))" E_P99="${LATENCY}"

run_wrk "(f) GET /articles/hot via gateway" "${GATEWAY}/articles/hot" \
  -H "operationID: bench-hot-${suffix}" -H "token: ${token}"
F_RPS="${RPS}" F_BAD="$((NON2XX + ERRORS))" F_P99="${LATENCY}"

export BENCH_LIKE_MODE=moments
run_wrk "(g) POST /chatx/moments/like via gateway" "${GATEWAY}/chatx/moments/like" -s "${ROOT}/bench/like.lua"
unset BENCH_LIKE_MODE
G_RPS="${RPS}" G_BAD="$((NON2XX + ERRORS))" G_P99="${LATENCY}"

export BENCH_POST_TOKEN="${token}" BENCH_POST_BODY="${feed_body}" BENCH_POST_OPERATION="bench-feed-${suffix}"
run_wrk "(h) POST /chatx/moments/feed via gateway" "${GATEWAY}/chatx/moments/feed" -s "${ROOT}/bench/post.lua"
H_RPS="${RPS}" H_BAD="$((NON2XX + ERRORS))" H_P99="${LATENCY}"

# --- bcrypt ceiling ------------------------------------------------------------------------------
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

# --- table ---------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
verdict() { awk -v r="$1" -v aim="$2" 'BEGIN { print (r + 0 >= aim) ? "meets" : "BELOW" }'; }
AB="$(ratio "${A_RPS}" "${B_RPS}")"
CD="$(ratio "${C_RPS}" "${D_RPS}")"
EA="$(ratio "${E_RPS}" "${A_RPS}")"
FA="$(ratio "${F_RPS}" "${A_RPS}")"
GA="$(ratio "${G_RPS}" "${A_RPS}")"
HA="$(ratio "${H_RPS}" "${A_RPS}")"
ALL_BAD=$((A_BAD + B_BAD + C_BAD + E_BAD + F_BAD + G_BAD + H_BAD))

mkdir -p "${RESULTS_DIR}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
result_file="${RESULTS_DIR}/bench-${stamp}.txt"
{
  printf 'content-suite benchmark %s on %s (%s cores), %s\n' "${stamp}" "$(hostname)" "$(nproc)" \
    "$("${JAVA_BIN}" -version 2>&1 | head -n 1)"
  printf 'wrk -t%s -c%s -d%ss --timeout %ss after a %ss warm-up; bcrypt cost %s on %s threads for %ss\n' \
    "${BENCH_THREADS}" "${BENCH_CONNECTIONS}" "${BENCH_DURATION}" "${BENCH_TIMEOUT}" "${BENCH_WARMUP}" \
    "${BCRYPT_COST}" "${BCRYPT_THREADS}" "${BCRYPT_SECONDS}"
  printf 'load average at the start: %s, at the end: %s (anything else running on these cores skews every figure)\n\n' \
    "${LOAD_AT_START}" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf '| %-44s | %12s | %10s | %12s |\n' "measurement" "per second" "p99" "bad answers"
  printf '| %-44s | %12s | %10s | %12s |\n' "--------------------------------------------" "-----------:" \
    "---------:" "-----------:"
  printf '| %-44s | %12s | %10s | %12s |\n' "(a) GET /users/me via gateway" "${A_RPS}" "${A_P99}" "${A_BAD}"
  printf '| %-44s | %12s | %10s | %12s |\n' "(b) GET /users/me direct to user-service" "${B_RPS}" "${B_P99}" "${B_BAD}"
  printf '| %-44s | %12s | %10s | %12s |\n' "(c) POST /passport/login via gateway" "${C_RPS}" "${C_P99}" "${C_BAD}"
  printf '| %-44s | %12s | %10s | %12s |\n' "(d) bcrypt checks (cost ${BCRYPT_COST}, ${BCRYPT_THREADS} threads)" \
    "${D_RPS}" "" ""
  printf '| %-44s | %12s | %10s | %12s |\n' "(e) PUT /articles/{id}/likes via gateway" "${E_RPS}" "${E_P99}" "${E_BAD}"
  printf '| %-44s | %12s | %10s | %12s |\n' "(f) GET /articles/hot via gateway" "${F_RPS}" "${F_P99}" "${F_BAD}"
  printf '| %-44s | %12s | %10s | %12s |\n' "(g) POST /chatx/moments/like via gateway" "${G_RPS}" "${G_P99}" "${G_BAD}"
  printf '| %-44s | %12s | %10s | %12s |\n' "(h) POST /chatx/moments/feed via gateway" "${H_RPS}" "${H_P99}" "${H_BAD}"
  printf '\n(a)/(b) = %s (aim >= 0.6: %s)\n' "${AB}" "$(verdict "${AB}" 0.6)"
  printf '(c)/(d) = %s (aim >= 0.8: %s)\n' "${CD}" "$(verdict "${CD}" 0.8)"
  printf '(e)/(a) = %s (aim >= 0.8: %s)\n' "${EA}" "$(verdict "${EA}" 0.8)"
  printf '(f)/(a) = %s (aim >= 0.8: %s)\n' "${FA}" "$(verdict "${FA}" 0.8)"
  printf '(g)/(a) = %s (aim >= 0.8: %s)\n' "${GA}" "$(verdict "${GA}" 0.8)"
  printf '(h)/(a) = %s (aim >= 0.5: %s)\n' "${HA}" "$(verdict "${HA}" 0.5)"
  printf '\nCPU per request in ms (utime+stime over the measured run / its requests; %s articles, %s likers, %s followed authors, %s posts):\n' \
    "${#article_ids[@]}" "${#like_tokens[@]}" "${BENCH_FEED_AUTHORS}" "${#post_ids[@]}"
  header="$(printf '| %-44s |' "measurement")" rule="$(printf '| %-44s |' "--------------------------------------------")"
  for process in "${CPU_NAMES[@]}" "all of them"; do
    header+="$(printf ' %16s |' "${process}")"
    rule+="$(printf ' %16s |' "---------------:")"
  done
  printf '%s\n%s\n' "${header}" "${rule}"
  printf '%s\n' "${CPU_ROWS[@]}"
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
