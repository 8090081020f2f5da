#!/usr/bin/env bash
# The whole test suite: set-up and build, a check of the docs, the API lint,
# a bounded fuzzing run of the attribution engine, then every test through
# ctest (unit tests, and process tests that run the three services on
# ephemeral loopback ports; the PostgreSQL store and replica tests use a
# server started for the run).
# `.ci/run` calls this.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${CLAIMTRACK_BUILD_DIR:-$ROOT/build}"

# clang-14 and its libFuzzer runtime for the bounded fuzzing run below;
# kubectl (kubernetes-client) and openssl for the deploy/ validation;
# postgresql-15 for the throwaway server the tests run beside.
CLAIMTRACK_EXTRA_PACKAGES="clang-14 libclang-rt-14-dev kubernetes-client openssl postgresql-15" "$ROOT/scripts/setup.sh"

echo "== documentation: sizes and the repository paths it names (scripts/check-docs.sh)"
"$ROOT/scripts/check-docs.sh"

echo "== buf lint (protos/)"
(cd "$ROOT" && npx --yes @bufbuild/buf@1.75.0 lint)
echo "buf lint: clean"

echo "== deploy/: Kubernetes manifests, Dockerfiles, TLS script (deploy/validate/validate.sh)"
CLAIMTRACK_BUILD_DIR="$BUILD_DIR" "$ROOT/deploy/validate/validate.sh"

echo "== fuzzing the attribution engine (${CLAIMTRACK_FUZZ_SECONDS:-30} s)"
"$ROOT/scripts/fuzz.sh" "${CLAIMTRACK_FUZZ_SECONDS:-30}" 2>&1 | tail -n 15

echo "== ctest (beside a throwaway PostgreSQL 15: scripts/with-postgres.sh)"
(cd "$BUILD_DIR" && "$ROOT/scripts/with-postgres.sh" \
  ctest --output-on-failure -j "${CLAIMTRACK_TEST_JOBS:-2}" --timeout 600)
