#!/usr/bin/env bash
# Builds wireguard-go (the userspace WireGuard, from the Go module proxy) once, for the host suite's WireGuard
# test: the kernels of these machines have no wireguard module, and wg-quick falls back to wireguard-go.
# Prints the binary's path.
set -euo pipefail
# The module has no release tags on the proxy: a pinned pseudo-version.
VERSION="v0.0.0-20260522210424-ecfc5a8d5446"
DIR="${IMMICH_IAC_GO_TOOLS:-/var/cache/immich-iac/go-tools}/wireguard-go-$VERSION"
if [ -x "$DIR/wireguard" ]; then echo "$DIR/wireguard"; exit 0; fi
mkdir -p "$DIR"
GOBIN="$DIR" go install "golang.zx2c4.com/wireguard@$VERSION" >&2
echo "$DIR/wireguard"
