#!/bin/sh
# The docker compose quickstart's demo data, step 2 (service `demo-data`, the postgres image): loads the SQL that
# step 1 (`demo-sql`, test/demo/compose-seed.mjs) wrote, as the database owner (PGHOST, PGUSER, PGPASSWORD and
# PGDATABASE are set). The read-only Grafana role gets SELECT on the new tables through the default privileges of
# provisioning/postgres/10-candor-grafana-role.sh. Loading twice fails on the existing tables: `docker compose down -v`
# starts over.
set -eu
psql -v ON_ERROR_STOP=1 -q -f /seed/seed.sql
echo "candor demo-data: loaded the demo scenario (docs/demo-scenario.md)"
