#!/usr/bin/env bash
# A PostgreSQL 17 image for the pre-upgrade backup test: the trixie root of scripts/upstream-root.sh,
# imported into the local Docker Engine (no registry is reachable). Prints the tag.
set -euo pipefail
here="$(dirname "$0")"
bash "$here/docker-engine.sh"
ROOT="$(bash "$here/upstream-root.sh")"
TAG="immich-iac-pg-test:$(sha256sum "$ROOT/.immich-iac-ready" | cut -c1-12)"
if ! docker image inspect "$TAG" >/dev/null 2>&1; then
  echo "pg-test-image: importing $ROOT" >&2
  tar -C "$ROOT" -c . | docker import - "$TAG" >&2
fi
echo "$TAG"
