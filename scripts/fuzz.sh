#!/usr/bin/env bash
# Fuzzes the attribution engine with libFuzzer + ASan for a bounded time.
#
#   scripts/fuzz.sh [SECONDS]     default 60
#   CLAIMTRACK_FUZZ_BUILD_DIR=dir clang build dir (default ./build-fuzz)
#
# Seeds come from examples/articles; new corpus entries and any crash input
# stay under the build dir.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_TO_RUN="${1:-60}"
BUILD_DIR="${CLAIMTRACK_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
CXX_BIN="${CLAIMTRACK_FUZZ_CXX:-clang++-14}"
CC_BIN="${CLAIMTRACK_FUZZ_CC:-clang-14}"

cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="$CXX_BIN" -DCMAKE_C_COMPILER="$CC_BIN" \
  -DCLAIMTRACK_FUZZ=ON >/dev/null
cmake --build "$BUILD_DIR" --target engine_fuzzer -j2

CORPUS="$BUILD_DIR/fuzz-corpus"
mkdir -p "$CORPUS" "$BUILD_DIR/fuzz-artifacts"
cp -n "$ROOT"/examples/articles/* "$CORPUS"/ 2>/dev/null || true
"$BUILD_DIR/bin/engine_fuzzer" -max_total_time="$SECONDS_TO_RUN" \
  -max_len=65536 -artifact_prefix="$BUILD_DIR/fuzz-artifacts/" \
  -print_final_stats=1 "$CORPUS"
