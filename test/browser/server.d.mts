// Types of the harness server for the TypeScript callers (bench/firstPaint.ts).
import type { Server } from 'node:http';
export function startHarness(options?: {
  port?: number;
  recordTo?: string;
  build?: boolean;
  cacheStatic?: boolean;
}): Promise<{ server: Server; url: string }>;
