#!/usr/bin/env bash
# Ensures a running Docker Engine for the host tests: Debian's docker.io, started here when no daemon answers.
set -euo pipefail
log() { echo "docker-engine: $*" >&2; }

if ! command -v dockerd >/dev/null 2>&1; then
  log "installing docker.io"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq docker.io >&2
fi
if docker info >/dev/null 2>&1; then exit 0; fi
log "starting dockerd"
mkdir -p /var/log
# The daemon outlives this script: it must not inherit its descriptors. Started under
# `flock /tmp/docker-suite.lock …`, an inherited lock descriptor would hold the lock for as long as dockerd runs
# and block every other Docker suite (it did).
(
  for fd in /proc/self/fd/*; do
    fd=${fd##*/}
    if [[ $fd =~ ^[0-9]+$ ]] && [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
  done 2>/dev/null
  exec nohup dockerd >/var/log/immich-iac-dockerd.log 2>&1 </dev/null
) &
for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then exit 0; fi
  sleep 1
done
log "dockerd did not start; see /var/log/immich-iac-dockerd.log"
tail -20 /var/log/immich-iac-dockerd.log >&2 || true
exit 1
