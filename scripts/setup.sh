#!/usr/bin/env bash
# Installs what is missing (Debian/Ubuntu packages) and builds claimtrack in
# Release mode into build/. Sourced or run by run.sh and test.sh; safe to run
# again: it installs nothing that is already there and rebuilds incrementally.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${CLAIMTRACK_BUILD_DIR:-$ROOT/build}"

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libabsl-dev libspdlog-dev libgmock-dev libgtest-dev libsqlite3-dev libssl-dev
  nlohmann-json3-dev libcli11-dev openssl prometheus-cpp-dev
  # PostgreSQL: libpq for the stores' --database_url backend (the test
  # command adds the server, postgresql-15, that scripts/with-postgres.sh
  # starts on loopback).
  libpq-dev
  nodejs npm
  # The Python client (clients/python): its stubs come from protoc +
  # grpc_python_plugin (protobuf-compiler-grpc, above); it and its tests run
  # on Debian's /usr/bin/python3 with these.
  python3-grpcio python3-protobuf python3-pytest
)
# Callers that need more name them here, space-separated: the test command
# wants clang for the fuzzer, and kubernetes-client (kubectl) and openssl to
# validate deploy/.
read -r -a EXTRA <<<"${CLAIMTRACK_EXTRA_PACKAGES:-}"
PACKAGES+=("${EXTRA[@]}")

missing=()
for package in "${PACKAGES[@]}"; do
  # nodejs/npm may come from elsewhere (nvm, a newer distribution): a working
  # command is as good as the package.
  case "$package" in
    nodejs) command -v node >/dev/null 2>&1 && continue ;;
    npm) command -v npx >/dev/null 2>&1 && continue ;;
    # Debian's kubectl package; one from the Kubernetes project's repository
    # (package kubectl, a newer release) is as good or better.
    kubernetes-client) command -v kubectl >/dev/null 2>&1 && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
# Two jobs: each gRPC-heavy translation unit peaks at ~0.5 GB, and the
# reference machine has 2 cores.
cmake --build "$BUILD_DIR" -j "${CLAIMTRACK_BUILD_JOBS:-2}"
