# Starts a throwaway PostgreSQL 15 for the tests that run on every database
# (Backstage's TestDatabases reads BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING).
# Sourced by scripts/test.sh; stop_test_postgres runs on exit.

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
TEST_PG_DIR=""

start_test_postgres() {
  if [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ]; then
    echo "PostgreSQL 15 is not installed at $PG_BIN (apt-get install postgresql-15); database tests run on SQLite only." >&2
    return 0
  fi
  TEST_PG_DIR="$(mktemp -d /tmp/streaming-platform-pg.XXXXXX)"
  local run=()
  # initdb refuses to run as root: run the server as an unprivileged user.
  if [ "$(id -u)" = 0 ]; then
    id streaming-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin streaming-pg
    chown streaming-pg "$TEST_PG_DIR"
    run=(runuser -u streaming-pg --)
  fi
  local port
  port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  "${run[@]}" "$PG_BIN/initdb" -D "$TEST_PG_DIR/data" -U postgres --auth=trust --no-sync -E UTF8 >"$TEST_PG_DIR/initdb.log" 2>&1 ||
    { echo "initdb failed; see $TEST_PG_DIR/initdb.log. Database tests run on SQLite only." >&2; return 0; }
  "${run[@]}" "$PG_BIN/pg_ctl" -D "$TEST_PG_DIR/data" -l "$TEST_PG_DIR/server.log" -w -t 30 \
    -o "-h 127.0.0.1 -p $port -k $TEST_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null ||
    { echo "PostgreSQL did not start; see $TEST_PG_DIR/server.log. Database tests run on SQLite only." >&2; return 0; }
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres@127.0.0.1:$port/postgres"
  echo "PostgreSQL 15 for the tests on 127.0.0.1:$port"
}

stop_test_postgres() {
  [ -n "$TEST_PG_DIR" ] || return 0
  if [ -d "$TEST_PG_DIR/data" ]; then
    if [ "$(id -u)" = 0 ]; then
      runuser -u streaming-pg -- "$PG_BIN/pg_ctl" -D "$TEST_PG_DIR/data" -m immediate stop >/dev/null 2>&1
    else
      "$PG_BIN/pg_ctl" -D "$TEST_PG_DIR/data" -m immediate stop >/dev/null 2>&1
    fi
  fi
  rm -rf "$TEST_PG_DIR"
  TEST_PG_DIR=""
}
