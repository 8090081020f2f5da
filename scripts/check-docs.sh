#!/usr/bin/env bash
# Checks the tracked Markdown files, which no build or test reads:
# - each stays under a size limit: a scripted edit that went wrong once
#   blew tools/extract/README.md up to 129 MB, and every test still passed;
# - every repository path they quote in backticks (`services/...`,
#   `scripts/test.sh`) exists, so the docs follow files that move.
# Run by scripts/test.sh; prints each problem and fails if there is one.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# The largest document (tools/extract/README.md) is ~150 KB.
readonly MAX_BYTES=$((512 * 1024))
# Top-level folders whose paths the docs quote.
readonly PATH_PATTERN='`\(services\|common\|protos\|deploy\|tests\|tools\|scripts\|docs\|clients\|\.ci\)/[A-Za-z0-9_./-]*`'

problems=0
while IFS= read -r doc; do
  bytes=$(wc -c <"$doc")
  if ((bytes > MAX_BYTES)); then
    echo "check-docs: $doc is $bytes bytes, over the limit of $MAX_BYTES"
    problems=$((problems + 1))
    continue  # Its paths would only repeat the damage.
  fi
  while IFS= read -r path; do
    # Paths are written from the repository's root or from the document's
    # own folder.
    if [[ ! -e "$path" && ! -e "$(dirname "$doc")/$path" ]]; then
      echo "check-docs: $doc names \`$path\`, which does not exist"
      problems=$((problems + 1))
    fi
  done < <(grep -o "$PATH_PATTERN" "$doc" | tr -d '`' | sort -u)
done < <(git ls-files '*.md')

if ((problems > 0)); then
  echo "check-docs: $problems problem(s)"
  exit 1
fi
echo "check-docs: $(git ls-files '*.md' | wc -l) documents clean"
