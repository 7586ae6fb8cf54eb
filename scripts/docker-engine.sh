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
# Started without our open descriptors: run under `flock /tmp/docker-suite.lock`, dockerd would otherwise inherit
# the lock's descriptor and hold the lock for every other suite as long as it runs. In a session of its own
# (setsid): a suite stopped with its process group (Ctrl-C, a timeout) must not take the engine down with it.
(
  for fd in "/proc/$BASHPID/fd/"*; do
    n=${fd##*/}
    if [ "$n" -gt 2 ]; then eval "exec $n>&-"; fi
  done
  exec setsid nohup dockerd >/var/log/immich-iac-dockerd.log 2>&1 </dev/null
) &
for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then exit 0; fi
  sleep 1
done
log "dockerd did not start; see /var/log/immich-iac-dockerd.log"
tail -20 /var/log/immich-iac-dockerd.log >&2 || true
exit 1
