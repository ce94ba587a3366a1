/**
 * YAML output that every reader parses back to the same data: Grafana (Go, YAML 1.1 style booleans) and Prometheus
 * as well as YAML 1.2 tools. Multi-line strings are block literals (queries stay readable); strings that a YAML 1.1
 * or 1.2 reader could take for something else (`yes`, `on`, `1.0`, `0o17`, `2026-10-01`) are double-quoted. The
 * output is checked against both versions before it is returned, so an ambiguity is a generator error, never a
 * silently different file.
 */
import { Document, isScalar, parse, visit } from 'yaml';

/** Strings whose plain form a YAML 1.2 reader might type (numbers in any notation, .inf, .nan). */
const NUMERIC_LOOKING = /^[-+.]?(\d|\.(inf|nan)$)|^0[box]/i;
/** Short lists of short scalars are written in flow style, `[a, b]`. */
const FLOW_MAX_ITEMS = 4;
const FLOW_MAX_CHARS = 60;

export function toYaml(value: unknown, headerLines: string[] = []): string {
  // No anchors and aliases for repeated objects: every reader sees plain, self-contained values.
  const doc = new Document(value, { version: '1.1', aliasDuplicateObjects: false });
  visit(doc, {
    Seq(_key, node) {
      const scalars = node.items.every((i) => isScalar(i) && !String(i.value).includes('\n'));
      const chars = node.items.reduce<number>((n, i) => n + String(isScalar(i) ? i.value : '').length + 2, 0);
      node.flow = node.items.length > 0 && node.items.length <= FLOW_MAX_ITEMS && scalars && chars <= FLOW_MAX_CHARS;
    },
    Scalar(_key, node) {
      if (typeof node.value !== 'string') {
        return;
      }
      if (node.value.includes('\n')) {
        node.type = 'BLOCK_LITERAL';
      } else if (NUMERIC_LOOKING.test(node.value) || node.value.trim() !== node.value) {
        node.type = 'QUOTE_DOUBLE';
      }
    },
  });
  const body = doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: false });
  const expected = JSON.stringify(value);
  for (const version of ['1.1', '1.2'] as const) {
    const back = JSON.stringify(parse(body, { version }));
    if (back !== expected) {
      throw new Error(`generated YAML does not read back identically under YAML ${version}`);
    }
  }
  // A header line is one comment line, whatever it holds: a line break in it would end the comment and start YAML.
  const comment = (l: string) => (l ? `# ${l.replace(/[\r\n\u2028\u2029\u0085]+/g, ' ')}` : '#');
  return [...headerLines.map(comment), body].join('\n');
}
