#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL 15 server on loopback:
# initdb in a temporary folder (--no-sync: a throwaway cluster), a free
# port, pg_ctl start, then the command with CLAIMTRACK_TEST_DATABASE_URL
# set; the server and its folder are removed afterwards, whatever the
# command did. Nothing assumes a
# system-wide server. As root, the server runs as `nobody` (initdb and
# postgres refuse root); as anyone else, as that user.
#
#   scripts/with-postgres.sh ctest --output-on-failure
#
# With CLAIMTRACK_TEST_DATABASE_URL already set, the command just runs
# against that server.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi
if [ -n "${CLAIMTRACK_TEST_DATABASE_URL:-}" ]; then
  exec "$@"
fi

PG_BIN="${CLAIMTRACK_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "with-postgres: no PostgreSQL server found (apt-get install postgresql-15)" >&2
  exit 1
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/claimtrack-pg.XXXXXX")"
as_server=()
if [ "$(id -u)" -eq 0 ]; then
  chown nobody "$dir"
  as_server=(runuser -u nobody --)
fi
chmod 700 "$dir"

stop() {
  # immediate: a throwaway cluster needs no shutdown checkpoint.
  "${as_server[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

# The server's own working directory must be one it can read.
(
  cd "$dir"
  "${as_server[@]}" "$PG_BIN/initdb" -D "$dir/data" -U claimtrack --auth=trust -E UTF8 --no-sync \
    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  "${as_server[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300" start \
    >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U claimtrack claimtrack
)

export CLAIMTRACK_TEST_DATABASE_URL="postgresql://claimtrack@127.0.0.1:$port/claimtrack"
echo "with-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
status=0
"$@" || status=$?
exit "$status"
