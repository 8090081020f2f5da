#!/usr/bin/env bash
# Measures the pipeline end to end through the Python client: N generated
# articles (3 quotes each) in BatchIngestArticles calls of 100, then polls
# until every document is DONE. Ingestion and verification store in
# PostgreSQL (one database) when CLAIMTRACK_TEST_DATABASE_URL is set (run it
# under scripts/with-postgres.sh), else in SQLite. Needs a build (scripts/setup.sh) with the Python stubs.
#
#   scripts/with-postgres.sh scripts/pipeline-rate.sh 3000   # PostgreSQL
#   scripts/pipeline-rate.sh 3000                            # SQLite
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${CLAIMTRACK_BUILD_DIR:-$ROOT/build}/bin"
ARTICLES="${1:-3000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/claimtrack-rate.XXXXXX")"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Starts a service on a free loopback port; waits for its port file.
start() {
  local name="$1"
  shift
  "$BIN/claimtrack-$name" --listen=127.0.0.1:0 --port_file="$work/$name.port" "$@" \
    >"$work/$name.log" 2>&1 &
  pids+=("$!")
  for _ in $(seq 1 300); do
    [ -s "$work/$name.port" ] && return 0
    sleep 0.1
  done
  echo "pipeline-rate: $name did not start; see its log:" >&2
  cat "$work/$name.log" >&2
  exit 1
}

ingestion_store=(--data_dir="$work/ingestion")
verification_store=(--data_dir="$work/verification")
backend="SQLite"
if [ -n "${CLAIMTRACK_TEST_DATABASE_URL:-}" ]; then
  ingestion_store=(--database_url="$CLAIMTRACK_TEST_DATABASE_URL")
  verification_store=(--database_url="$CLAIMTRACK_TEST_DATABASE_URL")
  backend="PostgreSQL"
fi
start verification "${verification_store[@]}"
start extraction --verification_address="127.0.0.1:$(cat "$work/verification.port")"
start ingestion "${ingestion_store[@]}" --extraction_address="127.0.0.1:$(cat "$work/extraction.port")"

PYTHONPATH="$ROOT/clients/python" /usr/bin/python3 - "$ARTICLES" "$backend" \
  "127.0.0.1:$(cat "$work/ingestion.port")" "127.0.0.1:$(cat "$work/verification.port")" <<'PY'
import sys
import time

import claimtrack

count, backend, ingestion, verification = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
client = claimtrack.connect(ingestion, verification)
texts = [
    f'The minister of works, Jane Doe{i}, said on Monday: "We will build {i} new bridges '
    f'before the winter ends." Her deputy, John Roe{i}, told reporters that "the budget for '
    f'project {i} is already approved." Critics disagreed. "This is broken promise number '
    f'{i}," said Ann Smith{i}, a member of the opposition.'
    for i in range(count)
]
start = time.monotonic()
client.ingest_many(texts)
acknowledged = time.monotonic() - start
while any(True for state in ("RECEIVED", "EXTRACTING") for _ in client.documents(state=state)):
    time.sleep(0.05)
done = time.monotonic() - start
print(f"{backend}: {count} articles acknowledged at {count / acknowledged:.0f}/s; "
      f"all DONE after {done:.2f} s: {count / done:.0f} articles/s end to end")
PY
