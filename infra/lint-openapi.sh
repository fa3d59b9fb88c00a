#!/usr/bin/env bash
# infra/lint-openapi.sh: lints every service's OpenAPI document with Spectral and the OWASP API
# ruleset (infra/spectral.yaml). Starts nothing itself: it fetches /openapi/v1.json from services
# that are running (by default those of infra/run.sh on ports 5100-5104), or lints documents
# already saved in a directory. Installs @stoplight/spectral-cli and the ruleset into
# .data/tools/spectral on first use (npm).
#
# Usage: bash infra/lint-openapi.sh [--base-port N | --from DIR] [-- extra spectral arguments]
#   --base-port N  services on N (identity), N+1 (tenants) ... N+4 (risk); default 5100.
#                  A test environment's services: 5200 + 100 * n for testn (see docs/conventions.md).
#   --from DIR     lint DIR/<service>.json instead of fetching.
# Prints the error and warning counts per service; exits 1 when any document has an error, 2 when
# Spectral could not be installed.
# The documents and full reports land in .data/openapi/.
set -euo pipefail
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

base_port=5100
from=""
extra=()
while (($# > 0)); do
  case "$1" in
    --base-port) base_port="$2"; shift 2 ;;
    --from) from="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) die "unknown argument $1 (see the header of $0)" ;;
  esac
done

TOOLS="$REPO_ROOT/.data/tools/spectral"
SPECTRAL="$TOOLS/node_modules/.bin/spectral"
if [[ ! -x "$SPECTRAL" || ! -d "$TOOLS/node_modules/@stoplight/spectral-owasp-ruleset" ]]; then
  log "installing Spectral 6.16.3 and the OWASP ruleset 2.0.1 from npm into .data/tools/spectral"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" @stoplight/spectral-cli@6.16.3 @stoplight/spectral-owasp-ruleset@2.0.1 \
    --no-audit --no-fund --loglevel=error >/dev/null || { warn "npm install of Spectral failed"; exit 2; }
fi

OUT="$REPO_ROOT/.data/openapi"
mkdir -p "$OUT"
# The ruleset's "extends" is resolved from the ruleset file's directory: copy it beside the packages.
# Overrides name documents by paths relative to the ruleset, so the documents' directory is filled in.
documents_dir="${from:-$OUT}"
mkdir -p "$documents_dir"
relative=$(realpath --relative-to="$TOOLS" "$documents_dir")
sed "s|@DOCUMENTS@|$relative|g" infra/spectral.yaml >"$TOOLS/spectral.yaml"

failed=0
offset=0
for entry in "${SOURCING_SERVICES[@]}"; do
  name="${entry%%:*}"
  document="$OUT/$name.json"
  if [[ -n "$from" ]]; then
    document="$from/$name.json"
    [[ -f "$document" ]] || die "$document is missing"
  else
    url="http://127.0.0.1:$((base_port + offset))/openapi/v1.json"
    curl -fsS "$url" -o "$document" || die "could not fetch $url: is the service running?"
  fi
  offset=$((offset + 1))

  report="$OUT/$name.spectral.txt"
  set +e
  "$SPECTRAL" lint "$document" --ruleset "$TOOLS/spectral.yaml" --format text "${extra[@]}" >"$report" 2>&1
  set -e
  errors=$(awk '$2 == "error"' "$report" | wc -l)
  warnings=$(awk '$2 == "warning"' "$report" | wc -l)
  log "$name: $errors errors, $warnings warnings (report: ${report#"$REPO_ROOT"/})"
  ((errors == 0)) || failed=1
done
exit "$failed"
