#!/usr/bin/env bash
# infra/install.sh: installs what the run and test commands need, only what is missing.
#   - PostgreSQL 15 and RabbitMQ (Debian packages postgresql, rabbitmq-server),
#     plus node/npm, curl, ss and wrk (the benchmarks' HTTP load generator) if absent (apt-get update only when something is missing);
#   - Debian's chromium (/usr/bin/chromium) for the portal's browser tests (Playwright drives it; it never downloads a browser);
#   - Debian's docker-compose and python3-yaml, with which infra/validate-deploy.sh checks the deployment files
#     (kubectl, for `kubectl kustomize`, comes with the machine);
#   - maildev 3.0.0 from npm into .data/tools/ (the SMTP sink with a JSON API);
#   - checks that the .NET SDK (dotnet) is on PATH.
# Quick and silent-ish when everything is there. Output of apt-get and npm goes to
# .data/logs/install.log (its tail is printed on failure).
# Usage: bash infra/install.sh
set -euo pipefail
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

INSTALL_LOG="$REPO_ROOT/.data/logs/install.log"
mkdir -p "$REPO_ROOT/.data/logs" "$REPO_ROOT/.data/tools"
start_time=$SECONDS

if ! command -v dotnet >/dev/null 2>&1; then
  die "dotnet is not on PATH. Install the .NET SDK 10.0.401 (see global.json) first."
fi
if ! dotnet --version >/dev/null 2>&1; then
  die "dotnet is on PATH but 'dotnet --version' fails (global.json asks for SDK 10.0.401+): $(dotnet --version 2>&1 | head -3)"
fi

missing=()
[[ -x "$PG_BIN/postgres" ]] || missing+=(postgresql)
[[ -x "$RABBITMQ_BIN/rabbitmq-server" ]] || missing+=(rabbitmq-server)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v wrk >/dev/null 2>&1 || missing+=(wrk) # the HTTP load generator of infra/bench.sh api-lists
command -v ss >/dev/null 2>&1 || missing+=(iproute2)
command -v runuser >/dev/null 2>&1 || missing+=(util-linux)
[[ -x /usr/bin/chromium ]] || missing+=(chromium) # the portal's browser tests (tests/Sourcing.Portal.BrowserTests)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose) # infra/validate-deploy.sh: docker-compose config
/usr/bin/python3 -c 'import yaml' >/dev/null 2>&1 || missing+=(python3-yaml) # infra/k8s/check-manifests.py

if ((${#missing[@]} > 0)); then
  [[ $EUID -eq 0 ]] || die "missing packages (${missing[*]}) and not root: install them with apt-get."
  log "installing Debian packages: ${missing[*]} (log: $INSTALL_LOG)"
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update && apt-get install -y --no-install-recommends "${missing[@]}"; } >>"$INSTALL_LOG" 2>&1; then
    show_log_tail "$INSTALL_LOG"
    die "apt-get failed (log: $INSTALL_LOG)"
  fi
fi
[[ -x "$PG_BIN/postgres" ]] || die "PostgreSQL 15 is still missing at $PG_BIN/postgres (log: $INSTALL_LOG)"
[[ -x "$RABBITMQ_BIN/rabbitmq-server" ]] || die "RabbitMQ is still missing at $RABBITMQ_BIN (log: $INSTALL_LOG)"
id postgres >/dev/null 2>&1 || die "the 'postgres' OS user does not exist (it comes with the postgresql package)"

maildev_version() {
  node -p 'require(process.argv[1]).version' "$REPO_ROOT/.data/tools/node_modules/maildev/package.json" 2>/dev/null || true
}
if [[ "$(maildev_version)" != "3.0.0" || ! -f "$MAILDEV_JS" ]]; then
  log "installing maildev 3.0.0 from npm into .data/tools (log: $INSTALL_LOG)"
  if ! npm install --prefix "$REPO_ROOT/.data/tools" maildev@3.0.0 --no-audit --no-fund --loglevel=error >>"$INSTALL_LOG" 2>&1; then
    show_log_tail "$INSTALL_LOG"
    die "npm install maildev@3.0.0 failed (log: $INSTALL_LOG)"
  fi
  [[ -f "$MAILDEV_JS" ]] || die "maildev installed but $MAILDEV_JS is missing (log: $INSTALL_LOG)"
fi

[[ -x /usr/bin/chromium ]] || die "chromium is still missing at /usr/bin/chromium (log: $INSTALL_LOG)"

log "install: all present (dotnet $(dotnet --version), PostgreSQL 15, RabbitMQ, maildev 3.0.0, chromium) in $((SECONDS - start_time))s"
