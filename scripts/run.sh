#!/usr/bin/env bash
# The main job: set up and build, start the three services on loopback with
# their SQLite stores under a data folder, ingest articles (the samples in
# examples/articles, or the file or folder given), wait until they are
# processed, and print the recorded claims.
#
#   scripts/run.sh [PATH]        ingest PATH (file or folder) instead of the samples
#   CLAIMTRACK_DATA_DIR=dir      where the stores live (default ./data)
#   CLAIMTRACK_KEEP_RUNNING=1    leave the services running afterwards
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${CLAIMTRACK_BUILD_DIR:-$ROOT/build}"
BIN="$BUILD_DIR/bin"
DATA_DIR="${CLAIMTRACK_DATA_DIR:-$ROOT/data}"
INPUT="${1:-$ROOT/examples/articles}"

"$ROOT/scripts/setup.sh" >&2

mkdir -p "$DATA_DIR"
INGESTION=127.0.0.1:50051
EXTRACTION=127.0.0.1:50052
VERIFICATION=127.0.0.1:50053

pids=()
stop_services() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
if [ -z "${CLAIMTRACK_KEEP_RUNNING:-}" ]; then
  trap stop_services EXIT
fi

start() {  # name, args...
  local name=$1; shift
  rm -f "$DATA_DIR/$name.port"
  "$BIN/claimtrack-$name" --port_file="$DATA_DIR/$name.port" "$@" \
    >>"$DATA_DIR/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do
    [ -s "$DATA_DIR/$name.port" ] && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "run: claimtrack-$name did not start; its log: $DATA_DIR/$name.log" >&2
  tail -n 20 "$DATA_DIR/$name.log" >&2
  exit 1
}

start verification --listen="$VERIFICATION" --data_dir="$DATA_DIR"
start extraction --listen="$EXTRACTION" --verification_address="$VERIFICATION"
start ingestion --listen="$INGESTION" --data_dir="$DATA_DIR" --extraction_address="$EXTRACTION"
echo "run: services up (ingestion $INGESTION, extraction $EXTRACTION, verification $VERIFICATION); logs in $DATA_DIR" >&2

CLI=("$BIN/claimtrack" --ingestion="$INGESTION" --verification="$VERIFICATION")
echo "== ingesting $INPUT"
"${CLI[@]}" ingest --wait "$INPUT"
echo
echo "== recorded claims"
"${CLI[@]}" claims list --all
if [ -n "${CLAIMTRACK_KEEP_RUNNING:-}" ]; then
  echo
  echo "run: services still running (pids ${pids[*]}); try: $BIN/claimtrack claims list --speaker Garland"
fi
