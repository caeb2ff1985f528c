#!/usr/bin/env bash
# Starts the portal on its embedded defaults: frontend http://localhost:3000,
# backend http://localhost:7007, SQLite files in data/, guest sign-in and the
# sample catalog in examples/. Brings the pinned Node.js and the dependencies
# first when they are missing. Stop it with Ctrl-C; run it again at any time.
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"

ensure_node
ensure_dependencies

for port in 3000 7007; do
  if port_in_use "$port"; then
    die "port $port is already in use — is the portal already running? Stop it (Ctrl-C in its terminal) or free the port."
  fi
done

# Recorded history lives here and survives restarts (app-config.yaml points the
# backend's SQLite files at data/sqlite).
mkdir -p "$REPO_ROOT/data/sqlite"

log_step "Starting the portal — open http://localhost:3000 and choose Guest (the first start compiles the frontend, about a minute)"
cd "$REPO_ROOT"
exec yarn start
