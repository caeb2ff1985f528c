#!/usr/bin/env bash
# Runs the whole test suite: type check, lint, formatting, every package's
# unit and integration tests, and the end-to-end test in headless Chromium.
# Brings the pinned Node.js, the dependencies and (where it can) Debian's
# Chromium first. Prints each step's time and the run's peak memory.
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"
set +e # every step runs; the summary says which failed

export CI="${CI:-true}" # Jest once, not in watch mode; Playwright starts a fresh portal

ensure_chromium() {
  local chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ -x "$chromium" ]; then
    export CHROMIUM_PATH="$chromium"
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else sudo="none"; fi
  fi
  if [ "$sudo" = none ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Chromium is missing at $chromium and cannot be installed from here (needs apt-get as root)." >&2
    echo "Install Debian's chromium package, or set CHROMIUM_PATH to a Chromium binary." >&2
    return 1
  fi
  log_step "Installing Debian's chromium for the end-to-end test (apt-get, about 30 s)"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y --no-install-recommends chromium ||
    { $sudo apt-get update && $sudo apt-get install -y --no-install-recommends chromium; } ||
    return 1
  export CHROMIUM_PATH=/usr/bin/chromium
}

# Samples the summed RSS of this script's process tree once a second.
MEMORY_LOG="$(mktemp)"
sample_memory() {
  while kill -0 "$1" 2>/dev/null; do
    ps -e -o pid=,ppid=,rss= | awk -v root="$1" '
      { parent[$1] = $2; rss[$1] = $3 }
      END {
        for (p in rss) {
          q = p
          while (q != "" && q != 0 && q != root) q = parent[q]
          if (q == root) total += rss[p]
        }
        print total
      }' >> "$MEMORY_LOG"
    sleep 1
  done
}
sample_memory $$ &
SAMPLER=$!

declare -a NAMES=() RESULTS=() DURATIONS=()
run_step() {
  local name="$1"
  shift
  log_step "$name"
  local start=$SECONDS
  "$@"
  local status=$?
  NAMES+=("$name")
  DURATIONS+=($((SECONDS - start)))
  if [ $status -eq 0 ]; then RESULTS+=(passed); else RESULTS+=("FAILED ($status)"); fi
}

total_start=$SECONDS
ensure_node
cd "$REPO_ROOT"
run_step "Dependencies" ensure_dependencies
if [ "${RESULTS[0]}" != passed ]; then
  kill "$SAMPLER" 2>/dev/null
  die "installing dependencies failed; nothing else can run"
fi
run_step "Type check (tsc)" yarn tsc
run_step "Lint (backstage-cli repo lint)" yarn lint:all
run_step "Formatting (prettier --check)" yarn prettier:check
# The history store's tests run on SQLite and on this PostgreSQL.
trap stop_test_postgres EXIT
start_test_postgres
run_step "Unit and integration tests (backstage-cli repo test)" yarn test
stop_test_postgres
run_step "Chromium for the end-to-end test" ensure_chromium
if [ "${RESULTS[-1]}" = passed ]; then
  run_step "End-to-end test (Playwright, headless Chromium)" yarn test:e2e
fi

kill "$SAMPLER" 2>/dev/null
wait "$SAMPLER" 2>/dev/null
peak_kib="$(sort -n "$MEMORY_LOG" | tail -1)"
rm -f "$MEMORY_LOG"

log_step "Summary"
failed=0
for i in "${!NAMES[@]}"; do
  printf '  %-55s %-18s %4ss\n' "${NAMES[$i]}" "${RESULTS[$i]}" "${DURATIONS[$i]}"
  [ "${RESULTS[$i]}" = passed ] || failed=1
done
printf '  %-55s %-18s %4ss\n' "Total" "" "$((SECONDS - total_start))"
printf '  Peak memory of the test run (summed RSS of its processes): %s MiB\n' "$(( ${peak_kib:-0} / 1024 ))"
echo "  Screenshots of the end-to-end test: e2e-test-results/screenshots/"
exit $failed
