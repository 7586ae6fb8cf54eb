#!/usr/bin/env bash
# Builds the disposable Debian 13 image the host scripts are tested in (no registry is reachable:
# debootstrap a root and `docker import` it). Rebuilt only when the package list changes. Prints the tag.
set -euo pipefail
PACKAGES="bash,coreutils,procps,iproute2,kmod,ufw,iptables,zfs-fuse,passwd,adduser,sudo,openssh-client,openssh-server,ca-certificates"
TAG="immich-iac-host-test:$(printf '%s' "$PACKAGES" | sha256sum | cut -c1-12)"
MIRROR="${IMMICH_IAC_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
log() { echo "host-test-image: $*" >&2; }

bash "$(dirname "$0")/docker-engine.sh"
if docker image inspect "$TAG" >/dev/null 2>&1; then echo "$TAG"; exit 0; fi
if ! command -v debootstrap >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq debootstrap >&2
fi
ROOT="$(mktemp -d /var/tmp/immich-iac-host-root.XXXXXX)"
trap 'rm -rf "$ROOT"' EXIT
log "debootstrap trixie into $ROOT (a few minutes)"
debootstrap --variant=minbase --include="$PACKAGES" trixie "$ROOT" "$MIRROR" >&2
tar -C "$ROOT" -c . | docker import - "$TAG" >&2
echo "$TAG"
