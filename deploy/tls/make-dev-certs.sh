#!/usr/bin/env bash
# Makes TLS material for a development or test deployment of claimtrack:
#   ca.crt, ca.key            a development CA (keep ca.key off the cluster)
#   <service>.crt/.key        ingestion, extraction, verification: server and
#                             client certificate (CN = the service's name,
#                             which the access file maps to the service role)
#   analyst.crt/.key          a client certificate for an analyst (CN analyst)
#   ingest-token              a bearer token for an ingesting client
#   tokens                    the access file (--auth_tokens_file) for all three
# and prints the kubectl commands that create the Secrets the prod overlay
# mounts. Production certificates come from the organisation's CA or
# cert-manager (Secrets of the same shape: tls.crt, tls.key, ca.crt).
#
# Usage: deploy/tls/make-dev-certs.sh [-n NAMESPACE] [-o DIR] [-d DAYS]
#   NAMESPACE  the Kubernetes namespace, for the certificates' DNS names
#              (default claimtrack, the prod overlay's)
#   DIR        an empty or new folder (default ./claimtrack-dev-certs)
#   DAYS       validity (default 365)
set -euo pipefail

namespace=claimtrack
out=./claimtrack-dev-certs
days=365
while getopts "n:o:d:h" option; do
  case "$option" in
    n) namespace="$OPTARG" ;;
    o) out="$OPTARG" ;;
    d) days="$OPTARG" ;;
    *) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
# A DNS label: the names below must be valid hostnames.
if ! [[ "$namespace" =~ ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$ ]]; then
  echo "make-dev-certs: namespace '$namespace' is not a DNS label" >&2
  exit 2
fi
if [ -e "$out" ] && [ -n "$(ls -A "$out")" ]; then
  echo "make-dev-certs: $out is not empty; refusing to overwrite keys" >&2
  exit 1
fi
command -v openssl >/dev/null || { echo "make-dev-certs: needs openssl" >&2; exit 1; }

umask 077
mkdir -p "$out"
services=(ingestion extraction verification)

# ECDSA P-256: small, fast, and accepted by gRPC's TLS and every browser.
new_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

# The CA.
new_key "$out/ca.key"
openssl req -x509 -new -key "$out/ca.key" -sha256 -days "$days" \
  -subj "/O=claimtrack/CN=claimtrack development CA ($namespace)" \
  -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -addext "subjectKeyIdentifier=hash" \
  -out "$out/ca.crt"

# issue NAME EXTENDED_KEY_USAGE [SUBJECT_ALT_NAMES]
issue() {
  local name="$1" usage="$2" alt_names="${3:-}"
  new_key "$out/$name.key"
  {
    echo "basicConstraints=critical,CA:FALSE"
    echo "keyUsage=critical,digitalSignature"
    echo "extendedKeyUsage=$usage"
    echo "authorityKeyIdentifier=keyid"
    [ -z "$alt_names" ] || echo "subjectAltName=$alt_names"
  } >"$out/$name.ext"
  openssl req -new -key "$out/$name.key" -subj "/O=claimtrack/CN=$name" -out "$out/$name.csr"
  openssl x509 -req -in "$out/$name.csr" -CA "$out/ca.crt" -CAkey "$out/ca.key" \
    -CAcreateserial -sha256 -days "$days" -extfile "$out/$name.ext" -out "$out/$name.crt" 2>/dev/null
  rm -f "$out/$name.csr" "$out/$name.ext"
}

# Each service's certificate serves its API port and identifies it on its
# calls to the next service, so it carries both usages. The names: what a
# peer dials inside the namespace (the headless Service "<svc>"), from other
# namespaces, fully qualified, and loopback for local runs.
for service in "${services[@]}"; do
  alt="DNS:$service,DNS:$service.$namespace,DNS:$service.$namespace.svc"
  alt+=",DNS:$service.$namespace.svc.cluster.local,DNS:localhost,IP:127.0.0.1"
  issue "$service" "serverAuth,clientAuth" "$alt"
done
issue analyst "clientAuth"
rm -f "$out/ca.srl"

# The access file. Certificates map by common name (verification calls no
# one, so its certificate gets no role); the ingesting client uses a bearer
# token, stored here only as its SHA-256.
openssl rand -hex 32 >"$out/ingest-token"
token_hash="$(tr -d '\n' <"$out/ingest-token" | openssl dgst -sha256 -r | cut -d' ' -f1)"
cat >"$out/tokens" <<EOF
# claimtrack access file (--auth_tokens_file), made by make-dev-certs.sh.
# <role>[,<role>...] <principal> sha256:<token hash> | cert:<common name>
service ingestion cert:ingestion
service extraction cert:extraction
analyst,reader analyst cert:analyst
ingest,reader importer sha256:$token_hash
EOF
chmod 600 "$out"/*

cat <<EOF
Made in $out for namespace $namespace (valid $days days):
  ca.crt ca.key, ${services[*]/%/.crt} (+ .key), analyst.crt analyst.key,
  ingest-token (bearer token of principal "importer": ingest, reader), tokens.

Create the Secrets the prod overlay mounts:

  kubectl create namespace $namespace
EOF
for service in "${services[@]}"; do
  cat <<EOF
  kubectl -n $namespace create secret generic $service-tls --type=kubernetes.io/tls \\
      --from-file=tls.crt=$out/$service.crt --from-file=tls.key=$out/$service.key \\
      --from-file=ca.crt=$out/ca.crt
EOF
done
cat <<EOF
  kubectl -n $namespace create secret generic claimtrack-auth --from-file=tokens=$out/tokens
EOF
