#!/usr/bin/env bash
# deploy/local/down.sh - stop the processes deploy/local/up.sh started.
#
# Stops exactly the processes named by the pid files in the run directory, and only when the pid
# still belongs to that module's jar (a reused pid is left alone): SIGTERM (the services shut down
# gracefully), wait, then SIGKILL what is still running. Removes the pid files. Works from any
# working directory; running it with nothing started is not an error. Order: the gateway, then
# moments-service, article-service and passport-service, then user-service (which all of them call).
#
# Usage: deploy/local/down.sh
#
# Environment (optional; defaults in brackets):
#   SUITE_RUN_DIR [deploy/local/run]   where up.sh wrote its pid files
#   DOWN_TIMEOUT [40]                  seconds to wait after SIGTERM before SIGKILL
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_DIR="${SUITE_RUN_DIR:-${SCRIPT_DIR}/run}"
DOWN_TIMEOUT="${DOWN_TIMEOUT:-40}"

# Gateway first, so no new request reaches a service that is going away.
MODULES=(gateway moments-service article-service passport-service user-service)

log() { printf '[down] %s\n' "$*"; }

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

stopping=()
for module in "${MODULES[@]}"; do
  pid_file="${RUN_DIR}/${module}.pid"
  [[ -f "${pid_file}" ]] || continue
  pid="$(cat "${pid_file}")"
  if pid_runs_module "${module}" "${pid}"; then
    log "stopping ${module} (pid ${pid})"
    kill -TERM "${pid}" 2>/dev/null || true
    stopping+=("${module}")
  else
    log "${module}: pid ${pid} is not running its jar any more; removing ${pid_file}"
    rm -f "${pid_file}"
  fi
done

if ((${#stopping[@]} == 0)); then
  log "nothing to stop"
  exit 0
fi

deadline=$((SECONDS + DOWN_TIMEOUT))
for module in "${stopping[@]}"; do
  pid_file="${RUN_DIR}/${module}.pid"
  pid="$(cat "${pid_file}")"
  while pid_runs_module "${module}" "${pid}" && ((SECONDS < deadline)); do
    sleep 0.5
  done
  if pid_runs_module "${module}" "${pid}"; then
    log "${module} (pid ${pid}) still running after ${DOWN_TIMEOUT}s; sending SIGKILL"
    kill -KILL "${pid}" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "${pid_file}"
  log "${module} stopped"
done
