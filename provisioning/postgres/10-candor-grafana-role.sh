#!/bin/sh
# Run once by the postgres image when the quickstart database is created (/docker-entrypoint-initdb.d): the
# read-only role Grafana uses (docs/demo-schema.md#access-read-only). The password comes from the environment
# (CANDOR_GRAFANA_DB_PASSWORD in docker-compose.yml), never from this repository.
set -eu
: "${CANDOR_GRAFANA_DB_PASSWORD:?set CANDOR_GRAFANA_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v pw="$CANDOR_GRAFANA_DB_PASSWORD" -v db="$POSTGRES_DB" <<'SQL'
CREATE ROLE candor_grafana LOGIN PASSWORD :'pw';
GRANT CONNECT ON DATABASE :"db" TO candor_grafana;
GRANT USAGE ON SCHEMA public TO candor_grafana;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO candor_grafana;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO candor_grafana;
ALTER ROLE candor_grafana SET default_transaction_read_only = on;
SQL
