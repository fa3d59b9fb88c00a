#!/usr/bin/env bash
# infra/docker/postgres-init.sh: init script of the postgres:15 container in docker-compose.yml
# (mounted into /docker-entrypoint-initdb.d/; runs once, on an empty data volume). Creates the
# roles sourcing_owner / sourcing_app and the service databases exactly as the local servers do,
# by running infra/sql/bootstrap.sql (mounted at /sourcing/bootstrap.sql). Output: docker logs.
set -euo pipefail
echo "sourcing: creating roles and databases (infra/sql/bootstrap.sql)"
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname postgres \
  -f /sourcing/bootstrap.sql
echo "sourcing: roles and databases are in place"
