#!/usr/bin/env bash
# Runs yarn with the repo's pinned Node, e.g. `./scripts/yarn.sh tsc`.
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
ensure_node
cd "$REPO_ROOT"
exec yarn "$@"
