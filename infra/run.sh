#!/usr/bin/env bash
# infra/run.sh: the run command: a local instance of Sourcing on 127.0.0.1.
# Installs what is missing, builds Sourcing.sln in Release, starts the dev servers
# (infra/servers.sh start dev: PostgreSQL 54320, RabbitMQ 56720, maildev 10250/10800; data
# kept in .data/dev), stops services left from an earlier run, starts every service of
# SOURCING_SERVICES (infra/lib.sh) in the background from its built dll, waits for each
# /health/ready, starts the portal (SOURCING_PORTAL, http://127.0.0.1:5000/), runs the demo seeder
# (infra/Sourcing.DemoSeed, if present) and prints the URLs.
#
# Usage: bash infra/run.sh        Stop everything with: bash infra/stop.sh
# Logs: .data/dev/logs/<service>.log for each service, .data/dev/logs/ for the servers;
# pid files in .data/dev/run/.
set -euo pipefail
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
started=$SECONDS

bash infra/install.sh

log "building Sourcing.sln (Release)"
dotnet build Sourcing.sln -c Release -nologo -v quiet || die "build failed"

stop_services dev # services left from an earlier run.sh
bash infra/servers.sh start dev
load_env_ports dev
mkdir -p "$LOG_DIR" "$RUN_DIR" "$DATA_DIR/keys/dataprotection"

IDENTITY_URL="http://127.0.0.1:5100/"
pg_conn() { # pg_conn DATABASE USER
  printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s;Password=%s' "$PG_PORT" "$1" "$2" "$2"
}

start_service() {
  service_fields "$1"
  [[ -f "$SVC_DLL" ]] || die "$SVC_NAME is not built: $SVC_DLL is missing"
  if port_listening "$SVC_PORT"; then
    die "port $SVC_PORT ($SVC_NAME) is taken by a process that run.sh did not start"
  fi
  local db="sourcing_$SVC_NAME" logfile="$LOG_DIR/$SVC_NAME.log"
  local env_vars=(
    "ASPNETCORE_ENVIRONMENT=Development"
    "ConnectionStrings__Database=$(pg_conn "$db" sourcing_app)"
    "ConnectionStrings__Migrations=$(pg_conn "$db" sourcing_owner)"
    "Database__MigrateOnStartup=true"
    "RabbitMq__Host=127.0.0.1"
    "RabbitMq__Port=$AMQP_PORT"
    "RabbitMq__VirtualHost=/"
    "RabbitMq__Username=guest"
    "RabbitMq__Password=guest"
    "Smtp__Host=127.0.0.1"
    "Smtp__Port=$SMTP_PORT"
    "Smtp__From=Sourcing <no-reply@sourcing.local>"
    "DataProtection__KeysDirectory=$DATA_DIR/keys/dataprotection"
  )
  if [[ "$SVC_NAME" == identity ]]; then
    # The demo admin is also the local platform administrator (the portal's "Background jobs").
    env_vars+=("Identity__Issuer=$IDENTITY_URL" "Identity__KeysDirectory=$DATA_DIR/keys" "Identity__PlatformAdmins__0=admin@northwind.example")
  else
    env_vars+=("Identity__Authority=$IDENTITY_URL")
  fi
  if [[ "$SVC_NAME" == portal ]]; then
    # The APIs the portal calls with the signed-in person's token (identity registers its callback on port 5000).
    env_vars+=("Services__Engagements=http://127.0.0.1:5102/" "Services__Risk=http://127.0.0.1:5104/"
      "Services__Tenants=http://127.0.0.1:5101/" "Services__Sla=http://127.0.0.1:5103/")
  fi
  log "starting $SVC_NAME on http://127.0.0.1:$SVC_PORT (log: $logfile)"
  echo "=== $(date -Is) start" >>"$logfile"
  # The content root is the current directory: run from the dll's folder (appsettings.json).
  (cd "$(dirname "$SVC_DLL")" &&
    exec env "${env_vars[@]}" setsid dotnet "$SVC_DLL" --urls "http://127.0.0.1:$SVC_PORT" \
      >>"$logfile" 2>&1 </dev/null) &
  echo $! >"$RUN_DIR/$SVC_NAME.pid"
}

wait_ready() {
  service_fields "$1"
  local pid logfile="$LOG_DIR/$SVC_NAME.log" url="http://127.0.0.1:$SVC_PORT/health/ready"
  pid="$(cat "$RUN_DIR/$SVC_NAME.pid")"
  local deadline=$((SECONDS + 60))
  until curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; do
    if ! pid_alive "$pid"; then
      show_log_tail "$logfile" 60
      die "$SVC_NAME exited during start-up (log: $logfile; stop the rest with: bash infra/stop.sh)"
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail "$logfile" 60
      die "$SVC_NAME is not ready after 60 s: $url (log: $logfile; stop with: bash infra/stop.sh)"
    fi
    sleep 0.5
  done
  log "$SVC_NAME is ready"
}

for entry in "${SOURCING_SERVICES[@]}"; do start_service "$entry"; done
for entry in "${SOURCING_SERVICES[@]}"; do wait_ready "$entry"; done
start_service "$SOURCING_PORTAL"
wait_ready "$SOURCING_PORTAL"

if [[ -f infra/Sourcing.DemoSeed/Sourcing.DemoSeed.csproj ]]; then
  log "seeding demo data (infra/Sourcing.DemoSeed)"
  dotnet run --project infra/Sourcing.DemoSeed -c Release -- \
    --identity http://127.0.0.1:5100 --tenants http://127.0.0.1:5101 --maildev "http://127.0.0.1:$MAILDEV_WEB_PORT" ||
    die "the demo seeder failed (the services keep running; stop them with: bash infra/stop.sh)"
else
  log "no infra/Sourcing.DemoSeed project: skipping demo data"
fi

echo
echo "Sourcing runs locally (started in $((SECONDS - started))s):"
service_fields "$SOURCING_PORTAL"
printf '  %-11s http://127.0.0.1:%s/   <- open this (the demo logins are above); log: .data/dev/logs/%s.log\n' "$SVC_NAME" "$SVC_PORT" "$SVC_NAME"
for entry in "${SOURCING_SERVICES[@]}"; do
  service_fields "$entry"
  printf '  %-11s http://127.0.0.1:%s/   API reference: http://127.0.0.1:%s/scalar   log: .data/dev/logs/%s.log\n' \
    "$SVC_NAME" "$SVC_PORT" "$SVC_PORT" "$SVC_NAME"
done
echo "  RabbitMQ    management UI http://127.0.0.1:$RMQ_MGMT_PORT/ (guest/guest), AMQP 127.0.0.1:$AMQP_PORT"
echo "  maildev     mail UI http://127.0.0.1:$MAILDEV_WEB_PORT/ (SMTP 127.0.0.1:$SMTP_PORT)"
echo "  PostgreSQL  127.0.0.1:$PG_PORT (sourcing_app/sourcing_app, sourcing_owner/sourcing_owner)"
echo "Stop everything with: bash infra/stop.sh"
