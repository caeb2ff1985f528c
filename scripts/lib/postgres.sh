# A throwaway PostgreSQL 15 for the tests that run on every database:
# Backstage's TestDatabases runs its POSTGRES_15 cases when
# BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set, and skips them
# otherwise. Sourced by scripts/test.sh: start_test_postgres before the Jest
# step, stop_test_postgres after it (and on exit).

TEST_PG_DIR=""
TEST_PG_BIN=""
TEST_PG_RUN=()

# The directory with initdb, pg_ctl and postgres of PostgreSQL 15, or nothing.
find_postgres15() {
  local dir
  for dir in "${PG_BIN:-}" /usr/lib/postgresql/15/bin \
    "$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || echo /usr/local/bin/pg_ctl)")")"; do
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ] || continue
    "$dir/postgres" --version 2>/dev/null | grep -q ' 15\.' || continue
    echo "$dir"
    return 0
  done
  return 1
}

# A TCP port nothing listens on at 127.0.0.1 right now.
free_loopback_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    # Connecting fails when the port is free.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

# Without the connection string, TestDatabases under CI=true starts
# PostgreSQL in Docker; with no Docker either, its cases are skipped instead.
sqlite_only() {
  echo "warning: $*; the database tests run on SQLite only." >&2
  if ! timeout 10 docker info >/dev/null 2>&1; then
    export BACKSTAGE_TEST_DISABLE_DOCKER=1
  fi
  return 0
}

start_test_postgres() {
  if [ -n "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
    echo "PostgreSQL 15 for the tests: using BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING as set"
    return 0
  fi
  TEST_PG_BIN="$(find_postgres15)" ||
    { sqlite_only "PostgreSQL 15 is not installed (Debian: apt-get install postgresql-15)"; return 0; }
  TEST_PG_DIR="$(mktemp -d /tmp/streaming-platform-pg.XXXXXX)" ||
    { sqlite_only "no temporary directory for PostgreSQL"; return 0; }
  TEST_PG_RUN=()
  # initdb refuses to run as root, so the server runs as a system user.
  if [ "$(id -u)" = 0 ]; then
    local user=streaming-pg
    if ! id "$user" >/dev/null 2>&1 &&
      ! useradd --system --no-create-home --shell /usr/sbin/nologin "$user" 2>/dev/null; then
      user=nobody
    fi
    chown "$user" "$TEST_PG_DIR" || true
    TEST_PG_RUN=(runuser -u "$user" --)
  fi
  if ! "${TEST_PG_RUN[@]}" "$TEST_PG_BIN/initdb" -D "$TEST_PG_DIR/data" -U postgres \
    --auth=trust --no-sync -E UTF8 --locale=C >"$TEST_PG_DIR/initdb.log" 2>&1; then
    tail -n 5 "$TEST_PG_DIR/initdb.log" >&2
    sqlite_only "initdb failed"
    return 0
  fi
  local port attempt
  # Another process may take the port between choosing and listening: retry.
  for attempt in 1 2 3; do
    port="$(free_loopback_port)" || continue
    if "${TEST_PG_RUN[@]}" "$TEST_PG_BIN/pg_ctl" -D "$TEST_PG_DIR/data" -l "$TEST_PG_DIR/server.log" -w -t 30 \
      -o "-h 127.0.0.1 -p $port -k $TEST_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null 2>&1; then
      export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres@127.0.0.1:$port/postgres"
      echo "PostgreSQL 15 for the tests on 127.0.0.1:$port (data in $TEST_PG_DIR)"
      return 0
    fi
  done
  tail -n 5 "$TEST_PG_DIR/server.log" >&2 2>/dev/null
  sqlite_only "PostgreSQL did not start"
}

stop_test_postgres() {
  [ -n "$TEST_PG_DIR" ] || return 0
  if [ -f "$TEST_PG_DIR/data/postmaster.pid" ]; then
    "${TEST_PG_RUN[@]}" "$TEST_PG_BIN/pg_ctl" -D "$TEST_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$TEST_PG_DIR"
  TEST_PG_DIR=""
  unset BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
}
