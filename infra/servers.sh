#!/usr/bin/env bash
# infra/servers.sh: starts/stops the local servers of one environment (dev or test):
# PostgreSQL 15, RabbitMQ (with the management plugin) and maildev, all on 127.0.0.1 with the
# ports of docs/conventions.md, all data under .data/<env>/ (pg/, rabbitmq/, maildev/).
# "start" also creates the roles sourcing_owner / sourcing_app and the service databases
# (infra/sql/bootstrap.sql); it is idempotent: what already runs is left alone.
#
# Usage: bash infra/servers.sh COMMAND dev|test
#   start | stop | status        all three servers
#   start-rabbitmq | stop-rabbitmq  only the broker (its data, hence durable queues, is kept)
#   start-postgres | stop-postgres | start-maildev | stop-maildev
#   reset test                   stop, then delete .data/test (not allowed for dev)
#   statements                   the 15 statements that took most time (needs the servers started
#                                with SOURCING_PG_STAT_STATEMENTS=1, which loads pg_stat_statements,
#                                and auto_explain for a sample of slow plans in the server log)
#
# Logs: .data/<env>/logs/postgres.log, .data/<env>/logs/rabbitmq/ (broker log) and
# .data/<env>/logs/rabbitmq-server.out (its console), .data/<env>/logs/maildev.log.
# Pid files: .data/<env>/run/. The PostgreSQL superuser "postgres" has password "postgres"
# over TCP; over the unix socket in .data/<env>/pg it needs none.
set -euo pipefail
# shellcheck source=infra/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

