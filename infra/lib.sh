# shellcheck shell=bash disable=SC2034
# infra/lib.sh: helpers shared by the infra scripts (sourced, never run on its own).
# Defines REPO_ROOT, the per-environment ports from docs/conventions.md, the list of
# services started by run.sh / stopped by stop.sh, and small wait/log helpers.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The services of the run command, one per line: name:port:project directory (relative to
# the repository root). The dll is <project>/bin/Release/net10.0/<basename of project>.dll
# and the service's database is sourcing_<name>. Add later services here.
SOURCING_SERVICES=(
  "identity:5100:services/Identity/Sourcing.Identity"
  "tenants:5101:services/Tenants/Sourcing.Tenants"
  "engagements:5102:services/Engagements/Sourcing.Engagements"
  "sla:5103:services/Sla/Sourcing.Sla"
  "risk:5104:services/Risk/Sourcing.Risk"
)

# The portal, the web app people open (Blazor, a backend for the browser): started by run.sh after
# the APIs, stopped before them. Not in SOURCING_SERVICES: it has no database and no OpenAPI document.
SOURCING_PORTAL="portal:5000:services/Portal/Sourcing.Portal"

# The databases every environment gets (owner sourcing_owner, CONNECT for sourcing_app).
# Keep in sync with infra/sql/bootstrap.sql.
SOURCING_DATABASES=(sourcing_identity sourcing_tenants sourcing_engagements sourcing_sla sourcing_risk)

PG_BIN=/usr/lib/postgresql/15/bin
RABBITMQ_BIN=/usr/lib/rabbitmq/bin
MAILDEV_JS="$REPO_ROOT/.data/tools/node_modules/maildev/dist/bin/maildev.js"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
warn() { printf '[%s] WARNING: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
  printf '[%s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2
  exit 1
}

# load_env_ports dev|test: sets ENV_NAME, DATA_DIR, LOG_DIR, RUN_DIR and the ports.
load_env_ports() {
  ENV_NAME="${1:-}"
  case "$ENV_NAME" in
    dev)
      PG_PORT=54320 AMQP_PORT=56720 RMQ_MGMT_PORT=15680 RMQ_DIST_PORT=25680 EPMD_PORT=43690
      SMTP_PORT=10250 MAILDEV_WEB_PORT=10800
      ;;
    test | test[1-9])
      # test is what CI runs; test1..test9 are side-by-side copies (n added to every port, the
      # services' ports move by 100 x n) for developers running several test suites at once.
      local n="${ENV_NAME#test}"
      n="${n:-0}"
      PG_PORT=$((54330 + n)) AMQP_PORT=$((56730 + n)) RMQ_MGMT_PORT=$((15690 + n)) RMQ_DIST_PORT=$((25690 + n))
      EPMD_PORT=$((43691 + n)) SMTP_PORT=$((10260 + n)) MAILDEV_WEB_PORT=$((10810 + n))
      SERVICE_PORT_BASE=$((5200 + 100 * n))
      ;;
    *) die "unknown environment '${ENV_NAME}' (expected dev, test or test1..test9)" ;;
  esac
  DATA_DIR="$REPO_ROOT/.data/$ENV_NAME"
  LOG_DIR="$DATA_DIR/logs"
  RUN_DIR="$DATA_DIR/run"
}

# port_listening PORT: true when something listens on TCP PORT (any address).
# Ports, not ps: a stopped process can linger as <defunct> on this machine.
port_listening() {
  ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
}

# pid_alive PID: true when the process exists and is not a zombie.
pid_alive() {
  local pid="$1" state
  [[ -n "$pid" && -r "/proc/$pid/stat" ]] || return 1
  state="$(sed -E 's/^[0-9]+ \(.*\) ([A-Za-z]).*/\1/' "/proc/$pid/stat" 2>/dev/null)" || return 1
  [[ "$state" != "Z" && "$state" != "X" ]]
}

# show_log_tail FILE [LINES]: prints the end of a log after a failure.
show_log_tail() {
  local file="$1" lines="${2:-40}"
  if [[ -f "$file" ]]; then
    printf -- '----- last %s lines of %s -----\n' "$lines" "$file" >&2
    tail -n "$lines" "$file" >&2 || true
    printf -- '----- end of %s -----\n' "$file" >&2
  else
    printf -- '(no log at %s)\n' "$file" >&2
  fi
}

# wait_until TIMEOUT_SECONDS DESCRIPTION COMMAND...: polls COMMAND every 0.25 s.
wait_until() {
  local timeout="$1" what="$2"
  shift 2
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    if ((SECONDS >= deadline)); then
      warn "timed out after ${timeout}s waiting for ${what}"
      return 1
    fi
    sleep 0.25
  done
}

ports_closed() {
  local p
  for p in "$@"; do
    if port_listening "$p"; then return 1; fi
  done
  return 0
}

# ---------------------------------------------------------------- services of the run command

# service_fields ENTRY: splits "name:port:project" into SVC_NAME, SVC_PORT, SVC_PROJECT, SVC_DLL.
service_fields() {
  IFS=: read -r SVC_NAME SVC_PORT SVC_PROJECT <<<"$1"
  SVC_DLL="$REPO_ROOT/$SVC_PROJECT/bin/Release/net10.0/$(basename "$SVC_PROJECT").dll"
}

# stop_services ENV: stops the services and the portal started by run.sh (pid files in
# .data/ENV/run/), last started first. Waits for each port to close; SIGKILL after 20 s.
stop_services() {
  load_env_ports "$1"
  local i pid pidfile
  local all=("${SOURCING_SERVICES[@]}" "$SOURCING_PORTAL")
  for ((i = ${#all[@]} - 1; i >= 0; i--)); do
    service_fields "${all[$i]}"
    pidfile="$RUN_DIR/$SVC_NAME.pid"
    [[ -f "$pidfile" ]] || continue
    pid="$(cat "$pidfile")"
    if pid_alive "$pid"; then
      log "stopping $SVC_NAME (pid $pid, port $SVC_PORT)"
      kill -TERM "$pid" 2>/dev/null || true
      if ! wait_until 20 "$SVC_NAME to stop" ports_closed "$SVC_PORT"; then
        warn "$SVC_NAME did not stop within 20 s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
        wait_until 10 "$SVC_NAME port $SVC_PORT to close" ports_closed "$SVC_PORT" || true
      fi
    fi
    rm -f "$pidfile"
  done
}
