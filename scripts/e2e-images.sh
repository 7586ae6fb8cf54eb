#!/usr/bin/env bash
# Builds the stand-in images of the real-apply suite and tags them with the exact references a stack uses
# (no image registry is reachable here; the docker provider uses a local image when name:tag exists).
# Usage: e2e-images.sh STANDIN[@VARIANT]=REF ...   STANDIN is a directory of test/e2e/standins (postgres, redis, …);
# VARIANT, when given, is passed as the build argument VARIANT (a generation of the upstream image, see the
# stand-in's Dockerfile) and is part of the image's tag.
# The base is the Debian trixie root of upstream-root.sh, imported once; each stand-in is rebuilt only when
# its files change. Prints one line per tag: STANDIN IMAGE-ID REF.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
standins="$here/../test/e2e/standins"
log() { echo "e2e-images: $*" >&2; }

bash "$here/docker-engine.sh"
root="$(bash "$here/upstream-root.sh")"
base="immich-iac-e2e-base:$(sha256sum "$root/.immich-iac-ready" | cut -c1-12)"
if ! docker image inspect "$base" >/dev/null 2>&1; then
  log "importing $root as $base"
  tar -C "$root" -c . | docker import - "$base" >&2
fi

for pair in "$@"; do
  spec="${pair%%=*}"
  ref="${pair#*=}"
  name="${spec%%@*}"
  variant=""
  if [[ "$spec" == *@* ]]; then variant="${spec#*@}"; fi
  dir="$standins/$name"
  if [[ ! "$name" =~ ^[a-z-]+$ ]] || [ ! -f "$dir/Dockerfile" ]; then log "no stand-in named '$name'"; exit 2; fi
  if [[ ! "$variant" =~ ^[a-z0-9-]*$ ]]; then log "refusing variant '$variant'"; exit 2; fi
  if [[ ! "$ref" =~ ^[a-z0-9./_:-]+$ ]]; then log "refusing image reference '$ref'"; exit 2; fi
  hash="$( (echo "$base"; cd "$dir" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-12)"
  tag="immich-iac-standin-$name${variant:+-$variant}:$hash"
  if ! docker image inspect "$tag" >/dev/null 2>&1; then
    log "building $tag"
    args=(--build-arg "BASE=$base")
    if [ -n "$variant" ]; then args+=(--build-arg "VARIANT=$variant"); fi
    docker build -q "${args[@]}" -t "$tag" "$dir" >&2
  fi
  docker tag "$tag" "$ref"
  echo "$name $(docker image inspect -f '{{.Id}}' "$tag") $ref"
done