[[ $# -eq 2 ]] || usage
COMMAND="$1"
load_env_ports "$2"

PG_DATA="$DATA_DIR/pg"
PG_LOG="$LOG_DIR/postgres.log"
RMQ_DIR="$DATA_DIR/rabbitmq"
RMQ_NODE="sourcing-$ENV_NAME@localhost"
RMQ_LOG="$LOG_DIR/rabbitmq-server.out"
MAILDEV_DIR="$DATA_DIR/maildev"
MAILDEV_LOG="$LOG_DIR/maildev.log"
MAILDEV_PID="$RUN_DIR/maildev.pid"

ensure_dirs() {
  mkdir -p "$DATA_DIR" "$LOG_DIR" "$RUN_DIR" "$RMQ_DIR" "$MAILDEV_DIR"
  # The postgres OS user must be able to reach .data/<env>/pg.
  chmod 755 "$REPO_ROOT/.data" "$DATA_DIR" "$LOG_DIR"
  locate_postgres
}

# PostgreSQL runs as the postgres OS user, which cannot enter a checkout that sits below a
# private directory (a CI clone in a 0700 temporary directory, say). Then the cluster lives in
# /var/lib/sourcing/<checkout hash>/<env>/ instead, linked from .data/<env>/pg and
# .data/<env>/logs/postgres.log so that everything is still found under .data/.
PG_OUTSIDE="/var/lib/sourcing/$(printf '%s' "$REPO_ROOT" | sha1sum | cut -c1-12)/$ENV_NAME"
if [[ -L "$DATA_DIR/pg" ]]; then
  PG_DATA="$PG_OUTSIDE/data"
  PG_LOG="$PG_OUTSIDE/postgres.log"
fi
locate_postgres() {
  if runuser -u postgres -- test -x "$DATA_DIR" 2>/dev/null && [[ ! -L "$DATA_DIR/pg" ]]; then
    return
  fi
  if [[ ! -d "$PG_OUTSIDE" ]]; then
    log "PostgreSQL ($ENV_NAME): the postgres user cannot reach $DATA_DIR; keeping the cluster in $PG_OUTSIDE (linked from .data/$ENV_NAME/pg)"
  fi
  install -d -m 755 /var/lib/sourcing
  install -d -m 700 -o postgres -g postgres "$PG_OUTSIDE"
  PG_DATA="$PG_OUTSIDE/data"
  PG_LOG="$PG_OUTSIDE/postgres.log"
  ln -sfn "$PG_DATA" "$DATA_DIR/pg"
  ln -sfn "$PG_LOG" "$LOG_DIR/postgres.log"
}

as_postgres() { runuser -u postgres -- "$@"; }

# ---------------------------------------------------------------- PostgreSQL

pg_ready() { as_postgres "$PG_BIN/pg_isready" -q -h "$PG_DATA" -p "$PG_PORT" -d postgres >/dev/null 2>&1; }

pg_write_config() {
  # Regenerated on every start; postgresql.conf includes it (added by initdb below).
  {
    echo "# Written by infra/servers.sh on every start; edits are lost."
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $PG_PORT"
    echo "unix_socket_directories = '$PG_DATA'"
    echo "max_connections = 300"
    echo "password_encryption = 'scram-sha-256'"
    echo "log_timezone = 'UTC'"
    echo "timezone = 'UTC'"
    if [[ "$ENV_NAME" == test* ]]; then
      # Throw-away test data: trade durability for speed. Never for dev.
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
    if [[ "${SOURCING_PG_STAT_STATEMENTS:-}" == 1 ]]; then
      echo "shared_preload_libraries = 'pg_stat_statements, auto_explain'"
      echo "pg_stat_statements.track = all"
      # and a sample of the plans of statements over 1 ms, with their timings, in the server log
      echo "auto_explain.log_min_duration = '1ms'"
      echo "auto_explain.sample_rate = 0.01"
      echo "auto_explain.log_analyze = on"
      echo "auto_explain.log_buffers = on"
    fi
  } >"$PG_DATA/sourcing.conf"
  chown postgres:postgres "$PG_DATA/sourcing.conf"
}

start_postgres() {
  ensure_dirs
  if pg_ready; then
    log "PostgreSQL ($ENV_NAME) already runs on 127.0.0.1:$PG_PORT"
  else
    if port_listening "$PG_PORT"; then
      die "port $PG_PORT is taken by another process (not this environment's PostgreSQL)"
    fi
    if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
      log "PostgreSQL ($ENV_NAME): initdb in $PG_DATA"
      rm -rf "$PG_DATA"
      install -d -m 700 -o postgres -g postgres "$PG_DATA"
      local pwfile
      pwfile="$(mktemp)"
      echo postgres >"$pwfile"
      chown postgres "$pwfile"
      if ! as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --pwfile="$pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 \
        >"$LOG_DIR/initdb.log" 2>&1; then
        rm -f "$pwfile"
        show_log_tail "$LOG_DIR/initdb.log"
        die "initdb failed (log: $LOG_DIR/initdb.log)"
      fi
      rm -f "$pwfile"
      echo "include_if_exists = 'sourcing.conf'" >>"$PG_DATA/postgresql.conf"
    fi
    pg_write_config
    touch "$PG_LOG"
    chown postgres:postgres "$PG_LOG"
    log "PostgreSQL ($ENV_NAME): starting on 127.0.0.1:$PG_PORT (log: $PG_LOG)"
    if ! as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null 2>&1 </dev/null; then
      show_log_tail "$PG_LOG"
      die "PostgreSQL ($ENV_NAME) did not start (log: $PG_LOG)"
    fi
    if ! wait_until 30 "PostgreSQL on port $PG_PORT" pg_ready; then
      show_log_tail "$PG_LOG"
      die "PostgreSQL ($ENV_NAME) does not answer (log: $PG_LOG)"
    fi
  fi
  pg_bootstrap
}

pg_bootstrap() {
  # Roles and databases (idempotent). The SQL file is read by psql running as postgres.
  local out
  if ! out="$(as_postgres "$PG_BIN/psql" -X -q -h "$PG_DATA" -p "$PG_PORT" -U postgres -d postgres \
    -v ON_ERROR_STOP=1 -f - <"$REPO_ROOT/infra/sql/bootstrap.sql" 2>&1)"; then
    printf '%s\n' "$out" >&2
    die "creating the roles/databases failed (infra/sql/bootstrap.sql)"
  fi
  log "PostgreSQL ($ENV_NAME): roles sourcing_owner, sourcing_app and databases ${SOURCING_DATABASES[*]} are in place"
}

stop_postgres() {
  if [[ -f "$PG_DATA/PG_VERSION" ]] && { pg_ready || [[ -f "$PG_DATA/postmaster.pid" ]]; }; then
    log "PostgreSQL ($ENV_NAME): stopping"
    if ! as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1 </dev/null; then
      # A stale postmaster.pid (server killed) makes pg_ctl fail; fine if the port is closed.
      if port_listening "$PG_PORT"; then
        show_log_tail "$PG_LOG"
        die "PostgreSQL ($ENV_NAME) did not stop (log: $PG_LOG)"
      fi
    fi
  fi
  if ! wait_until 30 "port $PG_PORT to close" ports_closed "$PG_PORT"; then
    show_log_tail "$PG_LOG"
    die "something still listens on $PG_PORT"
  fi
  log "PostgreSQL ($ENV_NAME): stopped"
}

# ---------------------------------------------------------------- RabbitMQ

# Every RabbitMQ variable points into .data/<env>/rabbitmq; HOME holds the Erlang cookie, so
# the server and the CLI tools (same HOME, same node name, same epmd port) find each other.
RMQ_ENV=(
  "HOME=$RMQ_DIR"
  "RABBITMQ_NODENAME=$RMQ_NODE"
  "RABBITMQ_USE_LONGNAME=false"
  "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1"
  "RABBITMQ_NODE_PORT=$AMQP_PORT"
  "RABBITMQ_DIST_PORT=$RMQ_DIST_PORT"
  "RABBITMQ_MNESIA_BASE=$RMQ_DIR/mnesia"
  "RABBITMQ_LOG_BASE=$LOG_DIR/rabbitmq"
  "RABBITMQ_CONFIG_FILE=$RMQ_DIR/rabbitmq.conf"
  "RABBITMQ_ADVANCED_CONFIG_FILE=$RMQ_DIR/advanced.config"
  "RABBITMQ_CONF_ENV_FILE=$RMQ_DIR/rabbitmq-env.conf"
  "RABBITMQ_ENABLED_PLUGINS_FILE=$RMQ_DIR/enabled_plugins"
  "RABBITMQ_PID_FILE=$RMQ_DIR/rabbitmq.pid"
  "ERL_EPMD_PORT=$EPMD_PORT"
  "ERL_EPMD_ADDRESS=127.0.0.1"
  "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
  "RABBITMQ_CTL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
)

rmq_run() { env "${RMQ_ENV[@]}" "$@"; }
rmqctl() { rmq_run "$RABBITMQ_BIN/rabbitmqctl" -n "$RMQ_NODE" "$@"; }
rmq_ping() { rmq_run "$RABBITMQ_BIN/rabbitmq-diagnostics" -q -n "$RMQ_NODE" ping >/dev/null 2>&1 </dev/null; }

rmq_prepare() {
  ensure_dirs
  mkdir -p "$RMQ_DIR/mnesia" "$LOG_DIR/rabbitmq"
  if [[ ! -s "$RMQ_DIR/.erlang.cookie" ]]; then
    # Written before the first start so that the server and the CLI never race to create it.
    (umask 077 && od -An -N24 -tx1 /dev/urandom | tr -d ' \n' | tr 'a-f' 'A-F' >"$RMQ_DIR/.erlang.cookie")
    chmod 400 "$RMQ_DIR/.erlang.cookie"
  fi
  : >"$RMQ_DIR/rabbitmq-env.conf" # keeps /etc/rabbitmq/rabbitmq-env.conf out
  cat >"$RMQ_DIR/rabbitmq.conf" <<EOF
# Written by infra/servers.sh on every start; edits are lost.
listeners.tcp.default = 127.0.0.1:$AMQP_PORT
management.tcp.port = $RMQ_MGMT_PORT
management.tcp.ip = 127.0.0.1
loopback_users.guest = true
log.console = false
log.file.level = info
EOF
  if ! grep -q rabbitmq_management "$RMQ_DIR/enabled_plugins" 2>/dev/null; then
    if ! rmq_run "$RABBITMQ_BIN/rabbitmq-plugins" -n "$RMQ_NODE" enable --offline rabbitmq_management \
      >"$LOG_DIR/rabbitmq-plugins.log" 2>&1 </dev/null; then
      show_log_tail "$LOG_DIR/rabbitmq-plugins.log"
      die "enabling rabbitmq_management failed (log: $LOG_DIR/rabbitmq-plugins.log)"
    fi
  fi
}

start_rabbitmq() {
  if port_listening "$AMQP_PORT" && rmq_ping; then
    log "RabbitMQ ($ENV_NAME) already runs on 127.0.0.1:$AMQP_PORT"
    return 0
  fi
  local p
  for p in "$AMQP_PORT" "$RMQ_MGMT_PORT" "$RMQ_DIST_PORT"; do
    port_listening "$p" && die "port $p is taken by another process (not this environment's RabbitMQ)"
  done
  rmq_prepare
  log "RabbitMQ ($ENV_NAME): starting node $RMQ_NODE on 127.0.0.1:$AMQP_PORT (logs: $LOG_DIR/rabbitmq/, $RMQ_LOG)"
  echo "=== $(date -Is) start" >>"$RMQ_LOG"
  rmq_run setsid "$RABBITMQ_BIN/rabbitmq-server" >>"$RMQ_LOG" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$RUN_DIR/rabbitmq-server.pid"
  local deadline=$((SECONDS + 90))
  until rmq_ping; do
    if ! pid_alive "$pid"; then
      show_log_tail "$RMQ_LOG"
      show_log_tail "$LOG_DIR/rabbitmq/$RMQ_NODE.log"
      die "RabbitMQ ($ENV_NAME) exited during start-up (logs: $RMQ_LOG, $LOG_DIR/rabbitmq/)"
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail "$RMQ_LOG"
      show_log_tail "$LOG_DIR/rabbitmq/$RMQ_NODE.log"
      die "RabbitMQ ($ENV_NAME) did not answer a ping within 90 s (logs: $RMQ_LOG, $LOG_DIR/rabbitmq/)"
    fi
    sleep 0.5
  done
  if ! rmqctl await_startup --timeout 60 >>"$RMQ_LOG" 2>&1 </dev/null; then
    show_log_tail "$LOG_DIR/rabbitmq/$RMQ_NODE.log"
    die "RabbitMQ ($ENV_NAME) did not finish booting (logs: $RMQ_LOG, $LOG_DIR/rabbitmq/)"
  fi
  if ! wait_until 30 "RabbitMQ ports $AMQP_PORT and $RMQ_MGMT_PORT" \
    bash -c "ss -Hltn 'sport = :$AMQP_PORT' | grep -q . && ss -Hltn 'sport = :$RMQ_MGMT_PORT' | grep -q ."; then
    show_log_tail "$LOG_DIR/rabbitmq/$RMQ_NODE.log"
    die "RabbitMQ ($ENV_NAME) runs but does not listen on $AMQP_PORT/$RMQ_MGMT_PORT"
  fi
  log "RabbitMQ ($ENV_NAME): up (AMQP 127.0.0.1:$AMQP_PORT, management http://127.0.0.1:$RMQ_MGMT_PORT, guest/guest)"
}

stop_rabbitmq() {
  if rmq_ping; then
    log "RabbitMQ ($ENV_NAME): stopping node $RMQ_NODE"
    if ! rmqctl shutdown --timeout 60 >>"$RMQ_LOG" 2>&1 </dev/null; then
      warn "rabbitmqctl shutdown failed (log: $RMQ_LOG)"
    fi
  fi
  # Fallback when the node does not answer but its process is still there.
  if port_listening "$AMQP_PORT" || port_listening "$RMQ_DIST_PORT"; then
    local pid
    pid="$(cat "$RMQ_DIR/rabbitmq.pid" 2>/dev/null || true)"
    if [[ -n "$pid" ]] && pid_alive "$pid"; then
      warn "RabbitMQ ($ENV_NAME) still listening; sending TERM to its pid $pid"
      kill -TERM "$pid" 2>/dev/null || true
      wait_until 30 "RabbitMQ pid $pid to exit" ports_closed "$AMQP_PORT" "$RMQ_DIST_PORT" ||
        kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  # Only this environment's epmd (its own port); it may also have been started by the CLI.
  if port_listening "$EPMD_PORT"; then
    env ERL_EPMD_PORT="$EPMD_PORT" epmd -kill >/dev/null 2>&1 || true
  fi
  if ! wait_until 30 "RabbitMQ ports to close" ports_closed "$AMQP_PORT" "$RMQ_MGMT_PORT" "$RMQ_DIST_PORT" "$EPMD_PORT"; then
    show_log_tail "$LOG_DIR/rabbitmq/$RMQ_NODE.log"
    die "RabbitMQ ($ENV_NAME) still listens on one of $AMQP_PORT $RMQ_MGMT_PORT $RMQ_DIST_PORT $EPMD_PORT"
  fi
  rm -f "$RUN_DIR/rabbitmq-server.pid"
  log "RabbitMQ ($ENV_NAME): stopped"
}

# ---------------------------------------------------------------- maildev

maildev_up() { port_listening "$SMTP_PORT" && port_listening "$MAILDEV_WEB_PORT"; }

start_maildev() {
  ensure_dirs
  if maildev_up; then
    log "maildev ($ENV_NAME) already runs (SMTP 127.0.0.1:$SMTP_PORT, web http://127.0.0.1:$MAILDEV_WEB_PORT)"
    return 0
  fi
  local p
  for p in "$SMTP_PORT" "$MAILDEV_WEB_PORT"; do
    port_listening "$p" && die "port $p is taken by another process (not this environment's maildev)"
  done
  [[ -f "$MAILDEV_JS" ]] || die "maildev is not installed ($MAILDEV_JS); run: bash infra/install.sh"
  log "maildev ($ENV_NAME): starting (log: $MAILDEV_LOG)"
  echo "=== $(date -Is) start" >>"$MAILDEV_LOG"
  setsid node "$MAILDEV_JS" --ip 127.0.0.1 --web-ip 127.0.0.1 --smtp "$SMTP_PORT" --web "$MAILDEV_WEB_PORT" \
    --mail-directory "$MAILDEV_DIR" >>"$MAILDEV_LOG" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$MAILDEV_PID"
  local deadline=$((SECONDS + 30))
  until maildev_up; do
    if ! pid_alive "$pid"; then
      show_log_tail "$MAILDEV_LOG"
      die "maildev ($ENV_NAME) exited during start-up (log: $MAILDEV_LOG)"
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail "$MAILDEV_LOG"
      die "maildev ($ENV_NAME) did not listen on $SMTP_PORT/$MAILDEV_WEB_PORT within 30 s (log: $MAILDEV_LOG)"
    fi
    sleep 0.25
  done
  log "maildev ($ENV_NAME): up (SMTP 127.0.0.1:$SMTP_PORT, web + API http://127.0.0.1:$MAILDEV_WEB_PORT)"
}

stop_maildev() {
  local pid=""
  [[ -f "$MAILDEV_PID" ]] && pid="$(cat "$MAILDEV_PID")"
  if [[ -n "$pid" ]] && pid_alive "$pid"; then
    log "maildev ($ENV_NAME): stopping pid $pid"
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_until 15 "maildev to exit" ports_closed "$SMTP_PORT" "$MAILDEV_WEB_PORT"; then
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$MAILDEV_PID"
  if ! wait_until 10 "maildev ports to close" ports_closed "$SMTP_PORT" "$MAILDEV_WEB_PORT"; then
    die "something not started by this script still listens on $SMTP_PORT/$MAILDEV_WEB_PORT"
  fi
  log "maildev ($ENV_NAME): stopped"
}

# ---------------------------------------------------------------- commands

status() {
  local name port state rc=0
  for entry in "PostgreSQL:$PG_PORT" "RabbitMQ-AMQP:$AMQP_PORT" "RabbitMQ-management:$RMQ_MGMT_PORT" \
    "maildev-SMTP:$SMTP_PORT" "maildev-web:$MAILDEV_WEB_PORT"; do
    name="${entry%%:*}" port="${entry##*:}"
    if port_listening "$port"; then state=up; else state=down rc=3; fi
    printf '%-22s 127.0.0.1:%-6s %s\n' "$name" "$port" "$state"
  done
  return "$rc"
}

started_at=$SECONDS
case "$COMMAND" in
  start)
    log "starting the $ENV_NAME servers (data: $DATA_DIR, logs: $LOG_DIR)"
    start_postgres
    start_rabbitmq
    start_maildev
    log "$ENV_NAME servers are up ($((SECONDS - started_at))s)"
    ;;
  stop)
    stop_maildev
    stop_rabbitmq
    stop_postgres
    log "$ENV_NAME servers are stopped ($((SECONDS - started_at))s)"
    ;;
  status) status ;;
  start-rabbitmq) start_rabbitmq ;;
  stop-rabbitmq) stop_rabbitmq ;;
  start-postgres) start_postgres ;;
  stop-postgres) stop_postgres ;;
  start-maildev) start_maildev ;;
  statements)
    locate_postgres
    as_postgres "$PG_BIN/psql" -X -q -h "$PG_DATA" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 <<'SQL'
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
\pset pager off
SELECT d.datname AS db, s.calls, round(s.total_exec_time::numeric, 0) AS total_ms,
       round(s.mean_exec_time::numeric, 3) AS mean_ms, s.rows, left(regexp_replace(s.query, '\s+', ' ', 'g'), 400) AS query
FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
ORDER BY s.total_exec_time DESC LIMIT 15;
SQL
    ;;
  stop-maildev) stop_maildev ;;
  reset)
    [[ "$ENV_NAME" == test* ]] || die "reset only wipes .data/test*; delete .data/dev by hand if you mean it"
    stop_maildev
    stop_rabbitmq
    stop_postgres
    rm -rf "$DATA_DIR" "$PG_OUTSIDE"
    log "$DATA_DIR deleted"
    ;;
  *) usage ;;
esac
