// Types of the double's SQL macro expansion for the TypeScript callers (bench/sources.ts).
export function expandSql(
  sql: string,
  range: { from: number; to: number },
  intervalMs?: number
): { sql: string; fill?: unknown };
export function rfc3339Nano(ms: number): string;
