/** The Grafana plugin types of the sources a catalog queries (one small module, so the panel need not load queries.ts). */
export const PROMETHEUS_TYPE = 'prometheus';
export const POSTGRES_TYPE = 'grafana-postgresql-datasource';
