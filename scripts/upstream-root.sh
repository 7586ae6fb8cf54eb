#!/usr/bin/env bash
# Ensures a Debian 13 "trixie" root holding the real upstream programs our tests check generated
# files with: PostgreSQL 17 (+ pgvector), Redis, Caddy, restic, Prometheus (promtool), Alertmanager (amtool) and
# the exporters, smartmontools (smartctl, which smartctl_exporter runs); python3 and wget for the stand-ins the
# real-apply suite builds on it (scripts/e2e-images.sh). No image registry is reachable here, so the
# root is built with debootstrap from Debian's packages and reused across runs (it lives outside the repo).
# Programs Debian lacks, or has only at an older release than the one we deploy, are built from the Go module
# proxy (each once, cached beside the root) and installed in the root's /usr/local/bin, ahead of Debian's on PATH:
# Caddy at the deployed image's release (Debian has 2.6.2), smartctl_exporter (not packaged), and the tools
# whose deployed release Debian trails: promtool (Prometheus 3.13 LTS; Debian has 2.53), amtool (Debian 0.28),
# restic (Debian 0.18.0), node_exporter (Debian 1.9.0) and the Prometheus server for its stand-in. Tests call
# these by their /usr/local/bin path. Not the Alertmanager server: its command embeds a generated web UI that its
# Go module does not ship (ui/web.go: pattern app/dist: no matching files), so its stand-in keeps Debian's 0.28.1.
# Prints the root's path on stdout; progress goes to stderr.
set -euo pipefail

ROOT="${IMMICH_IAC_TRIXIE_ROOT:-/var/cache/immich-iac/trixie}"
MIRROR="${IMMICH_IAC_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
PACKAGES="postgresql-17,postgresql-17-pgvector,redis-server,caddy,argon2,curl,wget,ca-certificates,python3,python3-yaml,openssl,procps,restic,prometheus,prometheus-alertmanager,prometheus-blackbox-exporter,prometheus-node-exporter,prometheus-postgres-exporter,prometheus-redis-exporter,smartmontools"
# Keep in step with IMAGE_PINS (src/versions.ts); test/versions.test.ts checks each entry against its pin.
# Prometheus's Go module numbers v3.X.Y as v0.30X.Y / v0.3XX.Y (v0.313.5 is v3.13.5).
# Each entry: MODULE@VERSION:PACKAGE-DIR-IN-MODULE=BINARY-NAME.
GO_TOOLS="github.com/caddyserver/caddy/v2@v2.11.9:cmd/caddy=caddy github.com/prometheus-community/smartctl_exporter@v0.14.0:.=smartctl_exporter github.com/prometheus/prometheus@v0.313.5:cmd/promtool=promtool github.com/prometheus/alertmanager@v0.35.0:cmd/amtool=amtool github.com/restic/restic@v0.19.1:cmd/restic=restic github.com/prometheus/node_exporter@v1.12.1:.=node_exporter github.com/prometheus/prometheus@v0.313.5:cmd/prometheus=prometheus"
GO_CACHE="${IMMICH_IAC_GO_TOOLS:-$(dirname "$ROOT")/go-tools}"
STAMP="$ROOT/.immich-iac-ready"
WANT="$PACKAGES
$GO_TOOLS"

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ]; then
  echo "$ROOT"
  exit 0
fi

log() { echo "upstream-root: $*" >&2; }

# Builds each Go tool once into GO_CACHE (name-version) and copies it into the root. The build runs inside
# the downloaded module (its own go.mod and go.sum decide every dependency): `go install module@version`
# needs the proxy's version list, which it refuses for some modules.
install_go_tools() {
  command -v go >/dev/null 2>&1 || { log "the go command is missing (needed once to build: $GO_TOOLS)"; exit 1; }
  mkdir -p "$GO_CACHE" "$ROOT/usr/local/bin"
  local tool module version pkg name bin tmp src
  for tool in $GO_TOOLS; do
    module="${tool%%@*}"
    version="${tool#*@}"; version="${version%%:*}"
    pkg="${tool#*:}"; pkg="${pkg%%=*}"
    name="${tool##*=}"
    bin="$GO_CACHE/$name-$version"
    if [ ! -x "$bin" ]; then
      log "building $name $version from the Go module proxy (a minute or two, once)"
      src="$(go mod download -json "$module@$version" | python3 -c 'import json, sys; print(json.load(sys.stdin)["Dir"])')"
      tmp="$(mktemp -d "$GO_CACHE/build.XXXXXX")"
      cp -r "$src" "$tmp/src"
      chmod -R u+w "$tmp/src"
      (cd "$tmp/src" && CGO_ENABLED=0 GOWORK=off GOFLAGS=-mod=mod go build -trimpath -o "$tmp/$name" "./$pkg") >&2
      mv "$tmp/$name" "$bin"
      rm -rf "$tmp"
    fi
    install -m 0755 "$bin" "$ROOT/usr/local/bin/$name"
  done
}

if [ -f "$STAMP" ] && [ "$(head -n 1 "$STAMP")" = "$PACKAGES" ]; then
  install_go_tools
  echo "$WANT" >"$STAMP"
  echo "$ROOT"
  exit 0
fi

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
install_go_tools
echo "$WANT" >"$STAMP"
echo "$ROOT"
