#!/usr/bin/env bash
# Ensures a real S3-compatible server for the backup tests: the Versity S3 Gateway (versitygw, Apache-2.0,
# maintained, a full S3 API over a POSIX directory), built from the Go module proxy once and cached outside the
# repo (no MinIO or other image registry is reachable here). Prints the binary's path on stdout.
set -euo pipefail
VERSION="v1.8.0"
DIR="${IMMICH_IAC_S3_DIR:-/var/cache/immich-iac/s3}"
BIN="$DIR/versitygw-$VERSION"
if [ -x "$BIN" ]; then
  echo "$BIN"
  exit 0
fi
command -v go >/dev/null 2>&1 || { echo "s3-server: the go command is missing (needed once to build versitygw $VERSION)" >&2; exit 1; }
echo "s3-server: building versitygw $VERSION from the Go module proxy (about a minute, once)" >&2
mkdir -p "$DIR"
tmp="$(mktemp -d "$DIR/build.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
GOBIN="$tmp" CGO_ENABLED=0 go install "github.com/versity/versitygw/cmd/versitygw@$VERSION" >&2
mv "$tmp/versitygw" "$BIN"
echo "$BIN"
