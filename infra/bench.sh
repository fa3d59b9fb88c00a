#!/usr/bin/env bash
# infra/bench.sh: runs benchmarks of tests/Sourcing.Benchmarks against throw-away servers.
# Usage: bash infra/bench.sh NAME [benchmark args]    one benchmark
#        bash infra/bench.sh all                      every benchmark in turn, each on fresh servers,
#                                                     with their default arguments (about an hour)
#        bash infra/bench.sh                          lists the benchmarks (no servers started)
# Builds Release, starts PostgreSQL/RabbitMQ/maildev as environment test9 (ports 54339, 56739,
# 10269/10819; services from 6100), runs the benchmark, always stops the servers.
# SOURCING_BENCH_ENV=test1..test9 picks another environment (to run beside a test suite);
# SOURCING_BENCH_NO_BUILD=1 skips the build (when the Release build is current);
# SOURCING_BENCH_STATEMENTS=1 loads pg_stat_statements and prints the costliest statements after the run.
# Logs: .data/<env>/logs/ (servers and any service the benchmark starts).
set -euo pipefail
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

bash infra/install.sh
if [[ "${SOURCING_BENCH_NO_BUILD:-}" != 1 ]]; then
  log "building Sourcing.sln (Release)"
  dotnet build Sourcing.sln -c Release -nologo -v quiet
fi

BENCH_DLL=tests/Sourcing.Benchmarks/bin/Release/net10.0/Sourcing.Benchmarks.dll
if [[ $# -eq 0 ]]; then
  dotnet "$BENCH_DLL"
  exit 0
fi
if [[ "$1" == all ]]; then
  # Each benchmark in its own run of this script: fresh servers, its own figures, and one failing
  # does not stop the others. The names come from the harness's own list.
  mapfile -t names < <(dotnet "$BENCH_DLL" | awk 'NR > 1 { print $1 }')
  failed=()
  for name in "${names[@]}"; do
    log "bench all: $name (${#failed[@]} failed so far)"
    SOURCING_BENCH_NO_BUILD=1 bash "$0" "$name" || failed+=("$name")
  done
  if ((${#failed[@]} > 0)); then
    log "bench all: done; failed: ${failed[*]}"
    exit 1
  fi
  log "bench all: every benchmark ran (${names[*]}); record the figures in docs/benchmarks.md"
  exit 0
fi

BENCH_ENV="${SOURCING_BENCH_ENV:-test9}"
load_env_ports "$BENCH_ENV"
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  if [[ "${SOURCING_BENCH_STATEMENTS:-}" == 1 ]]; then
    log "the statements that took most of PostgreSQL's time"
    bash infra/servers.sh statements "$BENCH_ENV" || true
  fi
  bash infra/servers.sh stop "$BENCH_ENV" || true
}
trap cleanup EXIT
[[ "${SOURCING_BENCH_STATEMENTS:-}" == 1 ]] && export SOURCING_PG_STAT_STATEMENTS=1
bash infra/servers.sh reset "$BENCH_ENV"
bash infra/servers.sh start "$BENCH_ENV"

export SOURCING_REPO_ROOT="$REPO_ROOT" SOURCING_TEST_ENV="$BENCH_ENV" SOURCING_TEST_CONFIGURATION=Release
export SOURCING_TEST_PG_PORT=$PG_PORT SOURCING_TEST_RABBIT_PORT=$AMQP_PORT SOURCING_TEST_SMTP_PORT=$SMTP_PORT
export SOURCING_TEST_MAILDEV_URL=http://127.0.0.1:$MAILDEV_WEB_PORT
export SOURCING_TEST_SERVICE_PORT_BASE=$SERVICE_PORT_BASE
log "running benchmark $1"
dotnet "$BENCH_DLL" "$@"
