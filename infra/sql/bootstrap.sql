-- infra/sql/bootstrap.sql: creates the roles and databases of docs/conventions.md.
-- Idempotent; run as a superuser connected to the "postgres" database:
--   by infra/servers.sh (local servers) and infra/docker/postgres-init.sh (docker compose).
-- Needs psql (uses \gexec and \connect).
\set ON_ERROR_STOP on
\set QUIET on

-- Roles: sourcing_owner owns the databases and runs the migrations; sourcing_app is what the
-- services connect as (a plain role, so row-level security applies to it).
SELECT format('CREATE ROLE %I', r)
  FROM unnest(ARRAY['sourcing_owner', 'sourcing_app']) AS r
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) \gexec
ALTER ROLE sourcing_owner WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD 'sourcing_owner';
ALTER ROLE sourcing_app WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD 'sourcing_app';

-- One database per service (keep in sync with SOURCING_DATABASES in infra/lib.sh).
SELECT format('CREATE DATABASE %I OWNER sourcing_owner ENCODING ''UTF8''', d)
  FROM unnest(ARRAY['sourcing_identity', 'sourcing_tenants', 'sourcing_engagements', 'sourcing_sla', 'sourcing_risk']) AS d
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d) \gexec
SELECT format('ALTER DATABASE %I OWNER TO sourcing_owner', d),
       format('GRANT CONNECT ON DATABASE %I TO sourcing_app', d)
  FROM unnest(ARRAY['sourcing_identity', 'sourcing_tenants', 'sourcing_engagements', 'sourcing_sla', 'sourcing_risk']) AS d \gexec

-- Inside each database: the app may use schema public and gets DML on every table and
-- sequence that sourcing_owner (the migrations) creates there. In PG 15 schema public is
-- owned by pg_database_owner, i.e. by sourcing_owner, who may create tables in it.
\connect sourcing_identity
GRANT USAGE ON SCHEMA public TO sourcing_app;
ALTER DEFAULT PRIVILEGES FOR ROLE sourcing_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sourcing_app;
ALTER DEFAULT PRIVILEGES FOR ROLE sourcing_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO sourcing_app;

\connect sourcing_tenants
GRANT USAGE ON SCHEMA public TO sourcing_app;
ALTER DEFAULT PRIVILEGES FOR ROLE sourcing_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sourcing_app;
ALTER DEFAULT PRIVILEGES FOR ROLE sourcing_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO sourcing_app;

\connect sourcing_engagements
GRANT USAGE ON SCHEMA public TO sourcing_app;
ALTER DEFAULT PRIVILEGES FOR ROLE sourcing_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sourcing_app;
ALTER DEFAULT PRIVILEGES FOR ROLE sourcing_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO sourcing_app;

\connect sourcing_sla
GRANT USAGE ON SCHEMA public TO sourcing_app;
ALTER DEFAULT PRIVILEGES FOR ROLE sourcing_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sourcing_app;
ALTER DEFAULT PRIVILEGES FOR ROLE sourcing_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO sourcing_app;

\connect sourcing_risk
GRANT USAGE ON SCHEMA public TO sourcing_app;
ALTER DEFAULT PRIVILEGES FOR ROLE sourcing_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sourcing_app;
ALTER DEFAULT PRIVILEGES FOR ROLE sourcing_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO sourcing_app;
