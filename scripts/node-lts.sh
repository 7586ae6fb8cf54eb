#!/usr/bin/env bash
# A pinned Node.js LTS for CI, from the npm registry's `node` package (the machine's own node may be out of
# support: Debian's and this machine's Node 20 reached its end of life in April 2026). Installed once with npm into
# /var/cache/immich-iac/node/<version> (override the parent with IMMICH_IAC_CACHE) and reused; prints the directory
# to put first on the PATH, whose `node` is exactly that version. npm itself stays the machine's: it runs under
# whichever node comes first on the PATH.
# Usage: bash scripts/node-lts.sh [VERSION]   (default: the CI line below)
set -euo pipefail
# The Node 22 LTS release CI runs (22 is in maintenance until April 2027). package.json's engines must accept it
# (test/node-engines.test.ts).
DEFAULT_VERSION=22.23.3
VERSION="${1:-$DEFAULT_VERSION}"
if ! [[ "$VERSION" =~ ^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ ]]; then
  echo "node-lts.sh: the version must be MAJOR.MINOR.PATCH (got '${VERSION:0:40}')" >&2
  exit 2
fi
CACHE="${IMMICH_IAC_CACHE:-/var/cache/immich-iac}/node/$VERSION"
BIN="$CACHE/node_modules/node/bin"
have() { [ -x "$BIN/node" ] && [ "$("$BIN/node" --version 2>/dev/null)" = "v$VERSION" ]; }
if ! have; then
  mkdir -p "$CACHE"
  # One installer at a time; a second caller waits and then finds it installed.
  exec 9>"$CACHE.lock"
  flock 9
  if ! have; then
    echo "node-lts.sh: installing Node.js $VERSION from the npm registry into $CACHE" >&2
    npm install --prefix "$CACHE" --no-audit --no-fund --save-exact --loglevel=error "node@$VERSION" >&2
  fi
  have || { echo "node-lts.sh: $BIN/node is not Node.js $VERSION after the install" >&2; exit 1; }
fi
echo "$BIN"
