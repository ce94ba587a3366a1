// Types of the double's PostgreSQL wire client for the TypeScript callers (bench/sources.ts).
export class PgError extends Error {}
export interface PgResult {
  fields: Array<{ name: string; typeOid: number }>;
  rows: Array<Array<string | null>>;
  command: string;
}
export class PgConnection {
  static connect(login: {
    host: string;
    port: number;
    user: string;
    password: string;
    database: string;
  }): Promise<PgConnection>;
  query(sql: string): Promise<{ results: PgResult[]; error?: PgError }>;
  close(): void;
}
