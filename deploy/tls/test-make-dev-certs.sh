#!/usr/bin/env bash
# Tests make-dev-certs.sh (deploy/validate/validate.sh runs this): makes the
# material into a temporary folder and checks that every certificate chains
# to the CA, carries the names and usages peers check, pairs with its key,
# and works for a mutual-TLS handshake on loopback; that the access file
# holds the token's hash; and that wrong uses are rejected.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

ns=claimtrack-test
out="$work/certs"
failures=0
check() { # DESCRIPTION COMMAND...
  local description="$1"
  shift
  if "$@" >"$work/last.log" 2>&1; then
    echo "  ok    $description"
  else
    echo "  FAIL  $description"
    sed 's/^/        /' "$work/last.log"
    failures=$((failures + 1))
  fi
}
fails() { ! "$@"; }
has_san() { openssl x509 -in "$1" -noout -ext subjectAltName | grep -qE "(^|[ ,])$2(,|$)"; }
has_usage() { openssl x509 -in "$1" -noout -ext extendedKeyUsage | grep -q "$2"; }
same_key() {
  [ "$(openssl x509 -in "$1" -noout -pubkey)" = "$(openssl pkey -in "$2" -pubout)" ]
}

"$HERE/make-dev-certs.sh" -n "$ns" -o "$out" -d 30 >"$work/printed.txt"

for service in ingestion extraction verification; do
  crt="$out/$service.crt"
  check "$service: chains to the CA as a TLS server" \
    openssl verify -CAfile "$out/ca.crt" -purpose sslserver "$crt"
  check "$service: chains to the CA as a TLS client" \
    openssl verify -CAfile "$out/ca.crt" -purpose sslclient "$crt"
  for name in "$service" "$service.$ns" "$service.$ns.svc" "$service.$ns.svc.cluster.local" localhost; do
    check "$service: SAN DNS:$name" has_san "$crt" "DNS:$name"
  done
  check "$service: SAN IP 127.0.0.1" has_san "$crt" "IP Address:127.0.0.1"
  check "$service: hostname $service.$ns.svc verifies" \
    openssl verify -CAfile "$out/ca.crt" -verify_hostname "$service.$ns.svc" "$crt"
  check "$service: the key pairs with the certificate" same_key "$crt" "$out/$service.key"
  check "$service: Secret command printed" grep -q "create secret generic $service-tls --type=kubernetes.io/tls" "$work/printed.txt"
done
check "ingestion: another service's name does not verify" \
  fails openssl verify -CAfile "$out/ca.crt" -verify_hostname "extraction.$ns.svc" "$out/ingestion.crt"
check "analyst: a client certificate" openssl verify -CAfile "$out/ca.crt" -purpose sslclient "$out/analyst.crt"
check "analyst: client usage" has_usage "$out/analyst.crt" "Client Authentication"
check "analyst: no server usage" fails has_usage "$out/analyst.crt" "Server Authentication"
check "analyst: the key pairs with the certificate" same_key "$out/analyst.crt" "$out/analyst.key"
check "ca: is a CA" sh -c "openssl x509 -in '$out/ca.crt' -noout -ext basicConstraints | grep -q 'CA:TRUE'"
token_hash="$(tr -d '\n' <"$out/ingest-token" | openssl dgst -sha256 -r | cut -d' ' -f1)"
check "tokens: holds the ingest token's hash, not the token" \
  sh -c "grep -qx 'ingest,reader importer sha256:$token_hash' '$out/tokens' && ! grep -q \"\$(cat '$out/ingest-token')\" '$out/tokens'"
check "tokens: maps the services' certificates" grep -qx "service extraction cert:extraction" "$out/tokens"
check "keys: readable by the owner only" sh -c "[ \"\$(stat -c %a '$out/ingestion.key')\" = 600 ]"
check "a second run into the same folder is refused" fails "$HERE/make-dev-certs.sh" -n "$ns" -o "$out"
other="$work/other"
"$HERE/make-dev-certs.sh" -n "$ns" -o "$other" >/dev/null
check "a certificate from another CA does not verify" \
  fails openssl verify -CAfile "$out/ca.crt" "$other/ingestion.crt"

# Mutual TLS on loopback: extraction (its certificate as client
# certificate) calls ingestion (client certificate required), each verifying
# the other against the CA, the client also the server's name. openssl
# s_server (one connection) reads commands from stdin: a FIFO held open
# here keeps it from seeing end-of-file.
mkfifo "$work/stdin"
exec 3<>"$work/stdin"
# serve_one_handshake CLIENT_ARGS...: the server's log on stdout.
serve_one_handshake() {
  local port
  port="$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  timeout 20 openssl s_server -accept "127.0.0.1:$port" -naccept 1 \
    -cert "$out/ingestion.crt" -key "$out/ingestion.key" -CAfile "$out/ca.crt" \
    -Verify 1 -verify_return_error <&3 >"$work/server.log" 2>&1 &
  server_pid=$!
  # Ready once it prints ACCEPT; then exactly one client.
  for _ in $(seq 100); do
    grep -q "^ACCEPT" "$work/server.log" 2>/dev/null && break
    sleep 0.05
  done
  echo | timeout 5 openssl s_client -connect "127.0.0.1:$port" -brief -CAfile "$out/ca.crt" \
    -verify_return_error -verify_hostname "ingestion.$ns.svc" "$@" >"$work/client.log" 2>&1 || true
  wait "$server_pid" || true
  server_pid=""
  cat "$work/client.log" "$work/server.log"
}
mutual_tls() {
  serve_one_handshake -cert "$out/extraction.crt" -key "$out/extraction.key" >"$work/handshake.log"
  grep -q "Verified peername: ingestion.$ns.svc" "$work/handshake.log" &&
    grep -q "^subject=O = claimtrack, CN = extraction" "$work/handshake.log" &&
    ! grep -q "ERROR" "$work/handshake.log" || { cat "$work/handshake.log"; return 1; }
}
no_client_certificate_refused() {
  serve_one_handshake >"$work/handshake.log"
  grep -q "peer did not return a certificate" "$work/handshake.log" || { cat "$work/handshake.log"; return 1; }
}
check "mutual TLS handshake: extraction -> ingestion.$ns.svc, both verified" mutual_tls
check "mutual TLS handshake: a client without certificate is refused" no_client_certificate_refused

if [ "$failures" -gt 0 ]; then
  echo "make-dev-certs: $failures check(s) failed"
  exit 1
fi
echo "make-dev-certs: all checks passed"
