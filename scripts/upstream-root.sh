#!/usr/bin/env bash
# Ensures a Debian 13 "trixie" root holding the real upstream programs our tests check generated
# files with: PostgreSQL 17 (+ pgvector), Redis, Caddy, restic, Prometheus (promtool), Alertmanager (amtool) and
# the exporters; python3 and wget for the stand-ins the
# real-apply suite builds on it (scripts/e2e-images.sh). No image registry is reachable here, so the
# root is built with debootstrap from Debian's packages and reused across runs (it lives outside the repo).
# Prints the root's path on stdout; progress goes to stderr.
set -euo pipefail

ROOT="${IMMICH_IAC_TRIXIE_ROOT:-/var/cache/immich-iac/trixie}"
MIRROR="${IMMICH_IAC_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
PACKAGES="postgresql-17,postgresql-17-pgvector,redis-server,caddy,argon2,curl,wget,ca-certificates,python3,python3-yaml,openssl,procps,restic,prometheus,prometheus-alertmanager,prometheus-blackbox-exporter,prometheus-node-exporter,prometheus-postgres-exporter,prometheus-redis-exporter"
STAMP="$ROOT/.immich-iac-ready"

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$PACKAGES" ]; then
  echo "$ROOT"
  exit 0
fi

log() { echo "upstream-root: $*" >&2; }

if ! command -v debootstrap >/dev/null 2>&1; then
  log "installing debootstrap"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq debootstrap >&2
fi

log "building trixie root at $ROOT (takes a few minutes once)"
rm -rf "$ROOT.tmp"
mkdir -p "$(dirname "$ROOT")"
debootstrap --variant=minbase --include="$PACKAGES" trixie "$ROOT.tmp" "$MIRROR" >&2
rm -rf "$ROOT"
mv "$ROOT.tmp" "$ROOT"
echo "$PACKAGES" >"$STAMP"
echo "$ROOT"
