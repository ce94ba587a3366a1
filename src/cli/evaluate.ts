/**
 * `candor evaluate --catalog FILE --response FILE [--annotations FILE] [--now ISO] [--output json|text]`: evaluates a
 * catalog against a saved `POST /api/ds/query` response (results keyed by the metric-id refIds, as the browser's
 * network tab shows it), and the owners' actions from a saved `GET /api/annotations` answer when given, through the
 * same engine and the same formatter as the datasource. `--output json` (the default) prints `{ meta, rows,
 * warnings }`, the rows of docs/frames.md; `--output text` prints the scorecard for people (core/scorecardText.ts).
 * Without --annotations no action is known, so amber escalates after its grace period, as in Grafana when the
 * actions cannot be read. Without --now the evaluation time is the wall clock (as a dashboard ending "now").
 * A metric whose evaluation fails is printed as an `error` row with the reason (runEngineGuarded), never a crash.
 * Exit codes: 0 printed; 1 the catalog is invalid, or the scorecard could not be evaluated at all; 2 a file cannot be
 * read or parsed, or the arguments are wrong.
 */
import { readFileSync } from 'fs';

import type { AnnotationLike } from '../core/actions';
import { scorecardText } from '../core/scorecardText';
import { parseInstant } from '../core/duration';
import { fingerprint } from '../core/fingerprint';
import { runEngineGuarded } from '../core/guard';
import { loadCatalog } from '../core/parse';
import { decodeResponse } from '../core/response';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const EVALUATE_USAGE =
  'usage: candor evaluate --catalog FILE --response FILE [--annotations FILE] [--now ISO-8601] [--output json|text]';

function flags(argv: string[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (!['--catalog', '--response', '--annotations', '--now', '--output'].includes(key) || value === undefined) {
      return undefined;
    }
    out[key.slice(2)] = value;
  }
  return out.catalog && out.response && [undefined, 'json', 'text'].includes(out.output) ? out : undefined;
}

function readText(file: string, io: Io): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    io.err(`${file}: cannot read: ${(e as Error).message}`);
    return undefined;
  }
}

export function evaluateCommand(argv: string[], io: Io, clock: () => number = Date.now): number {
  const args = flags(argv);
  const asOf = args?.now === undefined ? clock() : parseInstant(args.now);
  if (!args || asOf === undefined) {
    io.err(args ? `--now: "${args.now}" is not an ISO 8601 time with a zone (2026-11-16T12:00:00Z)` : EVALUATE_USAGE);
    return 2;
  }
  const catalogText = readText(args.catalog, io);
  const responseText = readText(args.response, io);
  const annotationsText = args.annotations === undefined ? '[]' : readText(args.annotations, io);
  if (catalogText === undefined || responseText === undefined || annotationsText === undefined) {
    return 2;
  }
  let annotations: unknown;
  try {
    annotations = JSON.parse(annotationsText);
  } catch (e) {
    io.err(`${args.annotations}: not JSON: ${(e as Error).message}`);
    return 2;
  }
  if (!Array.isArray(annotations)) {
    io.err(`${args.annotations}: not a /api/annotations answer: expected a list of annotations`);
    return 2;
  }
  const loaded = loadCatalog(catalogText);
  if (loaded.syntaxErrors.length > 0) {
    loaded.syntaxErrors.forEach((e) => io.err(`${args.catalog}:${e.line}:${e.column}: ${e.message}`));
    return 2;
  }
  if (!loaded.catalog) {
    loaded.problems.forEach((p) => io.err(`${p.path}: ${p.message}`));
    return 1;
  }
  let response: unknown;
  try {
    response = JSON.parse(responseText);
  } catch (e) {
    io.err(`${args.response}: not JSON: ${(e as Error).message}`);
    return 2;
  }
  let decoded: ReturnType<typeof decodeResponse>;
  try {
    decoded = decodeResponse(response);
  } catch (e) {
    io.err(`${args.response}: not a /api/ds/query response: ${(e as Error).message}`);
    return 2;
  }
  const { frames, errors } = decoded;
  let out: ReturnType<typeof runEngineGuarded>;
  try {
    out = runEngineGuarded({
      catalog: loaded.catalog,
      fingerprint: fingerprint(loaded.data),
      selection: {},
      frames,
      errors,
      asOf,
      asOfIsNow: args.now === undefined,
      now: asOf,
      wallClock: clock(),
      ...(args.annotations === undefined ? {} : { annotations: { list: annotations as AnnotationLike[] } }),
    });
  } catch (e) {
    io.err(`${args.response}: the scorecard could not be evaluated: ${(e as Error).message ?? e}`);
    return 1;
  }
  if (args.output === 'text') {
    io.out(scorecardText(out.result));
    out.warnings.forEach((w) => io.err(`warning: ${w}`));
    return 0;
  }
  io.out(JSON.stringify({ meta: out.result.meta, rows: out.result.rows, warnings: out.warnings }, null, 2));
  return 0;
}
