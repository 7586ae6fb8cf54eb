#!/usr/bin/env bash
# Builds what `terraform init` needs when no provider registry is reachable: the providers our stacks use,
# compiled from the Go module proxy and laid out as a filesystem mirror for Terraform and OpenTofu, plus a
# CLI config naming that mirror (and no direct installation). Uses `terraform` from the PATH, or builds
# OpenTofu when there is none. Everything lives under the cache directory; nothing is committed.
# Users with a registry need none of this: `terraform init` downloads the same providers.
#
# Prints shell assignments on stdout (eval them): TF_CLI_CONFIG_FILE, TERRAFORM_BINARY, IMMICH_IAC_TF_MIRROR.
# Progress goes to stderr. Exit 3 names the module version the proxy does not serve.
set -euo pipefail

CACHE="${IMMICH_IAC_CACHE:-/var/cache/immich-iac}/tf-toolchain"
MIRROR="$CACHE/mirror"
GO="${GO:-go}"
log() { echo "tf-toolchain: $*" >&2; }

# name | registry namespace/type | version the mirror gives it | module path | proxy version | replace target
# The proxy serves only some versions; these were probed. The modules declare paths without a /vN suffix,
# so release tags do not resolve: the versions are pseudo-versions of the release commits.
#  - docker: the proxy serves no 3.x commit of kreuzwerker's repository (every 3.x and 4.x release commit
#    was probed), only master at 96d331c (2026-09-16), which is v4.6.0 (its CHANGELOG's newest entry)
#    plus maintenance commits. The mirror calls it 4.6.0. See docs/stack.md, "Idempotence and the provider".
#  - random 3.9.0 (f8d869dc), tls 4.2.1 (857b38cd): the release commits.
PROVIDERS=(
  "docker|kreuzwerker/docker|4.6.0|github.com/terraform-providers/terraform-provider-docker|v0.0.0-20260916201441-96d331c98ff4|github.com/kreuzwerker/terraform-provider-docker"
  "random|hashicorp/random|3.9.0|github.com/terraform-providers/terraform-provider-random|v1.3.2-0.20260513075824-f8d869dc98d9|"
  "tls|hashicorp/tls|4.2.1|github.com/hashicorp/terraform-provider-tls|v1.2.1-0.20260130152455-857b38cda3fc|"
)
TOFU_VERSION="v1.6.3"

command -v "$GO" >/dev/null 2>&1 || { log "go is not installed; it builds the providers from the Go module proxy"; exit 3; }
export GOFLAGS=-mod=mod
case "$(uname -m)" in x86_64) PLATFORM=linux_amd64 ;; aarch64) PLATFORM=linux_arm64 ;; *) log "unsupported machine $(uname -m)"; exit 3 ;; esac

# Fails fast, naming the module version, when the proxy does not serve it.
probe() {
  local module="$1" version="$2" out
  if ! out="$(cd "$CACHE" && "$GO" mod download -json "$module@$version" 2>&1)" || grep -q '"Error"' <<<"$out"; then
    log "the Go module proxy does not serve $module@$version:"
    grep -o '"Error": "[^"]*' <<<"$out" | sed 's/"Error": "/  /' >&2 || echo "$out" >&2
    exit 3
  fi
}

# One small module per provider: it requires the provider (and replaces the path its go.mod declares with
# the repository that publishes it), then builds the provider's main package.
build_provider() {
  local name="$1" module="$2" version="$3" replace="$4" out="$5"
  local work="$CACHE/build/$name"
  rm -rf "$work"
  mkdir -p "$work"
  {
    echo "module immich-iac.local/tf-toolchain/$name"
    echo
    echo "go $("$GO" env GOVERSION | sed 's/^go//')"
    echo
    echo "require $module $version"
    if [ -n "$replace" ]; then echo; echo "replace $module => $replace $version"; fi
  } >"$work/go.mod"
  log "building terraform-provider-$name from $module@$version"
  (cd "$work" && "$GO" build -trimpath -o "$out.tmp" "$module")
  mv "$out.tmp" "$out"
}

mkdir -p "$CACHE/bin" "$MIRROR"
for entry in "${PROVIDERS[@]}"; do
  IFS='|' read -r name source label module version replace <<<"$entry"
  binary="$CACHE/bin/terraform-provider-${name}_v${label}_${version}"
  if [ ! -x "$binary" ]; then
    if [ -n "$replace" ]; then probe "$replace" "$version"; else probe "$module" "$version"; fi
    build_provider "$name" "$module" "$version" "$replace" "$binary"
  fi
  for host in registry.terraform.io registry.opentofu.org; do
    dir="$MIRROR/$host/$source/$label/$PLATFORM"
    mkdir -p "$dir"
    ln -f "$binary" "$dir/terraform-provider-${name}_v${label}"
  done
done

cat >"$CACHE/cli.tfrc" <<EOF
# Written by scripts/tf-toolchain.sh: providers come only from the local mirror (no registry is reachable).
provider_installation {
  filesystem_mirror {
    path = "$MIRROR"
  }
}
EOF

binary="${TERRAFORM_BINARY:-}"
if [ -z "$binary" ]; then
  if command -v terraform >/dev/null 2>&1; then
    binary="$(command -v terraform)"
  elif command -v tofu >/dev/null 2>&1; then
    binary="$(command -v tofu)"
  else
    binary="$CACHE/bin/tofu"
    if [ ! -x "$binary" ]; then
      probe github.com/opentofu/opentofu "$TOFU_VERSION"
      log "no terraform on the PATH: building OpenTofu $TOFU_VERSION"
      GOBIN="$CACHE/bin" "$GO" install "github.com/opentofu/opentofu/cmd/tofu@$TOFU_VERSION"
    fi
  fi
fi

printf 'export TF_CLI_CONFIG_FILE=%q\n' "$CACHE/cli.tfrc"
printf 'export TERRAFORM_BINARY=%q\n' "$binary"
printf 'export IMMICH_IAC_TF_MIRROR=%q\n' "$MIRROR"
