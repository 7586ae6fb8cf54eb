#!/usr/bin/env bash
# Refreshes Immich's server/helmet.json at the Immich release we deploy (needs the internet; the tests never run
# this) into test/upstream/schemas/immich-helmet.json, regenerates src/renderers/immich-helmet.ts from it and
# prints the sha256 for test/upstream/schemas/README.md. Usage: refresh-immich-helmet.sh v3.2.2
set -euo pipefail
REF="${1:?usage: refresh-immich-helmet.sh <immich release tag, e.g. v3.2.2>}"
case "$REF" in *[!A-Za-z0-9._-]*) echo "refresh-immich-helmet.sh: not a tag or commit: $REF" >&2; exit 2 ;; esac
cd "$(dirname "$0")/.."
out=test/upstream/schemas/immich-helmet.json
curl -fsSL --proto '=https' "https://raw.githubusercontent.com/immich-app/immich/$REF/server/helmet.json" -o "$out.new"
mv -f "$out.new" "$out"
node scripts/write-immich-helmet.mjs "immich-app/immich $REF server/helmet.json"
sha256sum "$out"
