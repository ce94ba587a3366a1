/**
 * Reading a catalog: YAML text -> plain data (syntax errors with line and column) -> a validated Catalog.
 */
import { parseDocument } from 'yaml';

import { catalogWarnings } from './freshness';
import type { Catalog, Problem } from './types';
import { validateCatalog } from './validate';

export interface SyntaxProblem extends Problem {
  line: number;
  column: number;
}

export interface ParsedYaml {
  data?: unknown;
  syntaxErrors: SyntaxProblem[];
}

/** Parses YAML (1.2, one document). Duplicate keys are syntax errors: a definition must not be silently shadowed. */
export function parseYaml(text: string): ParsedYaml {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const syntaxErrors = doc.errors.map((e): SyntaxProblem => {
    const pos = e.linePos?.[0] ?? { line: 0, col: 0 };
    const firstLine = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { path: `line ${pos.line}, column ${pos.col}`, message: firstLine, line: pos.line, column: pos.col };
  });
  if (syntaxErrors.length > 0) {
    return { syntaxErrors };
  }
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }), syntaxErrors };
  } catch (e) {
    // The yaml package refuses documents whose aliases expand past maxAliasCount (an "alias bomb").
    const message = `the document cannot be expanded: ${(e as Error).message}`;
    return { syntaxErrors: [{ path: 'line 1, column 1', message, line: 1, column: 1 }] };
  }
}

export interface LoadedCatalog {
  /** The parsed data, also when invalid (the fingerprint and the config page use it). */
  data?: unknown;
  catalog?: Catalog;
  syntaxErrors: SyntaxProblem[];
  problems: Problem[];
  /** Risks a valid catalog does not guard against (freshness.ts `catalogWarnings`); they do not make it invalid. */
  warnings: Problem[];
}

export function loadCatalog(text: string): LoadedCatalog {
  const parsed = parseYaml(text);
  if (parsed.syntaxErrors.length > 0) {
    return { syntaxErrors: parsed.syntaxErrors, problems: [], warnings: [] };
  }
  const { catalog, problems } = validateCatalog(parsed.data);
  const warnings = catalog ? catalogWarnings(catalog) : [];
  return { data: parsed.data, catalog, syntaxErrors: [], problems, warnings };
}
