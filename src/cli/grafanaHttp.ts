/**
 * One JSON request to Grafana's HTTP API with a service-account token, through node's http(s) (no global fetch
 * needed). The token goes in the Authorization header only; it is never part of an error message.
 */
import http from 'http';
import https from 'https';

import { CliError } from './common';

export interface GrafanaResponse {
  status: number;
  /** The parsed JSON body; the raw text when it is not JSON; undefined when empty. */
  body: unknown;
}

export interface GrafanaRequest {
  method: 'GET' | 'POST' | 'PATCH';
  url: URL;
  /** The service-account token; empty: no Authorization header (a webhook). */
  token: string;
  body?: unknown;
  /** Give up after this long without an answer (default 30 s). */
  timeoutMs?: number;
}

/** Grafana could not be reached at all (refused, unknown host, timeout): exit 1, one line naming the URL. */
export class GrafanaUnreachable extends CliError {
  constructor(
    readonly target: string,
    readonly reason: string
  ) {
    super(`${target}: ${reason}`, 1);
  }
}

/** The largest answer read (a year of actions is well under this). */
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export function grafanaRequest({
  method,
  url,
  token,
  body,
  timeoutMs = 30_000,
}: GrafanaRequest): Promise<GrafanaResponse> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const client = url.protocol === 'https:' ? https : http;
  const target = `${method} ${url.origin}${url.pathname}`;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method,
        headers: {
          Accept: 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_RESPONSE_BYTES) {
            req.destroy(new Error(`answer larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB`));
            return;
          }
          chunks.push(c);
        });
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            // not JSON: keep the text for the error message
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      }
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on('error', (e: NodeJS.ErrnoException) => {
      // Node's dual-stack connect failure (AggregateError) has an empty message and only a code.
      reject(new GrafanaUnreachable(target, e.message || e.code || String(e)));
    });
    req.end(payload);
  });
}

/** Grafana's `{"message": …}` from an error answer, or the raw text, shortened to one line. */
export function grafanaMessage(res: GrafanaResponse): string {
  const raw =
    typeof res.body === 'object' && res.body !== null ? (res.body as { message?: unknown }).message : res.body;
  const text = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : '';
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
