#!/usr/bin/env bash
# Installs Immich's CLI (@immich/cli) and the Node.js it needs (>= 22) from the npm registry into a cache, and
# prints the environment `immich-iac import` reads: IMMICH_IAC_IMMICH_NODE and IMMICH_IAC_IMMICH_CLI.
#   eval "$(bash scripts/immich-cli.sh)"
# Versions are pinned; the cache is reused when both are there.
set -euo pipefail
CLI_VERSION=3.2.2
NODE_VERSION=22.23.3
CACHE=${IMMICH_IAC_CACHE:-/var/cache/immich-iac}/immich-cli-${CLI_VERSION}-node-${NODE_VERSION}
node_bin="$CACHE/node_modules/node/bin/node"
cli_bin="$CACHE/node_modules/@immich/cli/bin/immich"
if ! { [ -x "$node_bin" ] && [ -f "$cli_bin" ] && "$node_bin" --version | grep -qx "v${NODE_VERSION}"; }; then
  mkdir -p "$CACHE"
  # The node package's install script fetches the platform's binary package from the same registry.
  npm install --no-audit --no-fund --loglevel=error --prefix "$CACHE" "node@${NODE_VERSION}" "@immich/cli@${CLI_VERSION}" >&2
fi
"$node_bin" --version >/dev/null
printf 'export IMMICH_IAC_IMMICH_NODE=%q\n' "$node_bin"
printf 'export IMMICH_IAC_IMMICH_CLI=%q\n' "$cli_bin"
