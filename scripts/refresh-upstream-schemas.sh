#!/usr/bin/env bash
# Refreshes the upstream schemas kept in test/upstream/schemas from their publisher (needs the internet; the tests
# never run this). Prints each file's sha256 for test/upstream/schemas/README.md.
set -euo pipefail
cd "$(dirname "$0")/../test/upstream/schemas"
VERSION="${1:-v4.39}"
mkdir -p "authelia-$VERSION"
for f in configuration.json user-database.json; do
  curl -fsSL --proto '=https' "https://www.authelia.com/schemas/$VERSION/json-schema/$f" -o "authelia-$VERSION/$f.new"
  mv -f "authelia-$VERSION/$f.new" "authelia-$VERSION/$f"
  sha256sum "authelia-$VERSION/$f"
done
