#!/usr/bin/env bash
# infra/test.sh: the test command. Installs what is missing (infra/install.sh), validates the
# deployment files (infra/validate-deploy.sh), builds Sourcing.sln in Release (stops at the
# first build error), checks formatting (dotnet format's whitespace and using order; the build
# enforces the analyzers and code style), starts fresh test servers
# (wipes .data/test, then infra/servers.sh start test: PostgreSQL 54330, RabbitMQ 56730,
# maildev 10260/10810), runs every test project against them, and always stops the
# servers at the end, and lints the OpenAPI documents the tests saved (infra/lint-openapi.sh).
# Exits with dotnet test's exit code, or 1 when the lint finds an error.
#
# Usage: bash infra/test.sh [-- extra dotnet test arguments]
#   e.g. bash infra/test.sh -- --filter "FullyQualifiedName~Tenants"
#
# Logs: build and test output go to the console; the test output also to
# .data/test/logs/dotnet-test.log; the server logs stay in .data/test/logs/ after the run.
set -euo pipefail
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

extra_args=()
if (($# > 0)); then
  [[ "$1" == "--" ]] && shift
  extra_args=("$@")
fi

started=$SECONDS
elapsed() { printf '%dm%02ds' $(((SECONDS - started) / 60)) $(((SECONDS - started) % 60)); }

bash infra/install.sh

# The deployment files (docker-compose.yml, infra/k8s) are checked first: quick, and they need no build.
bash infra/validate-deploy.sh

log "building Sourcing.sln (Release)"
if ! dotnet build Sourcing.sln -c Release -nologo; then
  log "build FAILED after $(elapsed)"
  exit 1
fi

# Formatting is part of the build's contract (.editorconfig; EF migrations are generated code and
# left as dotnet-ef writes them): `dotnet format Sourcing.sln` fixes what this reports. The build has
# already enforced every analyzer and code-style rule at warning level (EnforceCodeStyleInBuild,
# warnings are errors), so two checks remain: whitespace (indentation, spacing, final newlines), read
# as a folder of files with no compilation, and the order of the using directives, the style pass
# narrowed to one rule (it orders imports whatever rules it is given). The whole `dotnet format`
# (whitespace, style and analyzers over every compilation) took 114 s; these take about 60.
log "checking formatting (dotnet format whitespace, then the order of using directives)"
if ! dotnet format whitespace --folder --verify-no-changes --exclude .data '**/bin/**' '**/obj/**' \
  || ! dotnet format style Sourcing.sln --verify-no-changes --no-restore --diagnostics IDE0065; then
  log "formatting check FAILED after $(elapsed): run 'dotnet format Sourcing.sln' and commit the result"
  exit 1
fi

TEST_LOG="$REPO_ROOT/.data/${SOURCING_TEST_ENV:-test}/logs/dotnet-test.log"
test_rc=""
# shellcheck disable=SC2317 # called by the EXIT trap
stop_servers() {
  local rc=$?
  trap - EXIT INT TERM
  log "stopping the test servers"
  bash infra/servers.sh stop "${TEST_ENV:-test}" || warn "stopping the test servers failed; see .data/test/logs/"
  if [[ -z "$test_rc" ]]; then
    log "FAILED before the tests ran (exit $rc) after $(elapsed); server logs: .data/test/logs/"
  elif ((test_rc == 0)); then
    log "tests PASSED; total time $(elapsed) (log: $TEST_LOG)"
  else
    log "tests FAILED (dotnet test exit $test_rc); total time $(elapsed) (log: $TEST_LOG; server logs: .data/test/logs/)"
  fi
  exit "$rc"
}
trap stop_servers EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# SOURCING_TEST_ENV=test1..test9 runs a second suite beside the first, on other ports.
TEST_ENV="${SOURCING_TEST_ENV:-test}"
load_env_ports "$TEST_ENV"
bash infra/servers.sh reset "$TEST_ENV"
bash infra/servers.sh start "$TEST_ENV"

export SOURCING_TEST_ENV="$TEST_ENV"
export SOURCING_TEST_PG_PORT=$PG_PORT
export SOURCING_TEST_RABBIT_PORT=$AMQP_PORT
export SOURCING_TEST_SMTP_PORT=$SMTP_PORT
export SOURCING_TEST_MAILDEV_URL=http://127.0.0.1:$MAILDEV_WEB_PORT
export SOURCING_TEST_SERVICE_PORT_BASE=$SERVICE_PORT_BASE
export SOURCING_REPO_ROOT="$REPO_ROOT"
export SOURCING_TEST_CONFIGURATION=Release

log "running the tests (log: $TEST_LOG)"
set +e
# -m:1 runs the test projects one after the other: the system tests and the portal's browser tests
# each start every service against the same PostgreSQL and RabbitMQ (and the system tests stop the
# broker on purpose), so they must not overlap. The unit test projects take seconds.
dotnet test Sourcing.sln -c Release --no-build -m:1 --logger "console;verbosity=normal" "${extra_args[@]}" 2>&1 | tee "$TEST_LOG"
test_rc=${PIPESTATUS[0]}
set -e

# Spectral with the OWASP API ruleset over the documents that OpenApiContractTests saved: 0 errors.
OPENAPI_DIR="$REPO_ROOT/.data/$TEST_ENV/openapi"
if ((test_rc == 0)) && compgen -G "$OPENAPI_DIR/*.json" >/dev/null; then
  log "linting the services' OpenAPI documents with Spectral and the OWASP API ruleset"
  set +e
  bash infra/lint-openapi.sh --from "$OPENAPI_DIR"
  lint_rc=$?
  set -e
  if ((lint_rc == 2)); then
    warn "Spectral could not be installed from npm: the OWASP lint was skipped (OpenApiContractTests checked its error rules)"
  elif ((lint_rc != 0)); then
    log "the OpenAPI lint FAILED (reports: .data/openapi/)"
    test_rc=1
  fi
fi

# One closing line over every test project, in the form CI tools read: "N passed, N failed".
passed=$(awk '/^[[:space:]]+Passed:[[:space:]]+[0-9]+/ {s += $2} END {print s + 0}' "$TEST_LOG")
failed=$(awk '/^[[:space:]]+Failed:[[:space:]]+[0-9]+/ {s += $2} END {print s + 0}' "$TEST_LOG")
if ((passed + failed == 0)) && ((test_rc == 0)); then
  log "no test ran: treating that as a failure"
  test_rc=1
fi
# The failed tests again, each with its error message, so that the last lines of the output (all a CI
# summary may show) name them; the whole output, stack traces included, is in the log.
if ((failed > 0)); then
  echo "failed tests (stack traces in $TEST_LOG):"
  awk '/^[[:space:]]+Failed [^:]/ {show = 1; n = 0}
       /^[[:space:]]+Stack Trace:/ {show = 0}
       show && n++ < 12 {print}' "$TEST_LOG"
fi
echo "$passed passed, $failed failed"

exit "$test_rc"
