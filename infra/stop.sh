#!/usr/bin/env bash
# infra/stop.sh: stops the local instance started by infra/run.sh: first the services (by the
# pid files in .data/dev/run/), then the dev servers (infra/servers.sh stop dev).
# Data in .data/dev is kept. Logs: .data/dev/logs/.
# Usage: bash infra/stop.sh
set -euo pipefail
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

stop_services dev
bash infra/servers.sh stop dev
log "the local instance is stopped (data kept in .data/dev)"
