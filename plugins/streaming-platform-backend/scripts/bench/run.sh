#!/usr/bin/env bash
# Runs the benchmark with its history on a throwaway PostgreSQL (as several
# replicas would have it), or on SQLite with --sqlite.
source "$(dirname "${BASH_SOURCE[0]}")/../../../../scripts/lib/env.sh"
source "$REPO_ROOT/scripts/lib/postgres.sh"
ensure_node
cd "$REPO_ROOT/plugins/streaming-platform-backend"
if [ "${1:-}" != "--sqlite" ]; then
  trap stop_test_postgres EXIT
  start_test_postgres
  export STREAMING_BENCH_POSTGRES="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}"
fi
node --expose-gc --max-old-space-size=4096 --require @backstage/cli/config/nodeTransform.cjs scripts/bench/bench.ts
